package dev.drsorchestrator.shared.error;

/** A limit was reached (429): a DRS quota, a concurrency limit or throttling the caller should back off from. */
public final class QuotaExceededException extends ClientErrorException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
        super(message);
    }

    @Override
    public int statusCode() {
        return 429;
    }

    @Override
    public String errorCode() {
        return "QUOTA_EXCEEDED";
    }
}
