package dev.drsorchestrator.shared.handler;

/**
 * The body of an operation: takes the normalized request, returns a result object that the one ObjectMapper
 * serializes. Throw a {@code ClientErrorException} subclass for the caller's mistakes; anything else is a server
 * failure.
 */
@FunctionalInterface
public interface OperationFunction {
    /** Runs the operation. */
    Object run(OperationRequest request) throws Exception;
}
