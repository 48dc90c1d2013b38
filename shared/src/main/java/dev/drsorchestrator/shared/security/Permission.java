package dev.drsorchestrator.shared.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The permissions of the RBAC model (ARCHITECTURE.md section 5); every operation but {@code health} needs one. The seed
 * announces "16 granular permissions" but lists and uses these 15; we implement exactly the listed ones, plus
 * {@link #SYSTEM}, the contract's {@code system}: held by no group, so only the platform's own direct invocations
 * (EventBridge schedules, the state machine) run the operations that require it.
 */
public enum Permission {
    PROTECTION_GROUPS_READ("protection_groups:read"),
    PROTECTION_GROUPS_WRITE("protection_groups:write"),
    RECOVERY_PLANS_READ("recovery_plans:read"),
    RECOVERY_PLANS_WRITE("recovery_plans:write"),
    RECOVERY_PLANS_EXECUTE("recovery_plans:execute"),
    SERVERS_READ("servers:read"),
    SERVERS_WRITE("servers:write"),
    ACCOUNTS_READ("accounts:read"),
    ACCOUNTS_WRITE("accounts:write"),
    AUDIT_READ("audit:read"),
    AUDIT_WRITE("audit:write"),
    CONFIG_READ("config:read"),
    CONFIG_WRITE("config:write"),
    EXECUTIONS_READ("executions:read"),
    EXECUTIONS_WRITE("executions:write"),
    /** Scheduled and state-machine work; no role grants it and {@code Operation} refuses to route it from the API. */
    SYSTEM("system");

    private final String wire;

    Permission(String wire) {
        this.wire = wire;
    }

    /** The permission as it appears on the wire and in documents, e.g. {@code servers:read}. */
    public String wire() {
        return wire;
    }

    /** The permission with that wire name. */
    public static Optional<Permission> fromWire(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(wire)).findFirst();
    }
}
