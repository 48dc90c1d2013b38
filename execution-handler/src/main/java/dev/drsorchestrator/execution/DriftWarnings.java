package dev.drsorchestrator.execution;

import dev.drsorchestrator.shared.groups.LaunchConfigDrift;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code warnings} of a start response: launch-config drift of the plan's groups, never a refusal. */
final class DriftWarnings {

    private DriftWarnings() {
    }

    /**
     * Launch-config drift of every group in the plan, one warning per group: the start goes ahead (DRS launches with
     * what it holds), but the operator learns before the instances come up with older settings.
     */
    static List<String> of(List<PlanWaves.Resolved> waves) {
        Map<String, LaunchConfigDrift.Report> reports = new LinkedHashMap<>();
        Map<String, ProtectionGroup> groups = new LinkedHashMap<>();
        Map<String, List<String>> servers = new LinkedHashMap<>();
        for (PlanWaves.Resolved wave : waves) {
            for (PlanWaves.GroupServers entry : wave.groups()) {
                groups.putIfAbsent(entry.group().groupId(), entry.group());
                servers.computeIfAbsent(entry.group().groupId(), k -> new ArrayList<>()).addAll(entry.serverIds());
            }
        }
        servers.forEach((groupId, ids) -> reports.put(groupId, LaunchConfigDrift.of(groups.get(groupId), ids)));
        List<String> warnings = new ArrayList<>();
        reports.forEach((groupId, report) -> {
            if (!report.isClean()) {
                warnings.add(report.describe(groups.get(groupId)));
            }
        });
        return warnings;
    }
}
