package dev.drsorchestrator.shared.security;

import static dev.drsorchestrator.shared.security.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.error.ForbiddenException;
import dev.drsorchestrator.shared.error.UnauthorizedException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RbacTest {
    private final Rbac rbac = Rbac.withDefaultAliases();

    @Test
    void permissionsOf_shouldMatchArchitectureMatrix_whenEachRoleAlone() {
        // GIVEN the matrix of ARCHITECTURE.md section 5, written out independently of Role
        Map<String, Set<Permission>> matrix = Map.of(
                "Admin", EnumSet.complementOf(EnumSet.of(AUDIT_WRITE, Permission.SYSTEM)),
                "Operator", EnumSet.of(PROTECTION_GROUPS_READ, PROTECTION_GROUPS_WRITE, RECOVERY_PLANS_READ,
                        RECOVERY_PLANS_EXECUTE, SERVERS_READ, SERVERS_WRITE, ACCOUNTS_READ, CONFIG_READ,
                        EXECUTIONS_READ, EXECUTIONS_WRITE),
                "Viewer", EnumSet.of(PROTECTION_GROUPS_READ, RECOVERY_PLANS_READ, SERVERS_READ, ACCOUNTS_READ,
                        CONFIG_READ, EXECUTIONS_READ),
                "Auditor", EnumSet.of(PROTECTION_GROUPS_READ, RECOVERY_PLANS_READ, SERVERS_READ, AUDIT_READ,
                        EXECUTIONS_READ),
                "Planner", EnumSet.of(PROTECTION_GROUPS_READ, PROTECTION_GROUPS_WRITE, RECOVERY_PLANS_READ,
                        RECOVERY_PLANS_WRITE, SERVERS_READ, ACCOUNTS_READ, CONFIG_READ));
        // WHEN / THEN
        matrix.forEach((group, expected) -> assertThat(rbac.permissionsOf(List.of(group))).as(group)
                .isEqualTo(expected));
    }

    @Test
    void permissionsOf_shouldGrantAuditWriteToNobody_whenAllGroupsCombined() {
        assertThat(rbac.permissionsOf(List.of("Admin", "Operator", "Viewer", "Auditor", "Planner")))
                .doesNotContain(AUDIT_WRITE, Permission.SYSTEM);
    }

    @Test
    void permissionsOf_shouldMapAliases_whenOriginalGroupNames() {
        assertThat(rbac.rolesOf(List.of("DRSRecoveryManager"))).containsExactlyInAnyOrder(Role.OPERATOR, Role.PLANNER);
        assertThat(rbac.rolesOf(List.of("DRSOrchestrationAdmin"))).containsExactly(Role.ADMIN);
        assertThat(rbac.rolesOf(List.of("DRSReadOnly"))).containsExactly(Role.VIEWER);
        assertThat(rbac.rolesOf(List.of("DRSAuditor"))).containsExactly(Role.AUDITOR);
        assertThat(rbac.rolesOf(List.of("DRSPlanManager"))).containsExactly(Role.PLANNER);
        assertThat(rbac.rolesOf(List.of("DRSOperator"))).containsExactly(Role.OPERATOR);
    }

    @Test
    void permissionsOf_shouldGrantNothing_whenUnknownOrNoGroups() {
        assertThat(rbac.permissionsOf(List.of("admin", "Administrators"))).isEmpty();
        assertThat(rbac.permissionsOf(List.of())).isEmpty();
    }

    @Test
    void require_shouldThrowForbidden_whenPermissionMissing() {
        var viewer = new Principal.CognitoUser("v@example.com", "v", List.of("Viewer"));
        assertThatThrownBy(() -> rbac.require(viewer, PROTECTION_GROUPS_WRITE))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Permission 'protection_groups:write' is required for this operation");
    }

    @Test
    void require_shouldThrowUnauthorized_whenNotCognitoUser() {
        assertThatThrownBy(() -> rbac.require(new Principal.Unknown(), SERVERS_READ))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void require_shouldPass_whenGroupGrantsPermission() {
        var planner = new Principal.CognitoUser("p@example.com", "p", List.of("Planner"));
        rbac.require(planner, RECOVERY_PLANS_WRITE);
        assertThat(rbac.permissionsOf(planner.groups())).contains(RECOVERY_PLANS_WRITE);
    }

    @Test
    void permission_shouldHaveDistinctWireNames_whenListed() {
        assertThat(EnumSet.allOf(Permission.class)).extracting(Permission::wire).doesNotHaveDuplicates()
                .allMatch(w -> w.matches("[a-z_]+:(read|write|execute)") || w.equals("system"));
        assertThat(Permission.fromWire("servers:read")).contains(SERVERS_READ);
    }
}
