package dev.drsorchestrator.tests.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.sim.model.Ec2Instance;
import dev.drsorchestrator.local.sim.model.InstanceTypeInfo;
import dev.drsorchestrator.local.sim.model.SecurityGroup;
import dev.drsorchestrator.local.sim.model.Subnet;
import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.Ec2Gateway;
import dev.drsorchestrator.shared.gateway.Ec2InstanceInfo;
import dev.drsorchestrator.shared.gateway.LaunchTemplateChanges;
import dev.drsorchestrator.shared.gateway.StsGateway;
import dev.drsorchestrator.tests.support.TestStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Ec2GatewayIT {
    private static final String HUB = "111111111111";
    private static final String REGION = "us-east-1";
    private static final Scenario FLEET = ScenarioGenerator.generate(GeneratorOptions.of(7, 1, 1, 260));
    private static TestStack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.start(FLEET);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void reload() {
        stack.sim().loadScenario(FLEET);
    }

    private static Ec2Gateway ec2() {
        return stack.gateways().ec2(AccountContext.hub(), REGION);
    }

    private static List<Ec2Instance> instances() {
        return stack.sim().fleet().instances(HUB, REGION);
    }

    @Test
    void describeInstances_shouldSendAtMostOneHundredIdsPerCall_whenGiven250Ids() {
        // GIVEN 250 instance ids of the hub
        List<String> ids = instances().stream().map(Ec2Instance::instanceId).limit(250).toList();
        assertThat(ids).hasSize(250);

        // WHEN the gateway describes them
        List<Ec2InstanceInfo> found = ec2().describeInstances(ids, Map.of());

        // THEN all come back from exactly three DescribeInstances calls (100 + 100 + 50)
        assertThat(found).extracting(Ec2InstanceInfo::instanceId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(stack.sim().counters().calls(HUB, REGION, "ec2", "DescribeInstances")).isEqualTo(3);
    }

    @Test
    void describeInstances_shouldKeepTheEnrichmentFields_whenDescribingOneInstance() {
        // GIVEN one instance of the fleet
        Ec2Instance model = instances().get(0);

        // WHEN it is described twice by id (duplicates are sent once)
        List<Ec2InstanceInfo> found = ec2().describeInstances(List.of(model.instanceId(), model.instanceId()),
                Map.of());

        // THEN its placement, network and tags are kept
        assertThat(found).hasSize(1);
        Ec2InstanceInfo info = found.get(0);
        assertThat(info.instanceType()).isEqualTo(model.instanceType());
        assertThat(info.state()).isEqualTo("running");
        assertThat(info.privateIpAddress()).isEqualTo(model.privateIp());
        assertThat(info.subnetId()).isEqualTo(model.subnetId());
        assertThat(info.vpcId()).isEqualTo(model.vpcId());
        assertThat(info.availabilityZone()).isEqualTo(model.availabilityZone());
        assertThat(info.platformDetails()).isEqualTo(model.platformDetails());
        assertThat(info.tags()).isEqualTo(model.tags());
    }

    @Test
    void describeInstances_shouldApplyFilters_whenNoIdsAreGiven() {
        // GIVEN the instance type of the first instance
        String type = instances().get(0).instanceType();
        long expected = instances().stream().filter(i -> i.instanceType().equals(type)).count();

        // WHEN instances are filtered by that type
        List<Ec2InstanceInfo> found = ec2().describeInstances(List.of(), Map.of("instance-type", List.of(type)));

        // THEN exactly those of that type come back
        assertThat(found).hasSize((int) expected).allSatisfy(i -> assertThat(i.instanceType()).isEqualTo(type));
    }

    @Test
    void describeSubnetsAndSecurityGroups_shouldReturnTheRegionsNetwork_whenFilteredByVpc() {
        // GIVEN the hub's first subnet and its VPC
        Subnet subnet = stack.sim().fleet().subnets(HUB, REGION).get(0);
        Map<String, List<String>> byVpc = Map.of("vpc-id", List.of(subnet.vpcId()));

        // WHEN subnets and security groups of that VPC are listed
        List<JsonNode> subnets = ec2().describeSubnets(byVpc);
        List<JsonNode> groups = ec2().describeSecurityGroups(byVpc);

        // THEN they match the fleet
        assertThat(subnets).extracting(s -> s.path("subnetId").asText()).contains(subnet.subnetId());
        assertThat(subnets).allSatisfy(s -> assertThat(s.path("vpcId").asText()).isEqualTo(subnet.vpcId()));
        assertThat(groups).extracting(g -> g.path("groupId").asText()).containsExactlyInAnyOrderElementsOf(
                stack.sim().fleet().securityGroups(HUB, REGION).stream()
                        .filter(g -> subnet.vpcId().equals(g.vpcId())).map(SecurityGroup::groupId).toList());
    }

    @Test
    void describeInstanceTypes_shouldReturnEveryType_whenNoneIsNamed() {
        // GIVEN the simulator's instance types
        List<String> expected = stack.sim().fleet().instanceTypes().stream().map(InstanceTypeInfo::instanceType)
                .toList();

        // WHEN the gateway lists them all, then one by name
        List<JsonNode> all = ec2().describeInstanceTypes(List.of());
        List<JsonNode> one = ec2().describeInstanceTypes(List.of(expected.get(0)));

        // THEN every type arrives with its size
        assertThat(all).extracting(t -> t.path("instanceType").asText()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).path("vCpus").asInt()).isEqualTo(stack.sim().fleet().instanceTypes().get(0).vcpus());
    }

    @Test
    void launchTemplate_shouldGetANewDefaultVersion_whenCreatedAndMadeDefault() {
        // GIVEN the launch template DRS created for a server
        String serverId = stack.sim().fleet().sourceServers(HUB, REGION).get(0).id();
        String templateId = stack.gateways().drs(AccountContext.hub(), REGION).getLaunchConfiguration(serverId)
                .path("ec2LaunchTemplateID").asText();
        Subnet subnet = stack.sim().fleet().subnets(HUB, REGION).get(1);
        String group = stack.sim().fleet().securityGroups(HUB, REGION).get(0).groupId();

        // WHEN a version with another type and subnet is created from version 1 and made the default
        long version = ec2().createLaunchTemplateVersion(templateId, "1", new LaunchTemplateChanges("m5.xlarge",
                subnet.subnetId(), List.of(group), "10.0.0.50", null, "drs-orchestrator test"));
        ec2().modifyLaunchTemplate(templateId, Long.toString(version));
        List<JsonNode> defaults = ec2().describeLaunchTemplateVersions(templateId, List.of("$Default"));
        List<JsonNode> all = ec2().describeLaunchTemplateVersions(templateId, List.of());

        // THEN version 2 is the default and carries the changes
        assertThat(version).isEqualTo(2);
        assertThat(all).hasSize(2);
        assertThat(defaults).hasSize(1);
        JsonNode data = defaults.get(0).path("launchTemplateData");
        assertThat(defaults.get(0).path("versionNumber").asLong()).isEqualTo(2);
        assertThat(defaults.get(0).path("defaultVersion").asBoolean()).isTrue();
        assertThat(data.path("instanceType").asText()).isEqualTo("m5.xlarge");
        assertThat(data.path("networkInterfaces").get(0).path("subnetId").asText()).isEqualTo(subnet.subnetId());
        assertThat(data.path("networkInterfaces").get(0).path("privateIpAddress").asText()).isEqualTo("10.0.0.50");
    }

    @Test
    void createTags_shouldTagTheInstance_whenGivenItsId() {
        // GIVEN an instance
        String id = instances().get(0).instanceId();

        // WHEN it is tagged
        ec2().createTags(List.of(id), Map.of("DrsOrchestrator", "managed"));

        // THEN a describe shows the tag
        assertThat(ec2().describeInstances(List.of(id), Map.of()).get(0).tags())
                .containsEntry("DrsOrchestrator", "managed");
    }

    @Test
    void listInstanceProfiles_shouldReturnTheAccountsProfiles_whenCalledAsTheHub() {
        // WHEN the hub lists its instance profiles
        List<JsonNode> profiles = stack.gateways().iam(AccountContext.hub()).listInstanceProfiles();

        // THEN the generated profiles are there with their roles
        assertThat(profiles).extracting(p -> p.path("instanceProfileName").asText())
                .contains("AWSElasticDisasterRecoveryRecoveryInstanceRole", "dr-recovery-app-profile");
        assertThat(profiles).filteredOn(p -> p.path("instanceProfileName").asText().equals("dr-recovery-app-profile"))
                .singleElement().satisfies(p -> assertThat(p.path("roles").get(0).asText())
                        .isEqualTo("dr-recovery-app-role"));
    }

    @Test
    void getCallerIdentity_shouldNameTheHub_whenCalledWithTheDefaultCredentials() {
        // WHEN the hub asks who it is
        StsGateway.CallerIdentity identity = stack.gateways().sts(AccountContext.hub(), REGION).getCallerIdentity();

        // THEN STS names the hub account
        assertThat(identity.account()).isEqualTo(HUB);
        assertThat(identity.arn()).contains(HUB);
    }
}
