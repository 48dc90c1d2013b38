package dev.drsorchestrator.query.users;

import dev.drsorchestrator.shared.error.UnauthorizedException;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.security.Principal;
import dev.drsorchestrator.shared.security.Rbac;
import dev.drsorchestrator.shared.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user's own identity: profile and roles, answered from the verified token claims (no table or AWS
 * read). Every role holds {@code protection_groups:read}, so any member of a known group may ask.
 */
public final class UserQueries {
    private final Rbac rbac;

    private UserQueries(Rbac rbac) {
        this.rbac = rbac;
    }

    /** The operations of this group. */
    public static List<Operation> operations(Rbac rbac) {
        UserQueries users = new UserQueries(rbac);
        UserPermissions permissions = new UserPermissions(rbac);
        return List.of(
                Operation.of("get_user_permissions", Permission.PROTECTION_GROUPS_READ, permissions::permissions,
                        Route.get("/user/permissions")),
                Operation.of("handle_user_profile", Permission.PROTECTION_GROUPS_READ, users::profile,
                        Route.get("/user/profile")),
                Operation.of("handle_user_roles", Permission.PROTECTION_GROUPS_READ, users::roles,
                        Route.get("/user/roles")));
    }

    Object profile(OperationRequest request) {
        Principal.CognitoUser user = user(request);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("email", user.email());
        out.put("userId", user.username());
        out.put("username", user.username());
        out.put("groups", user.groups());
        return out;
    }

    Object roles(OperationRequest request) {
        Principal.CognitoUser user = user(request);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("email", user.email());
        identity.put("username", user.username());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", identity);
        out.put("roles", user.groups());
        out.put("rbacRoles", rbac.rolesOf(user.groups()).stream().map(Role::groupName).sorted().toList());
        out.put("permissions", rbac.permissionNames(user.groups()));
        return out;
    }

    private static Principal.CognitoUser user(OperationRequest request) {
        if (!(request.principal() instanceof Principal.CognitoUser user)) {
            throw new UnauthorizedException("Missing or invalid authorizer claims");
        }
        return user;
    }
}
