package dev.drsorchestrator.shared.error;

/** The addressed resource or operation does not exist (404); messages never list what does exist. */
public final class NotFoundException extends ClientErrorException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public int statusCode() {
        return 404;
    }

    @Override
    public String errorCode() {
        return "NOT_FOUND";
    }
}
