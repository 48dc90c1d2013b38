package dev.drsorchestrator.local.sim.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS error a handler answers with: error code, HTTP status, message and any extra members of the error shape.
 * Each protocol renders it its own way (rest-json body and header, query XML, EC2 XML).
 */
public final class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final transient Map<String, Object> fields;
    private final Long retryAfterSeconds;

    public AwsException(String code, int status, String message) {
        this(code, status, message, Map.of(), null);
    }

    public AwsException(String code, int status, String message, Map<String, Object> fields, Long retryAfterSeconds) {
        super(message);
        this.code = code;
        this.status = status;
        this.fields = new LinkedHashMap<>(fields);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** Extra members of the error shape (for DRS: reason, fieldList, resourceId, quotaCode, ...). */
    public Map<String, Object> fields() {
        return fields;
    }

    /** Seconds a client should wait before retrying, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** True for 5xx errors, whose messages never carry internals. */
    public boolean serverSide() {
        return status >= 500;
    }
}
