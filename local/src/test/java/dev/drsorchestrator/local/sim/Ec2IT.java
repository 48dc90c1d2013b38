package dev.drsorchestrator.local.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.local.sim.model.Ec2Instance;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.Tag;

class Ec2IT {
    private static final String HUB = "111111111111";
    private static final String TARGET = "222222222222";

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension(Scenarios::demo);
    private Ec2Client ec2;

    @BeforeEach
    void reload() {
        ec2 = SimClients.withKey(SIM.get(), TARGET).ec2(Region.US_WEST_2);
    }

    private List<Instance> instances(software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest request) {
        return ec2.describeInstancesPaginator(request).reservations().stream()
                .flatMap(r -> r.instances().stream()).toList();
    }

    @Test
    void describeInstances_shouldReturnEverySourceInstanceAcrossPages_whenMaxResultsIsFive() {
        // GIVEN the source instances that live in the hub account's us-west-2
        List<String> expected = SIM.get().fleet().instances(HUB, "us-west-2").stream()
                .map(Ec2Instance::instanceId).toList();

        // WHEN paged five at a time
        Ec2Client hub = SimClients.withKey(SIM.get(), HUB).ec2(Region.US_WEST_2);
        List<String> seen = hub.describeInstancesPaginator(b -> b.maxResults(5)).reservations().stream()
                .flatMap(r -> r.instances().stream()).map(Instance::instanceId).toList();

        // THEN every instance appears once, in order
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void describeInstances_shouldFindTheSourceInstanceOfADrsServer_whenAskedByIdInItsOriginRegion() {
        // GIVEN a DRS server whose source machine lives in us-west-2 of the target account
        SourceServer server = SIM.get().fleet().allSourceServers().stream()
                .filter(s -> TARGET.equals(s.machine().originAccountId()) && "us-west-2".equals(s.machine().originRegion()))
                .findFirst().orElseThrow();

        // WHEN the instance is described
        Instance instance = ec2.describeInstances(b -> b.instanceIds(server.machine().sourceInstanceId()))
                .reservations().get(0).instances().get(0);

        // THEN its facts match the machine's
        assertThat(instance.privateIpAddress()).isEqualTo(server.machine().privateIp());
        assertThat(instance.instanceTypeAsString()).isEqualTo(server.machine().instanceType());
        assertThat(instance.placement().availabilityZone()).isEqualTo(server.machine().originAvailabilityZone());
        assertThat(instance.tags()).contains(Tag.builder().key("Name").value(server.machine().hostname()).build());
        assertThat(instance.subnetId()).startsWith("subnet-");
        assertThat(instance.securityGroups()).isNotEmpty();
    }

    @Test
    void describeInstances_shouldFilterByTag_whenATagFilterIsGiven() {
        List<Instance> web = instances(software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest.builder()
                .filters(Filter.builder().name("tag:Tier").values("web").build()).build());

        assertThat(web).isNotEmpty().allSatisfy(i -> assertThat(i.tags())
                .contains(Tag.builder().key("Tier").value("web").build()));
        long expected = SIM.get().fleet().instances(TARGET, "us-west-2").stream()
                .filter(i -> "web".equals(i.tags().get("Tier"))).count();
        assertThat(web).hasSize((int) expected);
    }

    @Test
    void describeInstances_shouldRaiseInvalidInstanceIdNotFound_whenTheInstanceDoesNotExist() {
        assertThatThrownBy(() -> ec2.describeInstances(b -> b.instanceIds("i-0123456789abcdef0")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.NotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("i-0123456789abcdef0");
                });
    }

    @Test
    void describeInstances_shouldAnswerAuthFailure_whenTheKeyIsUnknown() throws Exception {
        // GIVEN an access key the simulator never issued

        // WHEN the SDK calls with it THEN it gets EC2's 401 (the url-connection client cannot read a 401 body)
        assertThatThrownBy(() -> SimClients.withKey(SIM.get(), "nobody").ec2(Region.US_WEST_2).describeInstances())
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.statusCode()).isEqualTo(401));

        // AND the body on the wire is EC2's error shape with AuthFailure
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(SIM.get().endpoint())
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=nobody/20260105/us-west-2/ec2/aws4_request,"
                        + " SignedHeaders=host, Signature=0")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeInstances&Version=2016-11-15")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(raw.body()).contains("<Response><Errors><Error><Code>AuthFailure</Code>");
    }

    @Test
    void describeSubnetsAndSecurityGroups_shouldListTheRegionsNetwork_whenCalled() {
        var subnets = ec2.describeSubnets().subnets();
        var groups = ec2.describeSecurityGroups().securityGroups();

        assertThat(subnets).hasSize(2).allSatisfy(s -> {
            assertThat(s.cidrBlock()).matches("10\\.\\d+\\.\\d+\\.0/24");
            assertThat(s.availabilityZone()).startsWith("us-west-2");
            assertThat(s.ownerId()).isEqualTo(TARGET);
        });
        assertThat(groups).extracting(g -> g.groupName()).containsExactly("dr-recovery-instances", "dr-database");
        assertThat(ec2.describeSubnets(b -> b.filters(Filter.builder().name("availability-zone")
                .values("us-west-2b").build())).subnets()).hasSize(1);
    }

    @Test
    void describeInstanceTypes_shouldPageAndReportCpuAndMemory_whenMaxResultsIsFive() {
        List<InstanceTypeInfo> all = ec2.describeInstanceTypesPaginator(b -> b.maxResults(5)).instanceTypes()
                .stream().toList();

        assertThat(all).hasSize(10);
        assertThat(all).filteredOn(t -> "r5.2xlarge".equals(t.instanceTypeAsString())).singleElement()
                .satisfies(t -> {
                    assertThat(t.vCpuInfo().defaultVCpus()).isEqualTo(8);
                    assertThat(t.memoryInfo().sizeInMiB()).isEqualTo(65536L);
                });
    }

    @Test
    void launchTemplateVersions_shouldBeCreatedAndMadeDefault_whenDrsLaunchSettingsChange() {
        // GIVEN the DRS launch template of a server replicating into us-west-2
        SourceServer server = SIM.get().fleet().sourceServers(TARGET, "us-west-2").get(0);
        String template = server.launch().launchTemplateId();
        String subnet = ec2.describeSubnets().subnets().get(1).subnetId();
        String group = ec2.describeSecurityGroups().securityGroups().get(1).groupId();

        // WHEN a new version is created from version 1 and made default
        CreateLaunchTemplateVersionResponse created = ec2.createLaunchTemplateVersion(b -> b
                .launchTemplateId(template).sourceVersion("1").versionDescription("wave 2 sizing")
                .launchTemplateData(d -> d.instanceType("r5.xlarge").networkInterfaces(n -> n.deviceIndex(0)
                        .subnetId(subnet).groups(group))));
        ec2.modifyLaunchTemplate(b -> b.launchTemplateId(template).defaultVersion("2"));
        LaunchTemplateVersion latest = ec2.describeLaunchTemplateVersions(b -> b.launchTemplateId(template)
                .versions("$Default")).launchTemplateVersions().get(0);

        // THEN the default is version 2 with the new data
        assertThat(created.launchTemplateVersion().versionNumber()).isEqualTo(2L);
        assertThat(latest.versionNumber()).isEqualTo(2L);
        assertThat(latest.defaultVersion()).isTrue();
        assertThat(latest.versionDescription()).isEqualTo("wave 2 sizing");
        assertThat(latest.launchTemplateData().instanceTypeAsString()).isEqualTo("r5.xlarge");
        assertThat(latest.launchTemplateData().networkInterfaces().get(0).subnetId()).isEqualTo(subnet);
        assertThat(latest.launchTemplateData().networkInterfaces().get(0).groups()).containsExactly(group);
    }

    @Test
    void describeLaunchTemplateVersions_shouldRaiseNotFound_whenTheTemplateBelongsToAnotherRegion() {
        String elsewhere = SIM.get().fleet().sourceServers(TARGET, "us-east-1").get(0).launch().launchTemplateId();

        assertThatThrownBy(() -> ec2.describeLaunchTemplateVersions(b -> b.launchTemplateId(elsewhere)))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidLaunchTemplateId.NotFound"));
    }

    @Test
    void createTags_shouldTagTheInstance_whenTheResourceExists() {
        String instance = SIM.get().fleet().instances(TARGET, "us-west-2").get(0).instanceId();

        ec2.createTags(b -> b.resources(instance).tags(Tag.builder().key("DrTested").value("2026-01").build()));

        assertThat(ec2.describeInstances(b -> b.instanceIds(instance)).reservations().get(0).instances().get(0).tags())
                .contains(Tag.builder().key("DrTested").value("2026-01").build());
    }
}
