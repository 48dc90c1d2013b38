package dev.drsorchestrator.datamanagement.accounts;

import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Add and remove staging accounts of a target account; the list is written with the target's optimistic lock. */
public final class StagingAccountOperations {
    private final TargetAccountStore accounts;
    private final Clock clock;

    /** The operations over the target-account store. */
    public StagingAccountOperations(TargetAccountStore accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The operations with their wire names, permissions and routes. */
    public List<Operation> operations() {
        return List.of(
                Operation.of("add_staging_account", Permission.ACCOUNTS_WRITE, this::add,
                        Route.post("/accounts/targets/{id}/staging-accounts")),
                Operation.of("remove_staging_account", Permission.ACCOUNTS_WRITE, this::remove,
                        Route.delete("/accounts/targets/{id}/staging-accounts/{stagingAccountId}")));
    }

    Map<String, Object> add(OperationRequest request) {
        String targetId = RequestFields.targetAccountId(request);
        request.auditTargetAccount(targetId);
        RequestFields body = RequestFields.of(request);
        RequestFields stagingFields = body.object("stagingAccount")
                .orElseThrow(() -> new ValidationException("Field 'stagingAccount' is required"));
        String actor = RequestFields.actor(request);
        StagingAccount staging = StagingInput.read("stagingAccount", stagingFields, targetId, actor, clock.instant());
        TargetAccount current = accounts.require(targetId);
        if (current.stagingAccounts().stream().anyMatch(s -> s.accountId().equals(staging.accountId()))) {
            throw new ConflictException("Staging account " + staging.accountId() + " is already attached to target"
                    + " account " + targetId);
        }
        if (current.stagingAccounts().size() >= StagingInput.MAX_STAGING) {
            throw new ValidationException("Field 'stagingAccount': target account " + targetId + " already has "
                    + StagingInput.MAX_STAGING + " staging accounts");
        }
        List<StagingAccount> list = new ArrayList<>(current.stagingAccounts());
        list.add(staging);
        TargetAccount stored = accounts.update(withStaging(current, list, actor), current.version());
        return response("Staging account " + staging.accountId() + " added", stored);
    }

    Map<String, Object> remove(OperationRequest request) {
        String targetId = RequestFields.targetAccountId(request);
        String stagingId = Validators.accountId("stagingAccountId", request.parameter("stagingAccountId").orElse(null));
        request.auditTargetAccount(targetId);
        TargetAccount current = accounts.require(targetId);
        List<StagingAccount> list = new ArrayList<>(current.stagingAccounts());
        if (!list.removeIf(s -> s.accountId().equals(stagingId))) {
            throw new NotFoundException("Staging account " + stagingId + " is not attached to target account "
                    + targetId);
        }
        TargetAccount stored = accounts.update(withStaging(current, list, RequestFields.actor(request)),
                current.version());
        return response("Staging account " + stagingId + " removed", stored);
    }

    private TargetAccount withStaging(TargetAccount current, List<StagingAccount> staging, String actor) {
        return new TargetAccount(current.accountId(), current.accountName(), current.roleArn(),
                current.crossAccountRoleArn(), current.assumeRoleName(), current.externalId(),
                current.isCurrentAccount(), current.status(), current.lastValidated(), current.error(), staging,
                current.createdBy(), current.createdAt(), actor, clock.instant(), null);
    }

    private static Map<String, Object> response(String message, TargetAccount stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("message", message);
        out.put("stagingAccounts", stored.stagingAccounts());
        return out;
    }
}
