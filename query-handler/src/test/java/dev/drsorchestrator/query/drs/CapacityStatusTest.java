package dev.drsorchestrator.query.drs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.error.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityStatusTest {
    @Test
    void of_shouldUseTheOriginalsBands_whenCountsCrossEachThreshold() {
        // GIVEN counts on both sides of each threshold WHEN banded THEN 200/225/250/280 open INFO..HYPER-CRITICAL
        assertThat(CapacityStatus.of(199)).isEqualTo("OK");
        assertThat(CapacityStatus.of(200)).isEqualTo("INFO");
        assertThat(CapacityStatus.of(225)).isEqualTo("WARNING");
        assertThat(CapacityStatus.of(250)).isEqualTo("CRITICAL");
        assertThat(CapacityStatus.of(280)).isEqualTo("HYPER-CRITICAL");
        assertThat(CapacityStatus.available(310)).isZero();
        assertThat(CapacityStatus.percentUsed(150)).isEqualTo(50.0);
    }

    @Test
    void replicating_shouldExcludeStoppedAndDisconnected_whenCountingSlots() {
        // GIVEN replication states WHEN asked whether they hold a slot THEN only active replication does
        assertThat(CapacityStatus.replicating("CONTINUOUS")).isTrue();
        assertThat(CapacityStatus.replicating("initial_sync")).isTrue();
        assertThat(CapacityStatus.replicating("STOPPED")).isFalse();
        assertThat(CapacityStatus.replicating("DISCONNECTED")).isFalse();
        assertThat(CapacityStatus.replicating(null)).isFalse();
    }

    @Test
    void filters_shouldRefuseUnknownFieldsAndNonStrings_whenParsingTheFiltersParameter() {
        // GIVEN allowed and refused filter documents
        // WHEN parsed THEN allowed ones come back sorted, refused ones name the field
        assertThat(InventoryQueries.filters("{\"tag:Env\":\"prod\",\"replicationState\":\"CONTINUOUS\"}"))
                .isEqualTo(Map.of("replicationState", "CONTINUOUS", "tag:Env", "prod"));
        assertThatThrownBy(() -> InventoryQueries.filters("{\"accountRegion\":\"x\"}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'filters.accountRegion'");
        assertThatThrownBy(() -> InventoryQueries.filters("{\"os\":1}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'filters.os'");
        assertThatThrownBy(() -> InventoryQueries.filters("[1]"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'filters'");
    }
}
