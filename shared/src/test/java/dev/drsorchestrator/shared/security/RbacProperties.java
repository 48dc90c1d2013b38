package dev.drsorchestrator.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RbacProperties {
    private final Rbac rbac = Rbac.withDefaultAliases();

    @Provide
    Arbitrary<List<String>> groups() {
        Arbitrary<String> known = Arbitraries.of("Admin", "Operator", "Viewer", "Auditor", "Planner",
                "DRSOrchestrationAdmin", "DRSRecoveryManager", "DRSPlanManager", "DRSOperator", "DRSReadOnly",
                "DRSAuditor");
        Arbitrary<String> unknown = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
        return Arbitraries.oneOf(known, unknown).list().ofMaxSize(6);
    }

    @Property
    void permissionsOf_shouldEqualUnionOfEachGroup_whenGroupsCombined(@ForAll("groups") List<String> groups) {
        Set<Permission> union = EnumSet.noneOf(Permission.class);
        for (String group : groups) {
            union.addAll(rbac.permissionsOf(List.of(group)));
        }
        assertThat(rbac.permissionsOf(groups)).isEqualTo(union);
    }

    @Property
    void permissionsOf_shouldNotDependOnOrder_whenGroupsReversed(@ForAll("groups") List<String> groups) {
        List<String> reversed = new java.util.ArrayList<>(groups);
        java.util.Collections.reverse(reversed);
        assertThat(rbac.permissionsOf(reversed)).isEqualTo(rbac.permissionsOf(groups));
    }
}
