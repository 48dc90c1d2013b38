package dev.drsorchestrator.datamanagement.tagsync;

import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.gateway.AccountIdentities;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.OperationResult;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.model.TagSyncSettings;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.RegionStatusStore;
import dev.drsorchestrator.shared.store.TagSyncConfigStore;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * handle_drs_tag_sync (scheduled, or on demand from the console): copies EC2 tags to DRS source servers in every
 * registered account and each region where the inventory saw servers (the home region when none is known). An
 * account or region that fails is reported and the rest continue; the outcome is kept on the tag-sync settings.
 * With the {@code syncInstanceType} setting on (or {@code syncInstanceType: true} in the request), each server's
 * source instance type is copied onto its DRS launch template as well.
 */
public final class TagSyncOperations {
    private static final Logger LOG = LoggerFactory.getLogger(TagSyncOperations.class);
    private final TargetAccountStore accounts;
    private final RegionStatusStore regions;
    private final TagSyncConfigStore settings;
    private final Gateways gateways;
    private final Optional<String> hubAccountId;
    private final Clock clock;

    /** The operation over the stores and gateways. */
    public TagSyncOperations(TargetAccountStore accounts, RegionStatusStore regions, TagSyncConfigStore settings,
            Gateways gateways, Optional<String> hubAccountId, Clock clock) {
        this.accounts = accounts;
        this.regions = regions;
        this.settings = settings;
        this.gateways = gateways;
        this.hubAccountId = hubAccountId;
        this.clock = clock;
    }

    /** The operation with its wire name, alias, permission and route. */
    public List<Operation> operations() {
        return List.of(Operation.of("handle_drs_tag_sync", Permission.SERVERS_WRITE, this::sync,
                Route.post("/drs/tag-sync")).withAliases("trigger_tag_sync"));
    }

    OperationResult sync(OperationRequest request) {
        RequestFields body = RequestFields.of(request);
        Optional<String> onlyAccount = body.string("accountId").map(id -> Validators.accountId("accountId", id));
        Optional<String> onlyRegion = body.string("region").map(r -> Validators.region("region", r));
        onlyAccount.ifPresent(request::auditTargetAccount);
        boolean copyInstanceType = body.bool("syncInstanceType")
                .orElseGet(() -> settings.get().map(TagSyncSettings::copiesInstanceType).orElse(false));
        TagCopier copier = new TagCopier(gateways, copyInstanceType);
        List<Map<String, Object>> targets = new ArrayList<>();
        int updated = 0;
        int failed = 0;
        int total = 0;
        for (Map.Entry<String, AccountContext> account : accountsToSync(onlyAccount).entrySet()) {
            for (String region : onlyRegion.map(List::of).orElseGet(() -> regionsOf(account.getKey()))) {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("accountId", account.getKey());
                target.put("region", region);
                try {
                    List<Map<String, Object>> servers = copier.copy(account.getValue(), region);
                    target.put("servers", servers);
                    total += servers.size();
                    updated += (int) servers.stream().filter(s -> "updated".equals(s.get("status"))).count();
                    failed += (int) servers.stream().filter(s -> "failed".equals(s.get("status"))).count();
                } catch (AwsCallFailure failure) {
                    target.put("error", failure.errorCode() + ": " + failure.errorType().friendlyMessage());
                    failed++;
                }
                targets.add(target);
            }
        }
        String status = failed == 0 ? "COMPLETED" : updated > 0 || total > failed ? "PARTIAL" : "FAILED";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "Tag sync copied tags to " + updated + " of " + total + " source server(s); " + failed
                + " failure(s)");
        out.put("status", "STARTED");
        out.put("details", status);
        out.put("totalServers", total);
        out.put("updatedServers", updated);
        out.put("failedCount", failed);
        out.put("syncInstanceType", copyInstanceType);
        out.put("targets", targets);
        record(status, Map.of("totalServers", total, "updatedServers", updated, "failedCount", failed));
        return OperationResult.accepted(out);
    }

    private Map<String, AccountContext> accountsToSync(Optional<String> only) {
        Map<String, AccountContext> out = new LinkedHashMap<>();
        String hubKey = hubAccountId.orElse("hub");
        if (only.isEmpty() || only.equals(hubAccountId)) {
            out.put(hubKey, AccountContext.hub());
        }
        for (TargetAccount account : accounts.listAll()) {
            if (only.isPresent() && !only.get().equals(account.accountId())) {
                continue;
            }
            out.putIfAbsent(account.accountId(), AccountIdentities.of(account));
        }
        if (only.isPresent() && out.isEmpty()) {
            throw new dev.drsorchestrator.shared.error.NotFoundException("Target account " + only.get()
                    + " is not registered");
        }
        return out;
    }

    private List<String> regionsOf(String accountId) {
        Set<String> found = new LinkedHashSet<>();
        if (!"hub".equals(accountId)) {
            for (RegionStatus status : regions.listByAccount(accountId)) {
                if (status.serverCount() != null && status.serverCount() > 0) {
                    found.add(status.region());
                }
            }
        }
        if (found.isEmpty()) {
            found.add(gateways.homeRegion());
        }
        return List.copyOf(found);
    }

    private void record(String status, Map<String, Object> result) {
        try {
            settings.get().ifPresent(current -> settings.save(new TagSyncSettings(current.configId(),
                    current.enabled(), current.intervalHours(), clock.instant().toString(), status,
                    Json.mapper().valueToTree(result), current.updatedBy(), current.updatedAt(), null,
                    current.syncInstanceType()),
                    Optional.ofNullable(current.version())));
        } catch (RuntimeException e) {
            LOG.warn("Tag sync outcome could not be recorded on the settings", e);
        }
    }
}
