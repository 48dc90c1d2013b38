package dev.drsorchestrator.datamanagement.accounts;

import dev.drsorchestrator.datamanagement.input.ExpectedVersion;
import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.OperationResult;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Register, edit and remove target accounts. A target account still used by a protection group cannot be removed,
 * because its groups could no longer be recovered.
 */
public final class TargetAccountOperations {
    private final TargetAccountStore accounts;
    private final ProtectionGroupStore groups;
    private final Optional<String> hubAccountId;
    private final Clock clock;

    /** The operations over their stores. */
    public TargetAccountOperations(TargetAccountStore accounts, ProtectionGroupStore groups,
            Optional<String> hubAccountId, Clock clock) {
        this.accounts = accounts;
        this.groups = groups;
        this.hubAccountId = hubAccountId;
        this.clock = clock;
    }

    /** The operations with their wire names, permissions and routes. */
    public List<Operation> operations() {
        return List.of(
                Operation.of("add_target_account", Permission.ACCOUNTS_WRITE, this::add,
                        Route.post("/accounts/targets")),
                Operation.of("update_target_account", Permission.ACCOUNTS_WRITE, this::update,
                        Route.put("/accounts/targets/{id}")),
                Operation.of("delete_target_account", Permission.ACCOUNTS_WRITE, this::delete,
                        Route.delete("/accounts/targets/{id}")));
    }

    OperationResult add(OperationRequest request) {
        RequestFields body = RequestFields.of(request);
        if (body.has("version")) {
            throw new ValidationException("Field 'version' is managed by the server and cannot be set on create");
        }
        String accountId = Validators.accountId("accountId", body.string("accountId").orElse(null));
        request.auditTargetAccount(accountId);
        String name = Validators.name("accountName", body.string("accountName").orElse(null), AccountInput.NAME_MAX);
        Optional<String> role = AccountInput.role(body, "roleArn", accountId)
                .or(() -> AccountInput.role(body, "crossAccountRoleArn", accountId));
        boolean current = hubAccountId.filter(accountId::equals).isPresent();
        if (role.isEmpty() && !current) {
            throw new ValidationException("Field 'roleArn' is required for an account other than this one");
        }
        String actor = RequestFields.actor(request);
        Instant now = clock.instant();
        List<StagingAccount> staging = StagingInput.readAll(body, accountId, actor, now);
        String roleArn = role.filter(r -> r.startsWith("arn:")).orElse(null);
        TargetAccount account = new TargetAccount(accountId, name, roleArn, roleArn,
                role.filter(r -> !r.startsWith("arn:")).orElse(null),
                AccountInput.externalId(body, "externalId").orElse(null), current, "active", null, null, staging,
                actor, now, actor, now, null);
        return OperationResult.created(accounts.create(account));
    }

    TargetAccount update(OperationRequest request) {
        String accountId = Validators.accountId("accountId", RequestFields.targetId(request, "accountId"));
        request.auditTargetAccount(accountId);
        RequestFields body = RequestFields.of(request);
        TargetAccount current = accounts.require(accountId);
        long expected = body.version().orElse(current.version());
        if (body.has("accountId") && !accountId.equals(body.string("accountId").orElse(""))) {
            throw new ValidationException("Field 'accountId' cannot be changed");
        }
        String name = body.has("accountName")
                ? Validators.name("accountName", body.string("accountName").orElse(null), AccountInput.NAME_MAX)
                : current.accountName();
        Optional<String> role = AccountInput.role(body, "roleArn", accountId)
                .or(() -> AccountInput.role(body, "crossAccountRoleArn", accountId));
        String roleArn = role.isPresent() ? role.filter(r -> r.startsWith("arn:")).orElse(null) : current.roleArn();
        String roleName = role.isPresent() ? role.filter(r -> !r.startsWith("arn:")).orElse(null)
                : current.assumeRoleName();
        String externalId = body.has("externalId") ? AccountInput.externalId(body, "externalId").orElse(null)
                : current.externalId();
        boolean credentialsChanged = role.isPresent() || body.has("externalId");
        TargetAccount changed = new TargetAccount(accountId, name, roleArn, roleArn, roleName, externalId,
                current.isCurrentAccount(), credentialsChanged ? "pending" : current.status(),
                credentialsChanged ? null : current.lastValidated(), credentialsChanged ? null : current.error(),
                current.stagingAccounts(), current.createdBy(), current.createdAt(), RequestFields.actor(request),
                clock.instant(), null);
        return accounts.update(changed, expected);
    }

    Map<String, Object> delete(OperationRequest request) {
        String accountId = Validators.accountId("accountId", RequestFields.targetId(request, "accountId"));
        request.auditTargetAccount(accountId);
        TargetAccount current = accounts.require(accountId);
        long expected = ExpectedVersion.resolve(request, current.version());
        List<String> users = new ArrayList<>();
        for (ProtectionGroup group : groups.listAll()) {
            if (accountId.equals(group.accountId())) {
                users.add("'" + group.groupName() + "'");
            }
        }
        if (!users.isEmpty()) {
            throw new ConflictException("Target account " + accountId + " is used by protection group(s) "
                    + String.join(", ", users) + "; move or delete them first");
        }
        accounts.delete(accountId, expected);
        return Map.of("message", "Target account " + accountId + " removed");
    }
}
