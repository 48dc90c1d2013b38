package dev.drsorchestrator.tests.datamanagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.DataManagementHandler;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.Ec2Gateway;
import dev.drsorchestrator.tests.support.DirectEvents;
import dev.drsorchestrator.tests.support.Invoke;
import dev.drsorchestrator.tests.support.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * handle_drs_tag_sync with the instance-type copy: each DRS source server's launch template ends up with its source
 * instance's type and right-sizing off, reported per server; a second run changes nothing. Real handler, DynamoDB
 * Local and the simulator over HTTP.
 */
class TagSyncInstanceTypeIT {
    private static final String HUB = DataManagementIT.HUB;
    private static final String REGION = "us-east-1";
    private static TestStack stack;
    private static DataManagementHandler handler;

    @BeforeAll
    static void start() {
        stack = TestStack.start(ScenarioGenerator.generate(GeneratorOptions.of(23, 1, 1, 6)),
                Map.of("AWS_ACCOUNT_ID", HUB));
        handler = new DataManagementHandler(stack.core());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static JsonNode sync(Map<String, Object> body) {
        return Invoke.handler(handler, DirectEvents.body("handle_drs_tag_sync", body));
    }

    private static List<JsonNode> servers(JsonNode result) {
        List<JsonNode> out = new ArrayList<>();
        result.path("targets").forEach(t -> t.path("servers").forEach(out::add));
        return out;
    }

    @Test
    void handleDrsTagSync_shouldCopyEachSourceInstanceTypeOntoTheLaunchTemplate_whenTheCopyIsRequested() {
        // GIVEN servers whose source instances are known to EC2
        List<SourceServer> fleet = stack.sim().fleet().sourceServers(HUB, REGION);
        DrsGateway drs = stack.gateways().drs(AccountContext.hub(), REGION);
        Ec2Gateway ec2 = stack.gateways().ec2(AccountContext.hub(), REGION);
        // WHEN
        JsonNode first = sync(Map.of("region", REGION, "syncInstanceType", true));
        JsonNode second = sync(Map.of("region", REGION, "syncInstanceType", true));
        // THEN every server with a source instance was handled, none failed
        assertThat(first.path("syncInstanceType").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.path("failedCount").asInt()).as(first.toString()).isZero();
        List<JsonNode> copied = servers(first).stream().filter(s -> s.has("instanceTypeStatus")).toList();
        assertThat(copied).isNotEmpty();
        long withInstance = fleet.stream().filter(s -> s.machine().sourceInstanceId() != null).count();
        assertThat(copied).hasSize((int) withInstance);
        for (JsonNode server : copied) {
            String id = server.path("sourceServerId").asText();
            JsonNode launch = drs.getLaunchConfiguration(id);
            String templateType = ec2.describeLaunchTemplateVersions(launch.path("ec2LaunchTemplateID").asText(),
                    List.of("$Default")).get(0).path("launchTemplateData").path("instanceType").asText();
            assertThat(templateType).as(id).isEqualTo(server.path("instanceType").asText()).isNotBlank();
            assertThat(launch.path("targetInstanceTypeRightSizingMethod").asText()).isEqualTo("NONE");
        }
        // AND the second run finds nothing to change
        assertThat(servers(second).stream().filter(s -> s.has("instanceTypeStatus")))
                .allSatisfy(s -> assertThat(s.path("instanceTypeStatus").asText()).isEqualTo("unchanged"));
    }

    @Test
    void handleDrsTagSync_shouldLeaveLaunchTemplatesAlone_whenTheCopyIsOff() {
        // WHEN
        JsonNode result = sync(Map.of("region", REGION, "syncInstanceType", false));
        // THEN
        assertThat(result.path("syncInstanceType").asBoolean()).isFalse();
        assertThat(servers(result)).isNotEmpty().allSatisfy(s -> assertThat(s.has("instanceTypeStatus")).isFalse());
    }

    @Test
    void handleDrsTagSync_shouldUseTheStoredSetting_whenTheRequestDoesNotSayAndTheSettingIsOn() {
        // GIVEN the setting stored on (the simulator serves no EventBridge, so it is written through the store)
        stack.stores().tagSyncConfig().save(new dev.drsorchestrator.shared.model.TagSyncSettings(null, true, 4, null,
                null, null, "admin@example.com", java.time.Instant.now(), null, true), java.util.Optional.empty());
        // WHEN
        JsonNode result = sync(Map.of("region", REGION));
        // THEN
        assertThat(result.path("syncInstanceType").asBoolean()).as(result.toString()).isTrue();
        assertThat(stack.stores().tagSyncConfig().get()).get()
                .satisfies(s -> assertThat(s.copiesInstanceType()).isTrue());
    }
}
