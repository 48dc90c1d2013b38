package dev.drsorchestrator.shared.security;

import dev.drsorchestrator.shared.error.ForbiddenException;
import dev.drsorchestrator.shared.error.UnauthorizedException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Role-based access control for API calls: groups map to roles (the five role names, plus configurable aliases for the
 * original deployment's group names), roles to permissions, and a user gets the union over all groups. Unknown groups
 * grant nothing.
 */
public final class Rbac {
    /** The group aliases of the original deployment (ARCHITECTURE.md section 5). */
    public static final Map<String, Set<Role>> DEFAULT_ALIASES = Map.of(
            "DRSOrchestrationAdmin", Set.of(Role.ADMIN),
            "DRSRecoveryManager", Set.of(Role.OPERATOR, Role.PLANNER),
            "DRSPlanManager", Set.of(Role.PLANNER),
            "DRSOperator", Set.of(Role.OPERATOR),
            "DRSReadOnly", Set.of(Role.VIEWER),
            "DRSAuditor", Set.of(Role.AUDITOR));

    private final Map<String, Set<Role>> groupRoles;

    /** An RBAC with the given aliases on top of the five role names. */
    public Rbac(Map<String, Set<Role>> aliases) {
        Map<String, Set<Role>> mapping = new HashMap<>();
        for (Role role : Role.values()) {
            mapping.put(role.groupName(), Set.of(role));
        }
        aliases.forEach((group, roles) -> mapping.put(group, Set.copyOf(roles)));
        this.groupRoles = Map.copyOf(mapping);
    }

    /** The RBAC with the default aliases. */
    public static Rbac withDefaultAliases() {
        return new Rbac(DEFAULT_ALIASES);
    }

    /** The roles the groups carry. */
    public Set<Role> rolesOf(Collection<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups) {
            roles.addAll(groupRoles.getOrDefault(group, Set.of()));
        }
        return roles;
    }

    /** The union of the permissions of every role the groups carry. */
    public Set<Permission> permissionsOf(Collection<String> groups) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Role role : rolesOf(groups)) {
            permissions.addAll(role.permissions());
        }
        return permissions;
    }

    /**
     * Passes when the principal is a Cognito user holding the permission; otherwise throws 401 (no user) or 403.
     */
    public void require(Principal principal, Permission permission) {
        if (!(principal instanceof Principal.CognitoUser user)) {
            throw new UnauthorizedException("Missing or invalid authorizer claims");
        }
        if (!permissionsOf(user.groups()).contains(permission)) {
            throw new ForbiddenException("Permission '" + permission.wire() + "' is required for this operation");
        }
    }

    /** The groups' permissions as sorted wire strings, for responses. */
    public List<String> permissionNames(Collection<String> groups) {
        return permissionsOf(groups).stream().map(Permission::wire).sorted().toList();
    }
}
