package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** The outcome of one Lambda invocation: the function's JSON result, or a function error. */
public sealed interface LambdaResult {

    /** The function returned {@code payload}. */
    record Success(JsonNode payload) implements LambdaResult {
        /** Rejects a missing payload (use a JSON null node for a function that returns nothing). */
        public Success {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** The function failed; {@code errorType} is the ASL error name, e.g. {@code Lambda.ServiceException}. */
    record FunctionError(String errorType, String errorMessage) implements LambdaResult {
        /** Rejects a blank error type, which Retry and Catch could not match. */
        public FunctionError {
            if (errorType == null || errorType.isBlank()) {
                throw new IllegalArgumentException("errorType is required");
            }
            errorMessage = errorMessage == null ? "" : errorMessage;
        }
    }
}
