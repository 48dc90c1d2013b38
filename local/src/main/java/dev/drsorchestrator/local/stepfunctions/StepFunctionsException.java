package dev.drsorchestrator.local.stepfunctions;

/**
 * A Step Functions API error with its AWS error code ({@code ExecutionDoesNotExist}, {@code TaskTimedOut},
 * {@code InvalidDefinition}...), so the JSON API answers exactly as AWS would and callers can branch on the code.
 */
public final class StepFunctionsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /** Creates an error with its AWS code and a message naming the offending field or resource. */
    public StepFunctionsException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The AWS error code, sent as {@code __type}. */
    public String code() {
        return code;
    }
}
