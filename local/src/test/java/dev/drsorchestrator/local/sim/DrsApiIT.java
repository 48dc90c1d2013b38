package dev.drsorchestrator.local.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.local.sim.model.AccountKind;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.drs.model.CreateExtendedSourceServerResponse;
import software.amazon.awssdk.services.drs.model.DataReplicationState;
import software.amazon.awssdk.services.drs.model.DescribeSourceServersResponse;
import software.amazon.awssdk.services.drs.model.DrsException;
import software.amazon.awssdk.services.drs.model.GetLaunchConfigurationResponse;
import software.amazon.awssdk.services.drs.model.LaunchDisposition;
import software.amazon.awssdk.services.drs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.drs.model.StagingSourceServer;
import software.amazon.awssdk.services.drs.model.TargetInstanceTypeRightSizingMethod;
import software.amazon.awssdk.services.drs.model.UninitializedAccountException;
import software.amazon.awssdk.services.drs.model.ValidationException;

class DrsApiIT {
    private static final String TARGET = "222222222222";
    private static final String STAGING = "333333333333";

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension(Scenarios::demo);

    private static DrsClient drs(String key, Region region) {
        return SimClients.withKey(SIM.get(), key).drs(region);
    }

    @Test
    void describeSourceServers_shouldReturnEveryServerAcrossPages_whenPaginatedByThree() {
        // GIVEN the target account's servers in us-west-2 according to the fleet
        List<String> expected = SIM.get().fleet().sourceServers(TARGET, "us-west-2").stream().map(SourceServer::id)
                .toList();

        // WHEN a client pages through DescribeSourceServers three at a time
        DrsClient drs = drs(TARGET, Region.US_WEST_2);
        DescribeSourceServersResponse first = drs.describeSourceServers(b -> b.maxResults(3));
        List<String> seen = drs.describeSourceServersPaginator(b -> b.maxResults(3)).items().stream()
                .map(s -> s.sourceServerID()).toList();

        // THEN the first page holds three with a token, and all pages together hold every server once
        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(first.items()).hasSize(3);
        assertThat(first.nextToken()).isNotBlank();
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void describeSourceServers_shouldParseEveryNestedShape_whenTheSdkReadsAServer() {
        // GIVEN one server of the target account
        SourceServer model = SIM.get().fleet().sourceServers(TARGET, "us-east-1").get(0);

        // WHEN it is described by id
        var server = drs(TARGET, Region.US_EAST_1)
                .describeSourceServers(b -> b.filters(f -> f.sourceServerIDs(model.id()))).items().get(0);

        // THEN the SDK's typed objects carry the model's facts
        assertThat(server.sourceServerID()).isEqualTo(model.id());
        assertThat(server.arn()).isEqualTo("arn:aws:drs:us-east-1:" + TARGET + ":source-server/" + model.id());
        assertThat(server.tags()).containsKeys("Tier", "Application", "Environment");
        assertThat(server.sourceProperties().identificationHints().hostname()).isEqualTo(model.machine().hostname());
        assertThat(server.sourceProperties().identificationHints().awsInstanceID())
                .isEqualTo(model.machine().sourceInstanceId());
        assertThat(server.sourceProperties().cpus().get(0).cores()).isEqualTo(model.machine().cpuCores());
        assertThat(server.sourceProperties().ramBytes()).isEqualTo(model.machine().ramBytes());
        assertThat(server.sourceProperties().disks()).hasSameSizeAs(model.machine().disks());
        assertThat(server.sourceProperties().networkInterfaces().get(0).ips()).contains(model.machine().privateIp());
        assertThat(server.sourceCloudProperties().originRegion()).isEqualTo(model.machine().originRegion());
        assertThat(server.dataReplicationInfo().dataReplicationState())
                .isEqualTo(DataReplicationState.fromValue(model.replication().name()));
        assertThat(server.lifeCycle().addedToServiceDateTime()).isNotBlank();
        assertThat(server.lastLaunchResultAsString()).isEqualTo("NOT_STARTED");
    }

    @Test
    void describeSourceServers_shouldRaiseValidationException_whenMaxResultsIsOutOfRange() {
        // GIVEN a DRS client for the target account
        DrsClient drs = drs(TARGET, Region.US_EAST_1);

        // WHEN maxResults is 0 THEN the SDK raises the typed ValidationException naming the field
        assertThatThrownBy(() -> drs.describeSourceServers(b -> b.maxResults(0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.fieldList()).extracting(f -> f.name()).containsExactly("maxResults");
                });
    }

    @Test
    void describeSourceServers_shouldRaiseValidationException_whenNextTokenWasNeverIssued() {
        DrsClient drs = drs(TARGET, Region.US_EAST_1);

        assertThatThrownBy(() -> drs.describeSourceServers(b -> b.nextToken("forged")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nextToken");
    }

    @Test
    void describeSourceServers_shouldRaiseUninitializedAccount_whenDrsWasNeverInitializedInTheRegion() {
        // GIVEN a region the demo accounts never initialized DRS in
        DrsClient drs = drs(TARGET, Region.SA_EAST_1);

        // WHEN / THEN
        assertThatThrownBy(() -> drs.describeSourceServers(b -> b.maxResults(10)))
                .isInstanceOf(UninitializedAccountException.class);
    }

    @Test
    void describeSourceServers_shouldRaiseUnrecognizedClient_whenTheAccessKeyIsUnknown() {
        DrsClient drs = drs("AKIDNOTKNOWN", Region.US_EAST_1);

        assertThatThrownBy(() -> drs.describeSourceServers(b -> b.maxResults(10)))
                .isInstanceOfSatisfying(DrsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                });
    }

    @Test
    void describeSourceServers_shouldSeeOnlyTheHubsServers_whenSigningWithTheTestKey() {
        // GIVEN the hub's servers in us-east-1
        List<String> hub = SIM.get().fleet().sourceServers("111111111111", "us-east-1").stream()
                .map(SourceServer::id).toList();

        // WHEN the "test" key lists servers
        List<String> seen = drs(Simulator.HUB_ACCESS_KEY, Region.US_EAST_1).describeSourceServers(b -> b.maxResults(1000))
                .items().stream().map(s -> s.sourceServerID()).toList();

        // THEN exactly the hub's
        assertThat(seen).containsExactlyElementsOf(hub);
    }

    @Test
    void launchConfiguration_shouldRoundTrip_whenUpdatedThroughTheSdk() {
        // GIVEN a target server
        String id = SIM.get().fleet().sourceServers(TARGET, "us-east-1").get(0).id();
        DrsClient drs = drs(TARGET, Region.US_EAST_1);
        GetLaunchConfigurationResponse before = drs.getLaunchConfiguration(b -> b.sourceServerID(id));

        // WHEN its launch configuration is updated
        drs.updateLaunchConfiguration(b -> b.sourceServerID(id).launchDisposition(LaunchDisposition.STOPPED)
                .targetInstanceTypeRightSizingMethod(TargetInstanceTypeRightSizingMethod.NONE).copyPrivateIp(true)
                .licensing(l -> l.osByol(true)));
        GetLaunchConfigurationResponse after = drs.getLaunchConfiguration(b -> b.sourceServerID(id));

        // THEN the change is kept and the launch template stays the same
        assertThat(before.ec2LaunchTemplateID()).startsWith("lt-");
        assertThat(after.launchDisposition()).isEqualTo(LaunchDisposition.STOPPED);
        assertThat(after.targetInstanceTypeRightSizingMethod()).isEqualTo(TargetInstanceTypeRightSizingMethod.NONE);
        assertThat(after.copyPrivateIp()).isTrue();
        assertThat(after.licensing().osByol()).isTrue();
        assertThat(after.ec2LaunchTemplateID()).isEqualTo(before.ec2LaunchTemplateID());
    }

    @Test
    void getLaunchConfiguration_shouldRaiseResourceNotFound_whenTheServerBelongsToAnotherAccount() {
        // GIVEN a hub server id
        String hubServer = SIM.get().fleet().sourceServers("111111111111", "us-east-1").get(0).id();

        // WHEN the target account asks for it THEN it does not exist for that account
        assertThatThrownBy(() -> drs(TARGET, Region.US_EAST_1).getLaunchConfiguration(b -> b.sourceServerID(hubServer)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tags_shouldBeAddedListedAndRemoved_whenUsingTheTagsPath() {
        // GIVEN a target server ARN
        SourceServer server = SIM.get().fleet().sourceServers(TARGET, "us-east-1").get(0);
        DrsClient drs = drs(TARGET, Region.US_EAST_1);

        // WHEN a tag is added and another removed
        drs.tagResource(b -> b.resourceArn(server.arn()).tags(Map.of("DrWave", "1")));
        drs.untagResource(b -> b.resourceArn(server.arn()).tagKeys("Environment"));

        // THEN ListTagsForResource shows the result
        Map<String, String> tags = drs.listTagsForResource(b -> b.resourceArn(server.arn())).tags();
        assertThat(tags).containsEntry("DrWave", "1").doesNotContainKey("Environment").containsKey("Tier");
    }

    @Test
    void extendedSourceServers_shouldBeListedAndCreated_whenTheStagingAccountHasServers() {
        // GIVEN the staging account's servers in us-west-2
        DrsClient drs = drs(TARGET, Region.US_WEST_2);
        assertThat(drs.listStagingAccounts(b -> b.maxResults(10)).accounts()).extracting(a -> a.accountID())
                .containsExactly(STAGING);
        List<StagingSourceServer> extensible = drs.listExtensibleSourceServers(b -> b.stagingAccountID(STAGING))
                .items();

        // WHEN the target extends the first one
        CreateExtendedSourceServerResponse created = drs.createExtendedSourceServer(
                b -> b.sourceServerArn(extensible.get(0).arn()).tags(Map.of("ExtendedBy", "test")));

        // THEN the new server carries the staging area and is no longer extensible
        assertThat(SIM.get().fleet().account(STAGING).orElseThrow().kind()).isEqualTo(AccountKind.STAGING);
        assertThat(created.sourceServer().stagingArea().stagingAccountID()).isEqualTo(STAGING);
        assertThat(created.sourceServer().stagingArea().stagingSourceServerArn()).isEqualTo(extensible.get(0).arn());
        assertThat(created.sourceServer().tags()).containsEntry("ExtendedBy", "test");
        assertThat(drs.listExtensibleSourceServers(b -> b.stagingAccountID(STAGING)).items())
                .hasSize(extensible.size() - 1);
        assertThat(drs.describeSourceServers(b -> b.filters(f -> f.stagingAccountIDs(STAGING))).items())
                .extracting(s -> s.sourceServerID()).containsExactly(created.sourceServer().sourceServerID());
    }
}
