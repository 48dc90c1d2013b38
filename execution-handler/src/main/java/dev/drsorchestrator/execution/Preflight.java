package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.drs.DrsJobPlanner;
import dev.drsorchestrator.shared.drs.JobPlan;
import dev.drsorchestrator.shared.error.QuotaExceededException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.shared.rules.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks before an execution starts, so that a recovery refused by DRS halfway through never begins: every
 * server exists in DRS and is replicating ({@code CONTINUOUS}), every wave splits into jobs of at most 100 servers,
 * and the largest wave fits beside the DRS jobs already running in its account and region (20 jobs, 500 servers).
 */
final class Preflight {
    static final String REPLICATING = "CONTINUOUS";
    private static final int LOOKUP_CHUNK = 100;

    private final ExecutionServices services;

    Preflight(ExecutionServices services) {
        this.services = services;
    }

    /** Runs every check; throws a 400 (or 429 for quotas) naming the wave and servers on the first failure. */
    void check(List<PlanWaves.Resolved> waves) {
        Map<String, List<PlanWaves.Resolved>> byLocation = new LinkedHashMap<>();
        for (PlanWaves.Resolved wave : waves) {
            JobPlan plan = DrsJobPlanner.split(wave.serverIds());
            if (plan instanceof JobPlan.Rejected rejected) {
                throw new ValidationException("Wave '" + wave.name() + "': " + messages(rejected.violations()));
            }
            byLocation.computeIfAbsent(wave.accountId() + "|" + wave.region(), k -> new ArrayList<>()).add(wave);
        }
        for (List<PlanWaves.Resolved> located : byLocation.values()) {
            PlanWaves.Resolved first = located.get(0);
            DrsGateway drs = services.drs(first.accountId(), first.roleName(), first.region());
            checkServers(drs, located);
            checkCapacity(drs, located);
        }
    }

    private static void checkServers(DrsGateway drs, List<PlanWaves.Resolved> waves) {
        List<String> ids = waves.stream().flatMap(w -> w.serverIds().stream()).toList();
        Map<String, String> states = new HashMap<>();
        for (int start = 0; start < ids.size(); start += LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + LOOKUP_CHUNK));
            for (JsonNode server : drs.describeSourceServers(SourceServerQuery.ids(chunk))) {
                states.put(server.path("sourceServerID").asText(), replicationState(server));
            }
        }
        Set<String> missing = new TreeSet<>();
        Set<String> notReplicating = new TreeSet<>();
        for (String id : ids) {
            String state = states.get(id);
            if (state == null) {
                missing.add(id);
            } else if (!REPLICATING.equals(state)) {
                notReplicating.add(id + " (" + (state.isEmpty() ? "unknown" : state) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new ValidationException("Servers not found in DRS in " + drs.region() + ": "
                    + String.join(", ", missing));
        }
        if (!notReplicating.isEmpty()) {
            throw new ValidationException("Servers not replicating (replication state must be " + REPLICATING
                    + ") in " + drs.region() + ": " + String.join(", ", notReplicating));
        }
    }

    private static String replicationState(JsonNode server) {
        if (server.hasNonNull("replicationState")) {
            return server.get("replicationState").asText();
        }
        return server.path("dataReplicationInfo").path("dataReplicationState").asText("");
    }

    private static void checkCapacity(DrsGateway drs, List<PlanWaves.Resolved> waves) {
        WaveQuota quota = WaveQuota.current(drs);
        for (PlanWaves.Resolved wave : waves) {
            quota.refusal(wave.name(), wave.serverIds(), drs.region()).ifPresent(reason -> {
                throw new QuotaExceededException(reason);
            });
        }
    }

    private static String messages(List<Violation> violations) {
        return String.join("; ", violations.stream().map(Violation::message).toList());
    }
}
