package dev.drsorchestrator.shared.execution;

import dev.drsorchestrator.shared.rules.Violation;
import java.util.Optional;

/**
 * Whether an execution's recovery instances may be terminated now, and why not. Its fields are the
 * {@code terminationMetadata} object the frontend reads ({@code canTerminate}, {@code reason},
 * {@code hasRecoveryInstances}).
 *
 * @param canTerminate         true when every condition holds
 * @param blockedBy            the first condition that failed; null exactly when {@code canTerminate}
 * @param hasRecoveryInstances true when at least one wave started a DRS job
 */
public record TerminationDecision(boolean canTerminate, BlockReason blockedBy, boolean hasRecoveryInstances) {

    /** Why termination is refused; the messages are the ones the original's frontend displays. */
    public enum BlockReason {
        /** The execution has not ended: terminating now would pull instances out from under a running drill. */
        EXECUTION_ACTIVE("Execution not in terminal state"),
        /** No wave started a DRS job, so there is nothing to terminate. */
        NO_RECOVERY_INSTANCES("No recovery instances found"),
        /** A previous termination already ran. */
        ALREADY_TERMINATED("Instances already terminated"),
        /** A wave still has DRS jobs in flight (or an unreadable status), so instances may still be appearing. */
        WAVES_ACTIVE("Waves still active");

        private final String message;

        BlockReason(String message) {
            this.message = message;
        }

        /** The human-readable reason. */
        public String message() {
            return message;
        }
    }

    /** Keeps the decision consistent: a reason exactly when termination is refused. */
    public TerminationDecision {
        if (canTerminate == (blockedBy != null)) {
            throw new IllegalArgumentException("a refused termination needs a reason, an allowed one has none");
        }
    }

    /** The reason text for the wire, or null when termination is allowed. */
    public String reason() {
        return blockedBy == null ? null : blockedBy.message();
    }

    /** The refusal as a violation of the {@code terminable} rule on the execution's {@code status}. */
    public Optional<Violation> violation() {
        return blockedBy == null
                ? Optional.empty()
                : Optional.of(new Violation("status", "terminable",
                        "recovery instances cannot be terminated: " + blockedBy.message()));
    }
}
