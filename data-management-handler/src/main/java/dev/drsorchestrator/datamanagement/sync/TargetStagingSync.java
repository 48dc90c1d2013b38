package dev.drsorchestrator.datamanagement.sync;

import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.staging.StagingAccountSync;
import dev.drsorchestrator.shared.staging.StagingServerResult;
import dev.drsorchestrator.shared.staging.StagingSyncReport;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sync_extended_source_servers}: the scheduled staging sync's work for one target account, on demand, answered
 * in the contract's {@code StagingSyncResult} shape plus the per-server results and per-account failures.
 */
final class TargetStagingSync {
    private final TargetAccountStore accounts;
    private final StagingAccountSync staging;

    TargetStagingSync(TargetAccountStore accounts, StagingAccountSync staging) {
        this.accounts = accounts;
        this.staging = staging;
    }

    Map<String, Object> run(OperationRequest request) {
        String targetId = RequestFields.targetAccountId(request);
        request.auditTargetAccount(targetId);
        TargetAccount target = accounts.require(targetId);
        StagingSyncReport report = staging.runFor(target);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", report.failed() == 0 && report.failures().isEmpty());
        out.put("message", message(target, report));
        out.put("targetAccountId", targetId);
        out.put("stagingAccounts", target.stagingAccounts());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("added", report.servers().stream()
                .filter(s -> StagingServerResult.EXTENDED.equals(s.status()))
                .map(StagingServerResult::sourceServerArn).toList());
        changes.put("removed", List.of());
        out.put("changes", changes);
        out.put("added", report.added());
        out.put("alreadyExtended", report.alreadyExtended());
        out.put("failed", report.failed());
        out.put("servers", report.servers());
        out.put("failures", report.failures());
        return out;
    }

    private static String message(TargetAccount target, StagingSyncReport report) {
        if (target.stagingAccounts().isEmpty()) {
            return "Target account " + target.accountId() + " has no staging accounts";
        }
        return "Extended " + report.added() + " servers into target account " + target.accountId() + " ("
                + report.alreadyExtended() + " already extended, " + report.failed() + " refused, "
                + report.failures().size() + " staging accounts or regions not listed)";
    }
}
