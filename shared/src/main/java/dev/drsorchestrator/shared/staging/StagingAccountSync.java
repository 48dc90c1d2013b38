package dev.drsorchestrator.shared.staging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AccountIdentities;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.inventory.AccountCredentials;
import dev.drsorchestrator.shared.inventory.ActiveRegions;
import dev.drsorchestrator.shared.inventory.InventoryAccount;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code handle_sync_staging_accounts}: for every target account with staging accounts, lists each staging account's
 * extensible servers in the target's active regions and extends them into the target (CreateExtendedSourceServer).
 * DRS lists only servers not yet extended, and an "already extended" refusal is reported as such, so a re-run
 * changes nothing. A refusal (e.g. servers on the default EBS key) is one server's FAILED result with DRS's reason; a
 * target whose role cannot be assumed, or a staging account that cannot be listed, is one entry of
 * {@code failures}, and the other accounts go on.
 */
public final class StagingAccountSync {
    private static final Logger LOG = LoggerFactory.getLogger(StagingAccountSync.class);

    private final TargetAccountStore accounts;
    private final AccountCredentials credentials;
    private final Gateways gateways;
    private final ActiveRegions activeRegions;
    private final int threads;

    /** A sync over the target accounts, querying up to {@code threads} (account, region) pairs at once. */
    public StagingAccountSync(TargetAccountStore accounts, AccountCredentials credentials, Gateways gateways,
            ActiveRegions activeRegions, int threads) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.gateways = gateways;
        this.activeRegions = activeRegions;
        this.threads = threads;
    }

    private record Pair(TargetAccount target, String region) {
    }

    private record PairResult(List<StagingServerResult> servers, List<StagingSyncReport.StagingFailure> failures) {
    }

    /** Runs one sync over every target account with staging accounts. */
    public StagingSyncReport run() {
        return sync(accounts.listAll());
    }

    /**
     * The same work for one target account now ({@code sync_extended_source_servers}); a target without staging
     * accounts gives an empty report with {@code targetAccountsProcessed = 0}.
     */
    public StagingSyncReport runFor(TargetAccount target) {
        return sync(List.of(target));
    }

    private StagingSyncReport sync(List<TargetAccount> candidates) {
        List<Pair> pairs = new ArrayList<>();
        List<StagingSyncReport.StagingFailure> unreachable = new ArrayList<>();
        int targets = 0;
        for (TargetAccount target : candidates) {
            if (target.stagingAccounts().isEmpty()) {
                continue;
            }
            targets++;
            Optional<AccountContext> context = credentials.resolve(new InventoryAccount(target.accountId(),
                    target.accountName(), AccountIdentities.of(target)));
            if (context.isEmpty()) {
                unreachable.add(new StagingSyncReport.StagingFailure(target.accountId(), null, null,
                        "AccessDeniedException", "Role could not be assumed in target account " + target.accountId()));
                continue;
            }
            activeRegions.regions(target.accountId()).forEach(region -> pairs.add(new Pair(target, region)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, pairs.size())));
        try {
            List<CompletableFuture<PairResult>> futures = pairs.stream()
                    .map(p -> CompletableFuture.supplyAsync(() -> sync(p), pool)).toList();
            List<StagingServerResult> servers = new ArrayList<>();
            List<StagingSyncReport.StagingFailure> failures = new ArrayList<>(unreachable);
            futures.forEach(f -> {
                servers.addAll(f.join().servers());
                failures.addAll(f.join().failures());
            });
            servers.sort(Comparator.comparing(StagingServerResult::targetAccountId)
                    .thenComparing(StagingServerResult::region).thenComparing(StagingServerResult::sourceServerArn));
            failures.sort(Comparator.comparing(StagingSyncReport.StagingFailure::targetAccountId)
                    .thenComparing(f -> f.stagingAccountId() == null ? "" : f.stagingAccountId())
                    .thenComparing(f -> f.region() == null ? "" : f.region()));
            int added = count(servers, StagingServerResult.EXTENDED);
            int already = count(servers, StagingServerResult.ALREADY_EXTENDED);
            int failed = count(servers, StagingServerResult.FAILED);
            LOG.info("Staging sync: {} target accounts, {} extended, {} already extended, {} refused, {} listing"
                    + " failures", targets, added, already, failed, failures.size());
            return new StagingSyncReport(targets, added, already, failed, servers, failures);
        } finally {
            pool.shutdownNow();
        }
    }

    private PairResult sync(Pair pair) {
        TargetAccount target = pair.target();
        List<StagingServerResult> servers = new ArrayList<>();
        List<StagingSyncReport.StagingFailure> failures = new ArrayList<>();
        DrsGateway drs;
        try {
            AccountContext context = AccountIdentities.of(target);
            drs = gateways.drs(context, pair.region());
        } catch (RuntimeException e) {
            failures.add(new StagingSyncReport.StagingFailure(target.accountId(), null, pair.region(),
                    "ClientError", "Target account cannot be reached: " + e.getMessage()));
            return new PairResult(servers, failures);
        }
        for (StagingAccount staging : target.stagingAccounts()) {
            List<JsonNode> extensible;
            try {
                extensible = drs.listExtensibleSourceServers(staging.accountId());
            } catch (AwsCallFailure e) {
                if (!"UninitializedAccountException".equals(e.errorCode())) {
                    LOG.warn("Listing extensible servers of {} for {} in {} failed: {}", staging.accountId(),
                            target.accountId(), pair.region(), e.getMessage());
                    failures.add(new StagingSyncReport.StagingFailure(target.accountId(), staging.accountId(),
                            pair.region(), e.errorType().wireName(), e.errorType().friendlyMessage()));
                }
                continue;
            } catch (RuntimeException e) {
                LOG.error("Listing extensible servers of {} for {} in {} failed", staging.accountId(),
                        target.accountId(), pair.region(), e);
                failures.add(new StagingSyncReport.StagingFailure(target.accountId(), staging.accountId(),
                        pair.region(), "UnexpectedError", "Unexpected error in region " + pair.region() + ": "
                                + e.getClass().getSimpleName()));
                continue;
            }
            for (JsonNode server : extensible) {
                servers.add(extend(drs, target.accountId(), staging.accountId(), pair.region(), server));
            }
        }
        return new PairResult(servers, failures);
    }

    private static StagingServerResult extend(DrsGateway drs, String targetId, String stagingId, String region,
            JsonNode server) {
        String arn = server.path("arn").asText();
        String hostname = server.path("hostname").asText(null);
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            server.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
            JsonNode created = drs.createExtendedSourceServer(arn, tags);
            return new StagingServerResult(targetId, stagingId, region, arn, hostname, StagingServerResult.EXTENDED,
                    created.path("sourceServerID").asText(null), null);
        } catch (AwsCallFailure e) {
            boolean already = e.getMessage() != null && e.getMessage().contains("already extended");
            if (!already) {
                LOG.warn("DRS refused to extend {} into {}: {}", arn, targetId, e.getMessage());
            }
            return new StagingServerResult(targetId, stagingId, region, arn, hostname,
                    already ? StagingServerResult.ALREADY_EXTENDED : StagingServerResult.FAILED, null,
                    already ? null : e.errorCode() + ": " + awsMessage(e));
        } catch (RuntimeException e) {
            LOG.error("Extending {} into {} failed", arn, targetId, e);
            return new StagingServerResult(targetId, stagingId, region, arn, hostname, StagingServerResult.FAILED,
                    null, "UnexpectedError: " + e.getClass().getSimpleName());
        }
    }

    private static String awsMessage(AwsCallFailure e) {
        String message = e.getMessage();
        int at = message.indexOf(": ");
        return at < 0 ? message : message.substring(at + 2);
    }

    private static int count(List<StagingServerResult> servers, String status) {
        return (int) servers.stream().filter(s -> status.equals(s.status())).count();
    }
}
