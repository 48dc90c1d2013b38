package dev.drsorchestrator.tests.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.sim.scenario.AccountSpec;
import dev.drsorchestrator.local.sim.scenario.RegionSpec;
import dev.drsorchestrator.shared.inventory.InventorySettings;
import dev.drsorchestrator.shared.inventory.InventorySync;
import dev.drsorchestrator.shared.inventory.SyncResponse;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.validation.DrsRegions;
import dev.drsorchestrator.tests.support.TestStack;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Seed 002's acceptance scenarios through the production (parallel) pipeline against the simulator and DynamoDB
 * Local: the inventory table must hold exactly the servers of every region that answered, enriched where EC2 answers,
 * and every (account, region) must carry its status.
 */
class InventorySyncIT {
    private static final int PARTITION_REGIONS = (int) DrsRegions.ALL.stream()
            .filter(r -> !r.startsWith("us-gov-")).count();

    static Stream<InventoryCase> cases() {
        return InventoryCase.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void run_shouldWriteInventoryAndRegionStatuses_whenScenarioSynced(InventoryCase c) throws Exception {
        // GIVEN the scenario's accounts registered and its faults injected
        try (TestStack stack = TestStack.start(c.scenario())) {
            InventoryFixture.registerAccounts(stack, c.scenario());
            c.setup().accept(stack);
            InventorySettings settings = InventoryFixture.settings(stack);
            // WHEN the sync runs
            SyncResponse response = new InventorySync(InventoryFixture.units(stack, settings), settings).run();
            // THEN the response has the seed's shape and counts
            Set<String> expected = expectedIds(c);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers()).containsEntry("Access-Control-Allow-Origin", "*");
            JsonNode body = Json.mapper().readTree(response.body());
            assertThat(body.get("serverCount").asInt()).isEqualTo(expected.size());
            assertThat(body.get("successCount").asInt()).isEqualTo(expected.size());
            assertThat(body.get("failureCount").asInt()).isZero();
            // AND the inventory holds exactly the servers of the regions that answered (plus surviving stale items)
            List<Map<String, AttributeValue>> items = InventoryFixture.inventoryItems(stack);
            Set<String> ids = new TreeSet<>();
            items.forEach(i -> ids.add(i.get("sourceServerId").s()));
            Set<String> wanted = new TreeSet<>(expected);
            wanted.addAll(c.survivingStale());
            assertThat(ids).isEqualTo(wanted);
            assertEnrichment(c, items);
            assertStatuses(c, InventoryFixture.statusesByKey(stack));
        }
    }

    private static Set<String> expectedIds(InventoryCase c) {
        Set<String> ids = new TreeSet<>();
        for (AccountSpec account : c.scenario().accounts()) {
            if (c.skippedAccounts().contains(account.accountId())) {
                continue;
            }
            for (RegionSpec region : account.regions()) {
                if (!c.failedRegions().containsKey(account.accountId() + "/" + region.region())) {
                    ids.addAll(InventoryFixture.scenarioIds(c.scenario(), account.accountId(), region.region()));
                }
            }
        }
        return ids;
    }

    private static void assertEnrichment(InventoryCase c, List<Map<String, AttributeValue>> items) {
        for (Map<String, AttributeValue> item : items) {
            if (c.survivingStale().contains(item.get("sourceServerId").s())) {
                continue;
            }
            boolean ec2Machine = item.containsKey("sourceInstanceId");
            assertThat(item.containsKey("instanceType"))
                    .as("instanceType of %s", item.get("sourceServerId").s())
                    .isEqualTo(ec2Machine && c.enriched());
            assertThat(item.get("hostname").s()).isNotBlank();
            assertThat(item.get("accountRegion").s())
                    .isEqualTo(item.get("accountId").s() + "#" + item.get("region").s());
        }
    }

    private static void assertStatuses(InventoryCase c, Map<String, Map<String, AttributeValue>> statuses) {
        int accounts = 0;
        for (AccountSpec account : c.scenario().accounts()) {
            if (c.skippedAccounts().contains(account.accountId())) {
                assertThat(statuses.keySet()).noneMatch(k -> k.startsWith(account.accountId() + "/"));
                continue;
            }
            accounts++;
            for (RegionSpec region : account.regions()) {
                String key = account.accountId() + "/" + region.region();
                Map<String, AttributeValue> status = statuses.get(key);
                assertThat(status).as(key).isNotNull();
                String error = c.failedRegions().get(key);
                if (error == null) {
                    assertThat(status.get("status").s()).isEqualTo("ACTIVE");
                    assertThat(Integer.parseInt(status.get("serverCount").n())).isEqualTo(region.servers().size());
                } else {
                    assertThat(status.get("errorType").s()).isEqualTo(error);
                    assertThat(status.get("errorMessage").s()).contains(region.region());
                    assertThat(status.get("retryable").bool())
                            .isEqualTo(!error.equals("AccessDeniedException"));
                }
            }
            Set<String> scenarioRegions = new TreeSet<>();
            account.regions().forEach(r -> scenarioRegions.add(r.region()));
            statuses.forEach((key, status) -> {
                String[] parts = key.split("/");
                if (parts[0].equals(account.accountId()) && !scenarioRegions.contains(parts[1])) {
                    assertThat(status.get("status").s()).as(key).isEqualTo("NOT_INITIALIZED");
                    assertThat(status.get("errorType").s()).isEqualTo("UnrecognizedClientException");
                }
            });
        }
        assertThat(statuses).hasSize(accounts * PARTITION_REGIONS);
    }
}
