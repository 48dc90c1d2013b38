package dev.drsorchestrator.execution;

import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.groups.GroupMembers;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.model.Wave;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import dev.drsorchestrator.shared.store.RecoveryPlanStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a recovery plan into the concrete waves an execution runs: each wave's servers (the wave's own list, else the
 * servers of its protection groups: explicit ids plus what their tag selectors match in the inventory now), its one
 * region and account. A plan that cannot run is a 400 naming the
 * wave and the rule, before anything is claimed or started.
 */
final class PlanWaves {

    /**
     * One wave, resolved.
     *
     * @param index           position in the plan (the execution's wave number)
     * @param name            display name
     * @param serverIds       the servers, in plan order
     * @param region          DRS region of every server
     * @param accountId       account of the servers (null: the hub)
     * @param roleName        role assumed in that account (null: the configured default)
     * @param pauseBeforeWave wait for an operator before starting it
     * @param groups          each protection group of the wave with the wave's servers it holds
     */
    record Resolved(int index, String name, List<String> serverIds, String region, String accountId,
            String roleName, boolean pauseBeforeWave, List<GroupServers> groups) {
    }

    /**
     * A protection group of a wave and the wave's servers that belong to it.
     *
     * @param group     the group
     * @param serverIds its servers in the wave
     */
    record GroupServers(ProtectionGroup group, List<String> serverIds) {
    }

    private final ProtectionGroupStore groups;
    private final GroupMembers members;
    private final Supplier<String> hubAccountId;

    /**
     * @param groups       the protection groups
     * @param members      the one resolution of a group's servers (explicit ids and tag selector)
     * @param hubAccountId the hub account, where the tags of a group that names no account are resolved; asked
     *                     only when such a group selects by tag
     */
    PlanWaves(ProtectionGroupStore groups, GroupMembers members, Supplier<String> hubAccountId) {
        this.groups = groups;
        this.members = members;
        this.hubAccountId = hubAccountId;
    }

    List<Resolved> resolve(RecoveryPlan plan) {
        if (plan.waves() == null || plan.waves().isEmpty()) {
            throw new ValidationException("Recovery plan " + plan.planId() + " has no waves; add at least one wave");
        }
        Map<String, ProtectionGroup> cache = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Resolved> out = new ArrayList<>();
        for (int i = 0; i < plan.waves().size(); i++) {
            Wave wave = plan.waves().get(i);
            String label = "waves[" + i + "]" + (wave.waveName() == null ? "" : " '" + wave.waveName() + "'");
            List<ProtectionGroup> waveGroups = groupsOf(wave, label, cache);
            Set<String> servers = new LinkedHashSet<>(wave.serverIds() == null ? List.of() : wave.serverIds());
            List<GroupServers> byGroup = new ArrayList<>();
            if (servers.isEmpty()) {
                for (ProtectionGroup g : waveGroups) {
                    Set<String> of = members.of(g, GroupMembers.hasSelector(g)
                            && (g.accountId() == null || g.accountId().isBlank()) ? hubAccountId.get() : null);
                    servers.addAll(of);
                    byGroup.add(new GroupServers(g, List.copyOf(of)));
                }
            } else {
                for (ProtectionGroup g : waveGroups) {
                    Set<String> known = new LinkedHashSet<>(g.explicitServerIds());
                    if (g.servers() != null) {
                        g.servers().forEach(o -> known.add(o.sourceServerId()));
                    }
                    byGroup.add(new GroupServers(g, servers.stream().filter(known::contains).toList()));
                }
            }
            if (servers.isEmpty()) {
                throw new ValidationException("Plan " + label + " has no servers: its protection groups name no "
                        + "source servers and their tags match none in the inventory");
            }
            for (String server : servers) {
                Integer earlier = seen.putIfAbsent(server, i);
                if (earlier != null) {
                    throw new ValidationException("Server " + server + " is in waves[" + earlier + "] and " + label
                            + "; a server can be recovered by only one wave");
                }
            }
            Set<String> regions = new LinkedHashSet<>();
            Set<String> accounts = new LinkedHashSet<>();
            waveGroups.forEach(g -> {
                regions.add(g.region());
                accounts.add(g.accountId() == null ? "" : g.accountId());
            });
            if (regions.size() != 1 || accounts.size() != 1) {
                throw new ValidationException("Plan " + label + " spans regions " + regions + " and accounts "
                        + accounts + "; every server of a wave must be in one account and region");
            }
            ProtectionGroup first = waveGroups.get(0);
            String account = first.accountId() == null || first.accountId().isBlank() ? null : first.accountId();
            out.add(new Resolved(i, wave.waveName() == null ? "Wave " + (i + 1) : wave.waveName(),
                    List.copyOf(servers), first.region(), account, first.assumeRoleName(),
                    Boolean.TRUE.equals(wave.pauseBeforeWave()), List.copyOf(byGroup)));
        }
        return List.copyOf(out);
    }

    private List<ProtectionGroup> groupsOf(Wave wave, String label, Map<String, ProtectionGroup> cache) {
        List<String> ids = new ArrayList<>(wave.protectionGroupIds() == null ? List.of() : wave.protectionGroupIds());
        if (ids.isEmpty() && wave.protectionGroupId() != null) {
            ids.add(wave.protectionGroupId());
        }
        if (ids.isEmpty()) {
            throw new ValidationException("Plan " + label + " names no protection group");
        }
        List<ProtectionGroup> out = new ArrayList<>();
        for (String id : ids) {
            ProtectionGroup group = cache.computeIfAbsent(id, key -> groups.get(key).orElseThrow(() ->
                    new ValidationException("Plan " + label + " names protection group " + key
                            + ", which does not exist")));
            out.add(group);
        }
        return out;
    }

    /** The plan, or a 404 naming it. */
    static RecoveryPlan require(RecoveryPlanStore plans, String planId) {
        return plans.get(planId).orElseThrow(() -> new NotFoundException("Recovery plan " + planId + " not found"));
    }
}
