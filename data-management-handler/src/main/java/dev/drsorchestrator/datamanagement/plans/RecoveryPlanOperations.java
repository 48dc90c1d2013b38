package dev.drsorchestrator.datamanagement.plans;

import dev.drsorchestrator.datamanagement.groups.GroupUsage;
import dev.drsorchestrator.datamanagement.input.ExpectedVersion;
import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.OperationResult;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.model.Wave;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.RecoveryPlanStore;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Create, update and delete recovery plans. A plan with an active execution cannot be changed or deleted; waves are
 * checked by {@link WaveInput}; the name is unique case-insensitively through the store's name claim.
 */
public final class RecoveryPlanOperations {
    /** Longest plan name. */
    public static final int NAME_MAX = 128;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[A-Za-z]{2,24}");

    private final RecoveryPlanStore plans;
    private final WaveInput waves;
    private final GroupUsage usage;
    private final Optional<String> hubAccountId;
    private final Clock clock;

    /** The operations over their stores. */
    public RecoveryPlanOperations(RecoveryPlanStore plans, WaveInput waves, GroupUsage usage,
            Optional<String> hubAccountId, Clock clock) {
        this.plans = plans;
        this.waves = waves;
        this.usage = usage;
        this.hubAccountId = hubAccountId;
        this.clock = clock;
    }

    /** The operations with their wire names, permissions and routes. */
    public List<Operation> operations() {
        return List.of(
                Operation.of("create_recovery_plan", Permission.RECOVERY_PLANS_WRITE, this::create,
                        Route.post("/recovery-plans")),
                Operation.of("update_recovery_plan", Permission.RECOVERY_PLANS_WRITE, this::update,
                        Route.put("/recovery-plans/{id}")),
                Operation.of("delete_recovery_plan", Permission.RECOVERY_PLANS_WRITE, this::delete,
                        Route.delete("/recovery-plans/{id}")));
    }

    OperationResult create(OperationRequest request) {
        RequestFields body = RequestFields.of(request);
        if (body.has("version")) {
            throw new ValidationException("Field 'version' is managed by the server and cannot be set on create");
        }
        String name = name(body).orElseThrow(() -> new ValidationException("Field 'planName' is required"));
        List<Wave> planWaves = waves.read(body.node("waves"));
        String accountId = body.string("accountId").map(id -> Validators.accountId("accountId", id))
                .or(() -> waves.commonAccount(planWaves)).or(() -> hubAccountId).orElse(null);
        String actor = RequestFields.actor(request);
        Instant now = clock.instant();
        RecoveryPlan plan = new RecoveryPlan(UUID.randomUUID().toString(), name,
                body.text("description", Validators.DESCRIPTION_MAX).orElse(null), planWaves, accountId,
                body.text("assumeRoleName", 64).orElse(null), email(body).orElse(null), null, null, null, null, null,
                now.getEpochSecond(), now.getEpochSecond(), actor, now, actor, now, null);
        return OperationResult.created(plans.create(plan));
    }

    RecoveryPlan update(OperationRequest request) {
        String planId = RequestFields.targetId(request, "planId");
        RequestFields body = RequestFields.addressing(request, "planId", planId);
        RecoveryPlan current = plans.require(planId);
        long expected = body.version().orElse(current.version());
        usage.requireNoActiveExecution(planId, current.planName());
        String name = name(body).orElse(current.planName());
        List<Wave> planWaves = body.has("waves") ? waves.read(body.node("waves")) : current.waves();
        String actor = RequestFields.actor(request);
        Instant now = clock.instant();
        RecoveryPlan changed = new RecoveryPlan(planId, name,
                body.has("description") ? body.text("description", Validators.DESCRIPTION_MAX).orElse(null)
                        : current.description(),
                planWaves, current.accountId(), current.assumeRoleName(),
                body.has("notificationEmail") ? email(body).orElse(null) : current.notificationEmail(),
                current.snsSubscriptionArn(), current.lastExecutionId(), current.lastExecutionStatus(),
                current.lastStartTime(), current.lastEndTime(), current.createdDate(), now.getEpochSecond(),
                current.createdBy(), current.createdAt(), actor, now, null);
        return plans.update(changed, expected);
    }

    Map<String, Object> delete(OperationRequest request) {
        String planId = RequestFields.targetId(request, "planId");
        RequestFields.addressing(request, "planId", planId);
        RecoveryPlan current = plans.require(planId);
        long expected = ExpectedVersion.resolve(request, current.version());
        usage.requireNoActiveExecution(planId, current.planName());
        plans.delete(planId, expected);
        return Map.of("message", "Recovery plan '" + current.planName() + "' deleted");
    }

    private static Optional<String> name(RequestFields body) {
        String field = body.has("planName") ? "planName" : "name";
        if (!body.has(field)) {
            return Optional.empty();
        }
        return Optional.of(Validators.name(field, body.string(field).orElse(null), NAME_MAX));
    }

    private static Optional<String> email(RequestFields body) {
        Optional<String> email = body.string("notificationEmail").map(String::trim).filter(s -> !s.isEmpty());
        email.ifPresent(address -> {
            if (!EMAIL.matcher(address).matches()) {
                throw new ValidationException("Field 'notificationEmail' must be an email address");
            }
        });
        return email;
    }
}
