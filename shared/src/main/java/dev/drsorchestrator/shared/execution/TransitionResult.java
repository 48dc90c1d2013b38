package dev.drsorchestrator.shared.execution;

import dev.drsorchestrator.shared.rules.Violation;
import java.util.Objects;

/**
 * The answer to "may this status change happen?", so that callers must handle a refused transition explicitly
 * instead of catching an exception.
 *
 * @param <S> the status type (execution or wave)
 */
public sealed interface TransitionResult<S extends Enum<S>> {

    /** The status the record is in now. */
    S from();

    /** The status the caller wants to write. */
    S to();

    /** Whether the caller may write {@link #to()}. */
    default boolean allowed() {
        return this instanceof Allowed;
    }

    /**
     * The change is permitted by the transition table.
     *
     * @param from the current status
     * @param to   the requested status
     * @param <S>  the status type
     */
    record Allowed<S extends Enum<S>>(S from, S to) implements TransitionResult<S> {
        /** Both ends are required. */
        public Allowed {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The change is not in the transition table.
     *
     * @param from      the current status
     * @param to        the requested status
     * @param violation why, naming the {@code status} field and the {@code transition} rule
     * @param <S>       the status type
     */
    record Rejected<S extends Enum<S>>(S from, S to, Violation violation) implements TransitionResult<S> {
        /** All components are required. */
        public Rejected {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(violation, "violation");
        }
    }
}
