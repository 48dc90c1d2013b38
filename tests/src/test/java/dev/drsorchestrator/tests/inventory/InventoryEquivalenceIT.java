package dev.drsorchestrator.tests.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.inventory.InventoryPipeline;
import dev.drsorchestrator.shared.inventory.InventorySettings;
import dev.drsorchestrator.shared.inventory.InventoryUnits;
import dev.drsorchestrator.shared.inventory.ParallelInventorySync;
import dev.drsorchestrator.shared.inventory.SequentialInventorySync;
import dev.drsorchestrator.shared.inventory.SyncOutcome;
import dev.drsorchestrator.tests.support.TestStack;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Comparison tests: every acceptance scenario runs through the sequential reference and the parallel pipeline, each on
 * a fresh stack with the same simulated fleet, and both must leave identical inventory items (sync timestamps aside),
 * identical region statuses and identical counts.
 */
class InventoryEquivalenceIT {
    static Stream<InventoryCase> cases() {
        return InventoryCase.all().stream();
    }

    private record Run(SyncOutcome outcome, List<Map<String, AttributeValue>> items,
                       List<Map<String, AttributeValue>> statuses) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void run_shouldMatchSequentialReference_whenSameScenario(InventoryCase c) {
        // GIVEN the same scenario for both implementations
        // WHEN each runs on its own stack
        Run sequential = run(c, SequentialInventorySync::new);
        Run parallel = run(c, units -> new ParallelInventorySync(units, InventorySettings.from(
                dev.drsorchestrator.shared.config.Env.of(Map.of()))));
        // THEN items, statuses and counts are identical
        assertThat(parallel.outcome()).isEqualTo(sequential.outcome());
        assertThat(parallel.items()).isEqualTo(sequential.items());
        assertThat(parallel.statuses()).isEqualTo(sequential.statuses());
        assertThat(sequential.items()).hasSize(sequential.outcome().successCount() + c.survivingStale().size());
    }

    private static Run run(InventoryCase c, Function<InventoryUnits, InventoryPipeline> pipeline) {
        try (TestStack stack = TestStack.start(c.scenario())) {
            InventoryFixture.registerAccounts(stack, c.scenario());
            c.setup().accept(stack);
            SyncOutcome outcome = pipeline.apply(InventoryFixture.units(stack, InventoryFixture.settings(stack)))
                    .run();
            return new Run(outcome, InventoryFixture.inventoryItems(stack), InventoryFixture.regionStatuses(stack));
        }
    }
}
