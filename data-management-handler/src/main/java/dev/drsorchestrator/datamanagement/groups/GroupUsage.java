package dev.drsorchestrator.datamanagement.groups;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.model.Wave;
import dev.drsorchestrator.shared.store.ExecutionStore;
import dev.drsorchestrator.shared.store.Page;
import dev.drsorchestrator.shared.store.RecoveryPlanStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who uses a protection group or a plan: the plans whose waves name a group, and the executions still running for a
 * plan. Deleting or changing something in use is a 409 naming the user, so a DR run never loses its definition.
 */
public final class GroupUsage {
    private static final int PAGE = 100;
    private final RecoveryPlanStore plans;
    private final ExecutionStore executions;

    /** Usage over the plan and execution stores. */
    public GroupUsage(RecoveryPlanStore plans, ExecutionStore executions) {
        this.plans = plans;
        this.executions = executions;
    }

    /** 409 when a plan's wave references the group. */
    public void requireUnused(String groupId, String groupName) {
        List<String> users = new ArrayList<>();
        for (RecoveryPlan plan : plans.listAll()) {
            if (plan.waves().stream().anyMatch(wave -> references(wave, groupId))) {
                users.add("'" + plan.planName() + "' (" + plan.planId() + ")");
            }
        }
        if (!users.isEmpty()) {
            throw new ConflictException("Protection group '" + groupName + "' is used by recovery plan(s) "
                    + String.join(", ", users) + "; remove it from their waves first");
        }
    }

    /** 409 when an execution of the plan is still active. */
    public void requireNoActiveExecution(String planId, String planName) {
        activeExecution(planId).ifPresent(execution -> {
            throw new ConflictException("Recovery plan '" + planName + "' has an active execution "
                    + execution.executionId() + " (" + execution.status() + "); wait for it to finish or cancel it");
        });
    }

    /** An active execution of the plan, if any (reads the plan's executions through the plan index). */
    public Optional<Execution> activeExecution(String planId) {
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> start = Optional.empty();
        do {
            Page<Execution> page = executions.listByPlan(planId, PAGE, start);
            for (Execution execution : page.items()) {
                boolean active = ExecutionStatus.fromWire(execution.status()).map(ExecutionStatus::isActive)
                        .orElse(false);
                if (active) {
                    return Optional.of(execution);
                }
            }
            start = page.lastEvaluatedKey();
        } while (start.isPresent());
        return Optional.empty();
    }

    static boolean references(Wave wave, String groupId) {
        return groupId.equals(wave.protectionGroupId())
                || (wave.protectionGroupIds() != null && wave.protectionGroupIds().contains(groupId));
    }
}
