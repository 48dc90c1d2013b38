package dev.drsorchestrator.query.users;

import dev.drsorchestrator.shared.error.UnauthorizedException;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.security.Principal;
import dev.drsorchestrator.shared.security.Rbac;
import dev.drsorchestrator.shared.security.Role;
import java.util.List;

/**
 * {@code get_user_permissions}: tells the frontend which roles and permissions the signed-in user holds, so it can
 * hide what the API would refuse. It requires {@code protection_groups:read}, the permission every role holds, so any
 * member of a known group may ask and a user without one gets a 403.
 */
final class UserPermissions {
    private final Rbac rbac;

    UserPermissions(Rbac rbac) {
        this.rbac = rbac;
    }

    /** The caller's identity, groups, roles and permissions. */
    record Result(String email, String username, List<String> groups, List<String> roles, List<String> permissions) {
    }

    Result permissions(OperationRequest request) {
        if (!(request.principal() instanceof Principal.CognitoUser user)) {
            throw new UnauthorizedException("Missing or invalid authorizer claims");
        }
        List<String> roles = rbac.rolesOf(user.groups()).stream().map(Role::groupName).sorted().toList();
        return new Result(user.email(), user.username(), user.groups(), roles, rbac.permissionNames(user.groups()));
    }
}
