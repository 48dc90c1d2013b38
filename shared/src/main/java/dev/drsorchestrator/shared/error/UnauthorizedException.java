package dev.drsorchestrator.shared.error;

/** The caller could not be identified (401), e.g. an API request without authorizer claims. */
public final class UnauthorizedException extends ClientErrorException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public int statusCode() {
        return 401;
    }

    @Override
    public String errorCode() {
        return "UNAUTHORIZED";
    }
}
