package dev.drsorchestrator.local.sim.model;

/**
 * A request the fleet refuses, in protocol-neutral terms; each service handler maps the kind to its own wire error
 * (for DRS: ResourceNotFoundException, ConflictException, ServiceQuotaExceededException, ValidationException).
 */
public final class FleetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the fleet refused. */
    public enum Kind { NOT_FOUND, CONFLICT, QUOTA, VALIDATION }

    private final Kind kind;
    private final String resourceId;
    private final String resourceType;
    private final String quotaCode;

    public FleetException(Kind kind, String message, String resourceId, String resourceType, String quotaCode) {
        super(message);
        this.kind = kind;
        this.resourceId = resourceId;
        this.resourceType = resourceType;
        this.quotaCode = quotaCode;
    }

    public Kind kind() {
        return kind;
    }

    public String resourceId() {
        return resourceId;
    }

    public String resourceType() {
        return resourceType;
    }

    public String quotaCode() {
        return quotaCode;
    }
}
