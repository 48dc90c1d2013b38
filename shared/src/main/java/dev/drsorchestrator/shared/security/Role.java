package dev.drsorchestrator.shared.security;

import static dev.drsorchestrator.shared.security.Permission.ACCOUNTS_READ;
import static dev.drsorchestrator.shared.security.Permission.ACCOUNTS_WRITE;
import static dev.drsorchestrator.shared.security.Permission.AUDIT_READ;
import static dev.drsorchestrator.shared.security.Permission.CONFIG_READ;
import static dev.drsorchestrator.shared.security.Permission.CONFIG_WRITE;
import static dev.drsorchestrator.shared.security.Permission.EXECUTIONS_READ;
import static dev.drsorchestrator.shared.security.Permission.EXECUTIONS_WRITE;
import static dev.drsorchestrator.shared.security.Permission.PROTECTION_GROUPS_READ;
import static dev.drsorchestrator.shared.security.Permission.PROTECTION_GROUPS_WRITE;
import static dev.drsorchestrator.shared.security.Permission.RECOVERY_PLANS_EXECUTE;
import static dev.drsorchestrator.shared.security.Permission.RECOVERY_PLANS_READ;
import static dev.drsorchestrator.shared.security.Permission.RECOVERY_PLANS_WRITE;
import static dev.drsorchestrator.shared.security.Permission.SERVERS_READ;
import static dev.drsorchestrator.shared.security.Permission.SERVERS_WRITE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The five roles, one per Cognito group, with exactly the permissions of the matrix in ARCHITECTURE.md section 5.
 * {@code audit:write} belongs to no role: only the handlers themselves write audit records; neither does
 * {@code system}, the permission of scheduled and state-machine operations.
 */
public enum Role {
    ADMIN("Admin", EnumSet.complementOf(EnumSet.of(Permission.AUDIT_WRITE, Permission.SYSTEM))),
    OPERATOR("Operator", EnumSet.of(PROTECTION_GROUPS_READ, PROTECTION_GROUPS_WRITE, RECOVERY_PLANS_READ,
            RECOVERY_PLANS_EXECUTE, SERVERS_READ, SERVERS_WRITE, ACCOUNTS_READ, CONFIG_READ, EXECUTIONS_READ,
            EXECUTIONS_WRITE)),
    VIEWER("Viewer", EnumSet.of(PROTECTION_GROUPS_READ, RECOVERY_PLANS_READ, SERVERS_READ, ACCOUNTS_READ, CONFIG_READ,
            EXECUTIONS_READ)),
    AUDITOR("Auditor", EnumSet.of(PROTECTION_GROUPS_READ, RECOVERY_PLANS_READ, SERVERS_READ, AUDIT_READ,
            EXECUTIONS_READ)),
    PLANNER("Planner", EnumSet.of(PROTECTION_GROUPS_READ, PROTECTION_GROUPS_WRITE, RECOVERY_PLANS_READ,
            RECOVERY_PLANS_WRITE, SERVERS_READ, ACCOUNTS_READ, CONFIG_READ));

    private final String groupName;
    private final Set<Permission> permissions;

    Role(String groupName, EnumSet<Permission> permissions) {
        this.groupName = groupName;
        this.permissions = Set.copyOf(permissions);
    }

    /** The Cognito group that carries this role. */
    public String groupName() {
        return groupName;
    }

    /** The permissions this role grants. */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** The role whose group name is exactly {@code group}. */
    public static Optional<Role> fromGroupName(String group) {
        return Arrays.stream(values()).filter(r -> r.groupName.equals(group)).findFirst();
    }
}
