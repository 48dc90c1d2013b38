package dev.drsorchestrator.tests.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.DrsJob;
import dev.drsorchestrator.shared.gateway.DrsRecoveryInstance;
import dev.drsorchestrator.shared.gateway.LaunchConfigurationUpdate;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.tests.support.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DrsGatewayIT {
    static final String TARGET = "222222222222";
    static final String STAGING = "333333333333";
    static final AccountContext TARGET_CONTEXT = AccountContext.target(TARGET, "DRSOrchestrationRole",
            "drs-orchestrator-" + TARGET);
    private static TestStack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.start(Scenarios.demo());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void reload() {
        stack.sim().loadScenario(Scenarios.demo());
    }

    private static DrsGateway drs(String region) {
        return stack.gateways().drs(TARGET_CONTEXT, region);
    }

    private static List<String> fleetIds(String region) {
        return stack.sim().fleet().sourceServers(TARGET, region).stream().map(SourceServer::id).toList();
    }

    @Test
    void describeSourceServers_shouldReadEveryPage_whenThePageSizeIsSmallerThanTheFleet() {
        // GIVEN the target's servers in us-west-2, more than three
        List<String> expected = fleetIds("us-west-2");
        assertThat(expected).hasSizeGreaterThan(3);

        // WHEN the gateway reads them three per call
        List<JsonNode> servers = drs("us-west-2").describeSourceServers(SourceServerQuery.all().withPageSize(3));

        // THEN every server arrives once, and the simulator saw one call per page
        assertThat(servers).extracting(s -> s.path("sourceServerID").asText()).containsExactlyElementsOf(expected);
        assertThat(stack.sim().counters().calls(TARGET, "us-west-2", "drs", "DescribeSourceServers"))
                .isEqualTo((expected.size() + 2) / 3);
    }

    @Test
    void describeSourceServers_shouldHandEachPageToTheCallback_whenStreaming() {
        // GIVEN the target's servers in us-west-2
        List<String> expected = fleetIds("us-west-2");
        List<Integer> pageSizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();

        // WHEN they are streamed four per page
        int count = drs("us-west-2").describeSourceServers(SourceServerQuery.all().withPageSize(4), page -> {
            pageSizes.add(page.size());
            page.forEach(s -> seen.add(s.path("sourceServerID").asText()));
        });

        // THEN pages hold at most four, and together every server
        assertThat(count).isEqualTo(expected.size());
        assertThat(pageSizes).allSatisfy(size -> assertThat(size).isBetween(1, 4));
        assertThat(pageSizes).hasSize((expected.size() + 3) / 4);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void describeSourceServers_shouldReturnTheContractShape_whenFilteredById() {
        // GIVEN one target server of the fleet
        SourceServer model = stack.sim().fleet().sourceServers(TARGET, "us-east-1").get(0);

        // WHEN the gateway describes it by id
        List<JsonNode> servers = drs("us-east-1").describeSourceServers(SourceServerQuery.ids(List.of(model.id())));

        // THEN it is the only result and carries the contract's fields
        assertThat(servers).hasSize(1);
        JsonNode s = servers.get(0);
        assertThat(s.path("sourceServerID").asText()).isEqualTo(model.id());
        assertThat(s.path("hostname").asText()).isEqualTo(model.machine().hostname());
        assertThat(s.path("replicationState").asText()).isEqualTo(model.replication().name());
        assertThat(s.path("accountId").asText()).isEqualTo(TARGET);
        assertThat(s.path("region").asText()).isEqualTo("us-east-1");
        assertThat(s.path("sourceInstanceId").asText()).isEqualTo(model.machine().sourceInstanceId());
        assertThat(s.path("sourceRegion").asText()).isEqualTo(model.machine().originRegion());
        assertThat(s.path("sourceAccount").asText()).isEqualTo(model.machine().originAccountId());
        assertThat(s.path("sourceIp").asText()).isEqualTo(model.machine().privateIp());
        assertThat(s.path("os").asText()).isEqualTo(model.machine().os());
        assertThat(s.path("hardware").path("totalCores").asInt()).isEqualTo(model.machine().cpuCores());
        assertThat(s.path("hardware").path("ramBytes").asLong()).isEqualTo(model.machine().ramBytes());
        assertThat(s.path("hardware").path("disks")).hasSameSizeAs(model.machine().disks());
        assertThat(s.path("recommendedInstanceType").asText()).isEqualTo(model.machine().recommendedInstanceType());
        assertThat(s.path("lastLaunchResult").asText()).isEqualTo("NOT_STARTED");
        assertThat(s.path("tags").path("Tier").asText()).isEqualTo(model.tags().get("Tier"));
        assertThat(s.path("drsTags")).isEqualTo(s.path("tags"));
        assertThat(s.path("nameTag").asText()).isEqualTo(model.tags().get("Name"));
    }

    @Test
    void describeSourceServers_shouldReturnAnEmptyList_whenNoServerMatches() {
        // WHEN servers replicating through a staging account that has none here are asked for
        List<JsonNode> servers = drs("us-east-1").describeSourceServers(
                new SourceServerQuery(List.of(), List.of(STAGING), null));

        // THEN the answer is empty, not a failure
        assertThat(servers).isEmpty();
        assertThat(stack.sim().counters().calls(TARGET, "us-east-1", "drs", "DescribeSourceServers")).isEqualTo(1);
    }

    @Test
    void recoveryLifecycle_shouldStartDescribeAndTerminate_whenADrillRuns() {
        // GIVEN two target servers
        List<String> ids = fleetIds("us-east-1").subList(0, 2);
        DrsGateway drs = drs("us-east-1");

        // WHEN a drill starts and simulated time passes
        DrsJob started = drs.startRecovery(ids, true, Map.of("Wave", "1"));
        stack.sim().clock().advance(Duration.ofMinutes(30));
        DrsJob done = drs.describeJobs(List.of(started.jobId())).get(0);
        List<DrsRecoveryInstance> instances = drs.describeRecoveryInstances(ids);
        List<JsonNode> log = drs.describeJobLogItems(started.jobId());

        // THEN the job launched both servers and their recovery instances are drills
        assertThat(started.jobId()).startsWith("drsjob-");
        assertThat(started.type()).isEqualTo("LAUNCH");
        assertThat(started.initiatedBy()).isEqualTo("START_DRILL");
        assertThat(started.tags()).containsEntry("Wave", "1");
        assertThat(started.participatingServers()).extracting(DrsJob.ParticipatingServer::sourceServerID)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.endDateTime()).isNotBlank();
        assertThat(done.participatingServers()).allSatisfy(p -> {
            assertThat(p.launchStatus()).isEqualTo("LAUNCHED");
            assertThat(p.recoveryInstanceID()).isNotBlank();
        });
        assertThat(instances).extracting(DrsRecoveryInstance::sourceServerID).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(instances).allSatisfy(ri -> {
            assertThat(ri.isDrill()).isTrue();
            assertThat(ri.jobID()).isEqualTo(started.jobId());
        });
        assertThat(log).isNotEmpty();
        assertThat(log.get(0).path("event").asText()).isNotBlank();

        // WHEN the recovery instances are terminated
        DrsJob terminate = drs.terminateRecoveryInstances(
                instances.stream().map(DrsRecoveryInstance::recoveryInstanceID).toList());

        // THEN DRS tracks that as a TERMINATE job over the same servers
        assertThat(terminate.type()).isEqualTo("TERMINATE");
        assertThat(terminate.participatingServers()).extracting(DrsJob.ParticipatingServer::sourceServerID)
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void launchConfiguration_shouldRoundTrip_whenUpdatedThroughTheGateway() {
        // GIVEN a target server's launch configuration
        String id = fleetIds("us-east-1").get(0);
        DrsGateway drs = drs("us-east-1");
        JsonNode before = drs.getLaunchConfiguration(id);

        // WHEN some settings change
        JsonNode returned = drs.updateLaunchConfiguration(id,
                new LaunchConfigurationUpdate(null, true, null, "STOPPED", "NONE", true, null));
        JsonNode after = drs.getLaunchConfiguration(id);

        // THEN the changes are kept, others are untouched, and both reads agree
        assertThat(before.path("ec2LaunchTemplateID").asText()).startsWith("lt-");
        assertThat(after.path("launchDisposition").asText()).isEqualTo("STOPPED");
        assertThat(after.path("targetInstanceTypeRightSizingMethod").asText()).isEqualTo("NONE");
        assertThat(after.path("copyPrivateIp").asBoolean()).isTrue();
        assertThat(after.path("osByol").asBoolean()).isTrue();
        assertThat(after.path("copyTags")).isEqualTo(before.path("copyTags"));
        assertThat(after.path("ec2LaunchTemplateID")).isEqualTo(before.path("ec2LaunchTemplateID"));
        assertThat(returned).isEqualTo(after);
    }

    @Test
    void getLaunchConfiguration_shouldFailAsNotFound_whenTheServerBelongsToAnotherAccount() {
        // GIVEN a hub server id
        String hubServer = stack.sim().fleet().sourceServers("111111111111", "us-east-1").get(0).id();

        // WHEN the target asks for its launch configuration THEN the failure is NotFound and maps to a 404
        assertThatThrownBy(() -> drs("us-east-1").getLaunchConfiguration(hubServer))
                .isInstanceOfSatisfying(AwsCallFailure.NotFound.class, f -> {
                    assertThat(f.errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(f.retryable()).isFalse();
                    assertThat(f.toClientError("Source server " + hubServer)).get()
                            .isInstanceOf(NotFoundException.class)
                            .extracting(Throwable::getMessage).isEqualTo("Source server " + hubServer + " not found");
                });
    }

    @Test
    void tags_shouldBeAddedListedAndRemoved_whenUsingTheGateway() {
        // GIVEN a target server ARN
        String arn = stack.sim().fleet().sourceServers(TARGET, "us-east-1").get(0).arn();
        DrsGateway drs = drs("us-east-1");

        // WHEN a tag is added and another removed
        drs.tagResource(arn, Map.of("DrWave", "1"));
        drs.untagResource(arn, List.of("Environment"));

        // THEN the tags show both changes
        assertThat(drs.listTagsForResource(arn)).containsEntry("DrWave", "1").doesNotContainKey("Environment")
                .containsKey("Tier");
    }

    @Test
    void extendedSourceServers_shouldBeListedAndCreated_whenTheStagingAccountHasServers() {
        // GIVEN the staging account that replicates into the target's us-west-2
        DrsGateway drs = drs("us-west-2");
        assertThat(drs.listStagingAccounts()).containsExactly(STAGING);
        List<JsonNode> extensible = drs.listExtensibleSourceServers(STAGING);
        assertThat(extensible).isNotEmpty();
        String arn = extensible.get(0).path("arn").asText();

        // WHEN the first is extended
        JsonNode created = drs.createExtendedSourceServer(arn, Map.of("ExtendedBy", "gateway"));

        // THEN the new server has the staging area, the tag, and the staging filter finds it
        assertThat(created.path("stagingArea").path("stagingAccountId").asText()).isEqualTo(STAGING);
        assertThat(created.path("stagingArea").path("stagingSourceServerArn").asText()).isEqualTo(arn);
        assertThat(created.path("tags").path("ExtendedBy").asText()).isEqualTo("gateway");
        assertThat(drs.listExtensibleSourceServers(STAGING)).hasSize(extensible.size() - 1);
        assertThat(drs.describeSourceServers(new SourceServerQuery(List.of(), List.of(STAGING), null)))
                .extracting(s -> s.path("sourceServerID").asText())
                .containsExactly(created.path("sourceServerID").asText());
    }
}
