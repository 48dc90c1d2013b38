package dev.drsorchestrator.shared.recoveryinstances;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.DrsRecoveryInstance;
import dev.drsorchestrator.shared.gateway.Ec2InstanceInfo;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.inventory.AccountCredentials;
import dev.drsorchestrator.shared.inventory.ActiveRegions;
import dev.drsorchestrator.shared.inventory.AccountCollector;
import dev.drsorchestrator.shared.inventory.Ec2InstanceQuery;
import dev.drsorchestrator.shared.inventory.InventoryAccount;
import dev.drsorchestrator.shared.inventory.RegionErrors;
import dev.drsorchestrator.shared.inventory.RegionResult;
import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.model.RecoveryInstance;
import dev.drsorchestrator.shared.store.Page;
import dev.drsorchestrator.shared.store.RecoveryInstanceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sync_recovery_instances}: every target account's recovery instances in its active regions, with the EC2
 * facts of each instance, written to the recovery-instance table; instances DRS no longer returns are removed, but only
 * from (account, region) pairs that were read successfully. The execution that launched an instance, when the
 * execution handler recorded it, is kept.
 */
public final class RecoveryInstanceSync {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryInstanceSync.class);
    private static final int PAGE = 100;

    private final AccountCollector collector;
    private final AccountCredentials credentials;
    private final ActiveRegions activeRegions;
    private final Gateways gateways;
    private final Ec2InstanceQuery ec2;
    private final RecoveryInstanceStore store;
    private final RecoveryInstanceSyncStatus status;
    private final Clock clock;
    private final int threads;

    /**
     * A sync over the shared inventory units, querying up to {@code threads} (account, region) pairs at once and
     * recording each run's outcome in {@code status}.
     */
    public RecoveryInstanceSync(AccountCollector collector, AccountCredentials credentials,
            ActiveRegions activeRegions, Gateways gateways, RecoveryInstanceStore store,
            RecoveryInstanceSyncStatus status, Clock clock, int threads) {
        this.collector = collector;
        this.credentials = credentials;
        this.activeRegions = activeRegions;
        this.gateways = gateways;
        this.ec2 = new Ec2InstanceQuery(gateways);
        this.store = store;
        this.status = status;
        this.clock = clock;
        this.threads = threads;
    }

    private record PairResult(int written, int removed, RecoveryInstanceSyncReport.RegionFailure failure) {
    }

    /** Runs one sync and records its outcome; a sync that cannot run is recorded as FAILED and rethrown. */
    public RecoveryInstanceSyncReport run() {
        RecoveryInstanceSyncReport report = syncRecordingFailure();
        recordQuietly(() -> status.recordFinished(report, clock.instant().toString()));
        return report;
    }

    private RecoveryInstanceSyncReport syncRecordingFailure() {
        try {
            return sync();
        } catch (RuntimeException e) {
            recordQuietly(() -> status.recordFailed(e, clock.instant().toString()));
            throw e;
        }
    }

    private static void recordQuietly(Runnable record) {
        try {
            record.run();
        } catch (RuntimeException e) {
            LOG.error("Recovery-instance sync status could not be recorded", e);
        }
    }

    private RecoveryInstanceSyncReport sync() {
        String syncedAt = clock.instant().toString();
        List<RecoveryInstanceSyncReport.RegionFailure> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<CompletableFuture<PairResult>> futures = new ArrayList<>();
            for (InventoryAccount account : collector.collect()) {
                Optional<AccountContext> context = credentials.resolve(account);
                if (context.isEmpty()) {
                    failures.add(new RecoveryInstanceSyncReport.RegionFailure(account.accountId(), null,
                            "AccessDeniedException", "Role could not be assumed in account " + account.accountId()));
                    continue;
                }
                for (String region : activeRegions.regions(account.accountId())) {
                    futures.add(CompletableFuture.supplyAsync(
                            () -> guarded(account.accountId(), context.get(), region, syncedAt), pool));
                }
            }
            int written = 0;
            int removed = 0;
            for (CompletableFuture<PairResult> future : futures) {
                PairResult result = future.join();
                written += result.written();
                removed += result.removed();
                if (result.failure() != null) {
                    failures.add(result.failure());
                }
            }
            failures.sort(Comparator.comparing(RecoveryInstanceSyncReport.RegionFailure::accountId)
                    .thenComparing(f -> f.region() == null ? "" : f.region()));
            LOG.info("Recovery-instance sync: {} instances in {} regions, {} stale removed, {} failures", written,
                    futures.size(), removed, failures.size());
            return new RecoveryInstanceSyncReport(written, futures.size(), removed, failures);
        } finally {
            pool.shutdownNow();
        }
    }

    private PairResult guarded(String accountId, AccountContext context, String region, String syncedAt) {
        try {
            return syncRegion(accountId, context, region, syncedAt);
        } catch (RuntimeException e) {
            LOG.error("Recovery-instance sync failed for {} in {}", accountId, region, e);
            RegionResult.Failure f = RegionErrors.unexpected(accountId, region, e);
            return new PairResult(0, 0, new RecoveryInstanceSyncReport.RegionFailure(accountId, region,
                    f.errorType(), f.errorMessage()));
        }
    }

    private PairResult syncRegion(String accountId, AccountContext context, String region, String syncedAt) {
        List<DrsRecoveryInstance> instances;
        try {
            instances = gateways.drs(context, region).describeRecoveryInstances(List.of());
        } catch (AwsCallFailure e) {
            RegionResult.Failure f = RegionErrors.of(accountId, region, e);
            if (RegionErrors.NOT_INITIALIZED.equals(f.status())) {
                return new PairResult(0, 0, null);
            }
            return new PairResult(0, 0, new RecoveryInstanceSyncReport.RegionFailure(accountId, region,
                    f.errorType(), f.errorMessage()));
        } catch (RuntimeException e) {
            RegionResult.Failure f = RegionErrors.unexpected(accountId, region, e);
            return new PairResult(0, 0, new RecoveryInstanceSyncReport.RegionFailure(accountId, region,
                    f.errorType(), f.errorMessage()));
        }
        String accountRegion = InventoryServer.accountRegion(accountId, region);
        Map<String, RecoveryInstance> cached = cached(accountRegion);
        Map<String, Ec2InstanceInfo> ec2Facts = ec2.query(instances.stream()
                .map(DrsRecoveryInstance::ec2InstanceID).filter(id -> id != null).toList(), region, context);
        List<RecoveryInstance> items = new ArrayList<>();
        Set<String> keep = new HashSet<>();
        for (DrsRecoveryInstance ri : instances) {
            Ec2InstanceInfo info = ri.ec2InstanceID() == null ? null : ec2Facts.get(ri.ec2InstanceID());
            RecoveryInstance previous = cached.get(ri.recoveryInstanceID());
            items.add(new RecoveryInstance(ri.recoveryInstanceID(), ri.sourceServerID(), accountId, region,
                    accountRegion, ri.ec2InstanceID(), ri.ec2InstanceState(),
                    info == null ? null : info.instanceType(), info == null ? null : info.privateIpAddress(),
                    ri.jobID(), previous == null ? null : previous.executionId(), ri.isDrill(),
                    ri.pointInTimeSnapshotDateTime(), info == null ? null : info.launchTime(), ri.tags(), syncedAt));
            keep.add(ri.recoveryInstanceID());
        }
        int written = items.isEmpty() ? 0 : store.putAll(items).successCount();
        int removed = 0;
        for (String id : cached.keySet()) {
            if (!keep.contains(id)) {
                store.delete(id);
                removed++;
            }
        }
        return new PairResult(written, removed, null);
    }

    private Map<String, RecoveryInstance> cached(String accountRegion) {
        Map<String, RecoveryInstance> out = new HashMap<>();
        Optional<ObjectNode> start = Optional.empty();
        do {
            Page<RecoveryInstance> page = store.listByAccountRegion(accountRegion, PAGE, start);
            page.items().forEach(i -> out.put(i.recoveryInstanceId(), i));
            start = page.lastEvaluatedKey();
        } while (start.isPresent());
        return out;
    }
}
