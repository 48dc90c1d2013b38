package dev.drsorchestrator.shared.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.store.BatchWriteResult;
import dev.drsorchestrator.shared.store.InventoryStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamingWriterTest {
    private static final String ACCOUNT = "111111111111";

    private static InventoryServer server(String region, int n) {
        return new InventoryServer(region + "-s-" + n, ACCOUNT, region, ACCOUNT + "#" + region, null, null, null,
                null, null, null, null, null, null, null, null, null, null, "CONTINUOUS", null, null, null, null,
                null, List.of(), Map.of(), Map.of(), null);
    }

    private static RegionResult.Success region(String region, int servers) {
        List<InventoryServer> list = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            list.add(server(region, i));
        }
        return new RegionResult.Success(ACCOUNT, region, list);
    }

    /** A store that records every writeAll call; the first call waits until {@code release} opens. */
    private static InventoryStore recordingStore(List<List<String>> calls, CountDownLatch release) {
        InventoryStore store = mock(InventoryStore.class);
        when(store.writeAll(anyList())).thenAnswer(invocation -> {
            List<InventoryServer> servers = invocation.getArgument(0);
            release.await(10, TimeUnit.SECONDS);
            calls.add(servers.stream().map(InventoryServer::sourceServerId).toList());
            return new BatchWriteResult(servers.size(), 0, List.of());
        });
        when(store.deleteAll(anySet())).thenAnswer(invocation -> ((Set<?>) invocation.getArgument(0)).size());
        return store;
    }

    @Test
    void finish_shouldFillEveryCallToTwentyFive_whenSmallRegionsAreWaiting() throws Exception {
        // GIVEN one writer thread held on its first call while 28 regions of 10 servers are queued
        List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        InventoryStore store = recordingStore(calls, release);
        StreamingWriter writer = StreamingWriter.start(new InventoryWriter(store), 1, 64);
        for (int r = 0; r < 28; r++) {
            writer.submit(region("r" + r, 10), Optional.of(Set.of()));
        }

        // WHEN the writer is released and finishes
        release.countDown();
        StreamingWriter.Totals totals = writer.finish();

        // THEN every server is written exactly once, and after the first call (taken before the queue filled) every
        // call but the last carries exactly 25 servers
        List<String> written = calls.stream().flatMap(List::stream).toList();
        assertThat(written).hasSize(280).doesNotHaveDuplicates();
        assertThat(totals.counts().successCount()).isEqualTo(280);
        assertThat(calls.subList(1, calls.size() - 1)).allSatisfy(call -> assertThat(call).hasSize(25));
        assertThat(calls).hasSizeLessThanOrEqualTo(280 / 25 + 2);
    }

    @Test
    void finish_shouldRemoveARegionsStaleItemsOnce_whenItsServersWereSplitAcrossCalls() throws Exception {
        // GIVEN regions of 260 and 7 servers whose stored ids include one stale id each
        List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        InventoryStore store = recordingStore(calls, release);
        Map<String, Integer> staleDeletes = new HashMap<>();
        when(store.deleteAll(anySet())).thenAnswer(invocation -> {
            Set<String> ids = invocation.getArgument(0);
            ids.forEach(id -> staleDeletes.merge(id, 1, Integer::sum));
            return ids.size();
        });
        StreamingWriter writer = StreamingWriter.start(new InventoryWriter(store), 2, 64);
        writer.submit(region("big", 260), Optional.of(Set.of("big-gone")));
        writer.submit(region("small", 7), Optional.of(Set.of("small-gone", "small-s-1")));

        // WHEN written
        release.countDown();
        StreamingWriter.Totals totals = writer.finish();

        // THEN both regions' servers are written once and each stale id is deleted exactly once
        assertThat(calls.stream().flatMap(List::stream).toList()).hasSize(267).doesNotHaveDuplicates();
        assertThat(staleDeletes).containsOnly(Map.entry("big-gone", 1), Map.entry("small-gone", 1));
        assertThat(totals.staleRemoved()).isEqualTo(2);
        verify(store, never()).deleteStale(any(), any());
        verify(store, never()).deleteAll(eq(Set.of()));
    }
}
