package dev.drsorchestrator.tests.store;

import static dev.drsorchestrator.tests.store.StoreFixture.execution;
import static dev.drsorchestrator.tests.store.StoreFixture.wave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.model.Claim;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.store.ClaimStore;
import dev.drsorchestrator.shared.store.ExecutionStore;
import dev.drsorchestrator.shared.store.Page;
import dev.drsorchestrator.shared.store.WaveUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExecutionStoreIT {
    private static StoreFixture fixture;
    private static ExecutionStore executions;
    private static ClaimStore claims;

    @BeforeAll
    static void setUp() {
        fixture = StoreFixture.create("execstore");
        executions = fixture.stores.executions();
        claims = fixture.stores.claims();
    }

    @AfterAll
    static void tearDown() {
        fixture.client.close();
    }

    @Test
    void create_shouldStoreVersionOne_andGetShouldFindItByIdAlone() {
        // GIVEN a new execution
        Execution execution = execution("e-create", "p-1", "PENDING", "2026-11-22T10:00:00Z",
                List.of(wave(0, "PENDING")));

        // WHEN it is created
        Execution stored = executions.create(execution);

        // THEN it is at version 1 and readable by key and by id
        assertThat(stored.version()).isEqualTo(1L);
        assertThat(executions.get("e-create", "p-1")).contains(stored);
        assertThat(executions.get("e-create")).contains(stored);
        assertThat(executions.get("e-none")).isEmpty();
    }

    @Test
    void create_shouldThrowConflict_whenIdExists() {
        // GIVEN a stored execution
        executions.create(execution("e-dup", "p-1", "PENDING", "2026-11-22T10:00:00Z", List.of()));

        // WHEN it is created again
        // THEN conflict
        assertThatThrownBy(() -> executions.create(execution("e-dup", "p-1", "RUNNING", "2026-11-22T10:00:00Z",
                List.of()))).isInstanceOf(ConflictException.class).hasMessageContaining("e-dup");
    }

    @Test
    void listByPlan_shouldPageNewestFirst_whenThePlanHasManyExecutions() {
        // GIVEN five executions of one plan with increasing start times
        for (int i = 0; i < 5; i++) {
            executions.create(execution("e-page-" + i, "p-page", "COMPLETED", "2026-11-22T10:0" + i + ":00Z",
                    List.of()));
        }

        // WHEN read two at a time
        List<String> ids = new ArrayList<>();
        Optional<ObjectNode> start = Optional.empty();
        int pages = 0;
        do {
            Page<Execution> page = executions.listByPlan("p-page", 2, start);
            page.items().forEach(e -> ids.add(e.executionId()));
            start = page.lastEvaluatedKey();
            pages++;
        } while (start.isPresent());

        // THEN every execution comes once, newest first
        assertThat(ids).containsExactly("e-page-4", "e-page-3", "e-page-2", "e-page-1", "e-page-0");
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void listByStatus_shouldReturnOnlyThatStatusNewestFirst() {
        // GIVEN executions in two statuses
        executions.create(execution("e-st-1", "p-st", "PAUSED", "2026-11-21T01:00:00Z", List.of()));
        executions.create(execution("e-st-2", "p-st", "PAUSED", "2026-11-21T02:00:00Z", List.of()));
        executions.create(execution("e-st-3", "p-st", "CANCELLING", "2026-11-21T03:00:00Z", List.of()));

        // WHEN paused executions are listed
        Page<Execution> page = executions.listByStatus(ExecutionStatus.PAUSED, 50, Optional.empty());

        // THEN only they come, newest first
        assertThat(page.items()).extracting(Execution::executionId).containsExactly("e-st-2", "e-st-1");
        assertThat(page.lastEvaluatedKey()).isEmpty();
    }

    @Test
    void transition_shouldMoveStatusAndStampEndTime_whenAllowedAndCurrent() {
        // GIVEN a running execution
        executions.create(execution("e-tr", "p-1", "RUNNING", "2026-11-22T10:00:00Z", List.of()));

        // WHEN it completes
        Execution done = executions.transition("e-tr", "p-1", ExecutionStatus.RUNNING, ExecutionStatus.COMPLETED);

        // THEN the status, end time and version changed
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.endTime()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(done.version()).isEqualTo(2L);
    }

    @Test
    void transition_shouldThrowConflict_whenNotAllowedOrStoredStatusDiffers() {
        // GIVEN a completed execution
        executions.create(execution("e-tr2", "p-1", "COMPLETED", "2026-11-22T10:00:00Z", List.of()));

        // WHEN moved out of a final state, or moved from a status it no longer has
        // THEN both are conflicts and nothing changes
        assertThatThrownBy(() -> executions.transition("e-tr2", "p-1", ExecutionStatus.COMPLETED,
                ExecutionStatus.RUNNING)).isInstanceOf(ConflictException.class).hasMessageContaining("cannot change");
        assertThatThrownBy(() -> executions.transition("e-tr2", "p-1", ExecutionStatus.RUNNING,
                ExecutionStatus.PAUSED)).isInstanceOf(ConflictException.class).hasMessageContaining("is COMPLETED");
        assertThatThrownBy(() -> executions.transition("e-gone", "p-1", ExecutionStatus.RUNNING,
                ExecutionStatus.PAUSED)).isInstanceOf(NotFoundException.class);
        assertThat(executions.require("e-tr2", "p-1").version()).isEqualTo(1L);
    }

    @Test
    void storeAndClearTaskToken_shouldSetAndRemoveToken_whenExecutionExists() {
        // GIVEN a paused execution
        executions.create(execution("e-tok", "p-1", "PAUSED", "2026-11-22T10:00:00Z", List.of()));

        // WHEN a token is stored and then cleared
        Execution withToken = executions.storeTaskToken("e-tok", "p-1", "token-abc", 2);
        Execution cleared = executions.clearTaskToken("e-tok", "p-1");

        // THEN the token and wave were present, then gone
        assertThat(withToken.taskToken()).isEqualTo("token-abc");
        assertThat(withToken.pausedBeforeWave()).isEqualTo(2);
        assertThat(cleared.taskToken()).isNull();
        assertThat(cleared.pausedBeforeWave()).isNull();
        assertThatThrownBy(() -> executions.storeTaskToken("e-nope", "p-1", "t", 1))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void updateWave_shouldApplyNewerAndIgnoreStaleOrDuplicateDeliveries() {
        // GIVEN a running execution with two waves
        executions.create(execution("e-wave", "p-1", "RUNNING", "2026-11-22T10:00:00Z",
                List.of(wave(0, "INITIATED"), wave(1, "PENDING"))));

        // WHEN poll 2 (in progress, 50%) and then poll 3 (completed) arrive, then poll 2 again late
        WaveUpdate second = executions.updateWave("e-wave", "p-1", 0, 2, w -> progressed(w, "IN_PROGRESS", 50));
        WaveUpdate third = executions.updateWave("e-wave", "p-1", 0, 3, w -> progressed(w, "COMPLETED", 100));
        WaveUpdate late = executions.updateWave("e-wave", "p-1", 0, 2, w -> progressed(w, "IN_PROGRESS", 50));
        WaveUpdate duplicate = executions.updateWave("e-wave", "p-1", 0, 3, w -> progressed(w, "COMPLETED", 100));

        // THEN the newer ones applied, the late and duplicate ones changed nothing
        assertThat(second).isInstanceOf(WaveUpdate.Applied.class);
        assertThat(third).isInstanceOf(WaveUpdate.Applied.class);
        assertThat(late).isInstanceOf(WaveUpdate.Skipped.class);
        assertThat(duplicate).isInstanceOf(WaveUpdate.Skipped.class);
        Execution stored = executions.require("e-wave", "p-1");
        assertThat(stored).isEqualTo(third.execution());
        assertThat(stored.wave(0)).get().satisfies(w -> {
            assertThat(w.status()).isEqualTo("COMPLETED");
            assertThat(w.progress()).isEqualTo(100);
            assertThat(w.pollSequence()).isEqualTo(3L);
        });
        assertThat(stored.wave(1)).get().extracting(WaveExecution::status).isEqualTo("PENDING");
    }

    @Test
    void updateWave_shouldSkip_whenChangeWouldReopenAFinishedWave() {
        // GIVEN a completed wave at poll 1
        executions.create(execution("e-back", "p-1", "RUNNING", "2026-11-22T10:00:00Z", List.of(wave(0, "IN_PROGRESS"))));
        assertThat(executions.updateWave("e-back", "p-1", 0, 1, w -> progressed(w, "COMPLETED", 100)))
                .isInstanceOf(WaveUpdate.Applied.class);

        // WHEN a newer sequence tries to set it back to IN_PROGRESS
        WaveUpdate result = executions.updateWave("e-back", "p-1", 0, 5, w -> progressed(w, "IN_PROGRESS", 10));

        // THEN it is skipped with the reason, and a missing wave is not found
        assertThat(result).isInstanceOfSatisfying(WaveUpdate.Skipped.class,
                s -> assertThat(s.reason()).contains("COMPLETED"));
        assertThat(executions.require("e-back", "p-1").wave(0)).get()
                .extracting(WaveExecution::status).isEqualTo("COMPLETED");
        assertThatThrownBy(() -> executions.updateWave("e-back", "p-1", 9, 6, w -> w))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void claimServers_shouldLetExactlyOneWin_whenTwoExecutionsRaceForOverlappingServers() throws Exception {
        // GIVEN two executions wanting 150 servers each, overlapping in 100
        List<String> first = ids("s-race-", 0, 150);
        List<String> second = ids("s-race-", 50, 200);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Future<Boolean> a = pool.submit(() -> claim(start, "e-a", first));
        Future<Boolean> b = pool.submit(() -> claim(start, "e-b", second));

        // WHEN both claim at once
        start.countDown();
        boolean aWon = a.get();
        boolean bWon = b.get();
        pool.shutdown();

        // THEN exactly one holds all its servers and the loser holds none
        assertThat(aWon ^ bWon).isTrue();
        String winner = aWon ? "e-a" : "e-b";
        String loser = aWon ? "e-b" : "e-a";
        List<String> won = aWon ? first : second;
        List<String> lost = aWon ? second : first;
        for (String id : won) {
            assertThat(claims.get(Claim.executionServerKey(id))).get().extracting(Claim::ownerId).isEqualTo(winner);
        }
        for (String id : lost) {
            assertThat(claims.get(Claim.executionServerKey(id))).map(Claim::ownerId).isNotEqualTo(Optional.of(loser));
        }
        assertThat(executions.releaseServers(winner, won)).isEqualTo(won.size());
        assertThat(claims.get(Claim.executionServerKey(won.get(0)))).isEmpty();
    }

    @Test
    void claimServers_shouldRollBackEarlierChunksAndNameOwner_whenALaterChunkConflicts() {
        // GIVEN server s-chunk-149 held by another execution
        executions.claimServers("e-holder", "p-h", List.of("s-chunk-149"));

        // WHEN an execution claims 150 servers including it (two transactions)
        // THEN it is refused naming the server and holder, and none of its first 100 claims remain
        assertThatThrownBy(() -> executions.claimServers("e-late", "p-l", ids("s-chunk-", 0, 150)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("s-chunk-149").hasMessageContaining("e-holder").hasMessageContaining("p-h");
        assertThat(claims.get(Claim.executionServerKey("s-chunk-000"))).isEmpty();
        assertThat(claims.get(Claim.executionServerKey("s-chunk-149"))).get()
                .extracting(Claim::ownerId).isEqualTo("e-holder");
    }

    @Test
    void releaseServers_shouldLeaveOtherOwnersClaims_whenReleasingServersItDoesNotHold() {
        // GIVEN s-keep held by e-keeper
        executions.claimServers("e-keeper", "p-k", List.of("s-keep"));

        // WHEN another execution releases it
        int released = executions.releaseServers("e-other", List.of("s-keep"));

        // THEN nothing was released
        assertThat(released).isZero();
        assertThat(claims.get(Claim.executionServerKey("s-keep"))).get()
                .extracting(Claim::ownerId).isEqualTo("e-keeper");
    }

    private static boolean claim(CountDownLatch start, String executionId, List<String> servers) throws Exception {
        start.await();
        try {
            executions.claimServers(executionId, "p-race", servers);
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    private static List<String> ids(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + String.format("%03d", i)).toList();
    }

    private static WaveExecution progressed(WaveExecution w, String status, int progress) {
        return new WaveExecution(w.waveNumber(), w.waveName(), status, null, w.startTime(), w.endTime(), "drsjob-1",
                List.of("drsjob-1"), w.serverIds(), w.serverExecutions(), w.totalServers(),
                progress == 100 ? 1 : 0, 0, progress, w.pollSequence(), null);
    }
}
