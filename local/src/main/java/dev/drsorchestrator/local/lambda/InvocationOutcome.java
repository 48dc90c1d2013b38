package dev.drsorchestrator.local.lambda;

import java.util.Objects;

/** What an in-process function invocation produced: the bytes it wrote, or the error it threw. */
public sealed interface InvocationOutcome {

    /** The function returned normally and wrote {@code payload}. */
    record Returned(byte[] payload) implements InvocationOutcome {
        /** Rejects a missing payload. */
        public Returned {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * The function threw: {@code errorType} is the exception's simple class name and {@code errorMessage} its message,
     * as the Java Lambda runtime reports them.
     */
    record Failed(String errorType, String errorMessage) implements InvocationOutcome {
        /** Defaults a missing message to empty. */
        public Failed {
            Objects.requireNonNull(errorType, "errorType");
            errorMessage = errorMessage == null ? "" : errorMessage;
        }
    }
}
