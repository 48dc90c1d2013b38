package dev.drsorchestrator.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.model.RegionStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DashboardReadsTest {

    @Test
    void join_shouldRethrowTheReadsOwnException_whenAReadFails() {
        // GIVEN
        CompletableFuture<Integer> failing = DashboardReads.async(() -> {
            throw new NotFoundException("Execution x not found");
        });
        // WHEN / THEN
        assertThatThrownBy(() -> DashboardReads.join(failing)).isInstanceOf(NotFoundException.class)
                .hasMessage("Execution x not found");
    }

    @Test
    void join_shouldRethrowTheOriginalException_whenTheFailureWasComposed() {
        // GIVEN a failure that passes through thenCompose, which wraps it in a CompletionException
        CompletableFuture<Integer> composed = DashboardReads.async(() -> 1)
                .thenCompose(one -> DashboardReads.async(() -> {
                    throw new IllegalArgumentException("bad " + one);
                }));
        // WHEN / THEN
        assertThatThrownBy(() -> DashboardReads.join(composed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad 1");
    }

    @Test
    void join_shouldReturnEveryValue_whenReadsRunConcurrently() {
        // GIVEN more reads than threads
        List<CompletableFuture<Integer>> reads = java.util.stream.IntStream.range(0, DashboardReads.THREADS * 3)
                .mapToObj(i -> DashboardReads.async(() -> i * 2)).toList();
        // WHEN
        List<Integer> values = reads.stream().map(DashboardReads::join).toList();
        // THEN
        assertThat(values).containsExactlyElementsOf(java.util.stream.IntStream.range(0, DashboardReads.THREADS * 3)
                .map(i -> i * 2).boxed().toList());
    }

    @Test
    void regionSummary_shouldCountRegionsAndWarnNearTheQuota_whenStatusesMix() {
        // GIVEN
        List<RegionStatus> statuses = List.of(
                new RegionStatus("111111111111", "us-east-1", "ACTIVE", 250, null, null, null, "2026-01-02T00:00:00Z"),
                new RegionStatus("111111111111", "us-west-2", "ERROR", 0, null, null, null, "2026-01-03T00:00:00Z"),
                new RegionStatus("222222222222", "eu-west-1", "NOT_INITIALIZED", null, null, null, null, null));
        // WHEN
        RegionSummary summary = RegionSummary.of(1, statuses);
        // THEN
        assertThat(summary.summary()).containsEntry("active", 1).containsEntry("degraded", 1)
                .containsEntry("lastSync", "2026-01-03T00:00:00Z");
        assertThat(summary.warnings()).containsExactly(
                "111111111111 us-east-1: 250 source servers against the replicating quota of 300");
        assertThat(summary.targetAccounts()).isEqualTo(1);
    }
}
