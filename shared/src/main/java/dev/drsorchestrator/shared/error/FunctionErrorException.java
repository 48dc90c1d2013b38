package dev.drsorchestrator.shared.error;

/**
 * Thrown out of a handler on a direct invocation that failed for a transient or unexpected reason, so Lambda reports a
 * function error and Step Functions retries. It carries no cause and no stack trace: the Lambda runtime serialises
 * thrown exceptions into the caller's error payload, and that must hold only the request id.
 */
public final class FunctionErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FunctionErrorException(String requestId) {
        super(ErrorMapper.INTERNAL_MESSAGE + " (request id " + requestId + ")", null, false, false);
    }
}
