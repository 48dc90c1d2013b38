package dev.drsorchestrator.shared.error;

/** The request conflicts with current state (409), including a stale optimistic-locking version. */
public final class ConflictException extends ClientErrorException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public int statusCode() {
        return 409;
    }

    @Override
    public String errorCode() {
        return "CONFLICT";
    }
}
