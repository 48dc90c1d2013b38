package dev.drsorchestrator.shared.error;

/** The caller is known but lacks the permission or is not an authorized role (403). */
public final class ForbiddenException extends ClientErrorException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public int statusCode() {
        return 403;
    }

    @Override
    public String errorCode() {
        return "FORBIDDEN";
    }
}
