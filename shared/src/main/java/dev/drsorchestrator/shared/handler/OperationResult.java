package dev.drsorchestrator.shared.handler;

/**
 * A result with an explicit status code, for operations that answer other than 200 (e.g. 201 Created, 202 Accepted).
 * Operations that answer 200 return their body object directly.
 */
public record OperationResult(int statusCode, Object body) {
    public OperationResult {
        if (statusCode < 200 || statusCode > 299) {
            throw new IllegalArgumentException("Successful results use a 2xx status, got " + statusCode);
        }
    }

    /** A 201 Created result. */
    public static OperationResult created(Object body) {
        return new OperationResult(201, body);
    }

    /** A 202 Accepted result. */
    public static OperationResult accepted(Object body) {
        return new OperationResult(202, body);
    }
}
