package dev.drsorchestrator.shared.error;

/** Invalid input (400); the message names the field and the rule it broke. */
public final class ValidationException extends ClientErrorException {
    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super(message);
    }

    @Override
    public int statusCode() {
        return 400;
    }

    @Override
    public String errorCode() {
        return "VALIDATION_ERROR";
    }
}
