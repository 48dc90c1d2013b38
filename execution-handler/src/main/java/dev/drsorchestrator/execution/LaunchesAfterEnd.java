package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.DrsJob;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.store.WaveUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the DRS jobs an execution left launching when it ended (see {@link OpenJobs}): records each server's
 * launch status and recovery instance on the wave, and once every job has finished moves the job ids from
 * {@code error.openJobIds} to {@code error.settledJobIds}. The wave keeps the status it ended with; only its server
 * details, launched count and message change, so the execution shows what DRS really launched.
 */
final class LaunchesAfterEnd {
    static final String SETTLED = "settledJobIds";

    private final ExecutionServices services;

    LaunchesAfterEnd(ExecutionServices services) {
        this.services = services;
    }

    /** Whether any wave still lists DRS jobs left launching. */
    static boolean hasOpenJobs(Execution execution) {
        return execution.waves() != null
                && execution.waves().stream().anyMatch(w -> !OpenJobs.of(w.error()).isEmpty());
    }

    /** Reads the open jobs of every wave from DRS and records what they launched; returns the stored execution. */
    Execution follow(Execution execution) {
        Execution current = execution;
        for (WaveExecution wave : execution.waves()) {
            List<String> open = OpenJobs.of(wave.error());
            String region = WaveState.regionOf(wave);
            if (open.isEmpty() || region == null) {
                continue;
            }
            DrsGateway drs = services.drs(execution.accountId(), WaveStarter.roleName(execution), region);
            List<DrsJob> jobs = drs.describeJobs(open);
            boolean finished = jobs.size() == open.size()
                    && jobs.stream().allMatch(j -> "COMPLETED".equals(j.status()));
            Map<String, DrsJob.ParticipatingServer> reported = new HashMap<>();
            jobs.forEach(j -> j.participatingServers().forEach(p -> reported.put(p.sourceServerID(), p)));
            long sequence = (wave.pollSequence() == null ? 0 : wave.pollSequence()) + 1;
            WaveUpdate update = services.executions().updateWave(execution.executionId(), execution.planId(),
                    wave.waveNumber(), sequence, w -> recorded(w, reported, finished, open));
            current = update.execution();
        }
        return current;
    }

    private static WaveExecution recorded(WaveExecution w, Map<String, DrsJob.ParticipatingServer> reported,
            boolean finished, List<String> open) {
        List<ServerExecution> servers = new ArrayList<>();
        int launched = 0;
        int failed = 0;
        for (ServerExecution s : w.serverExecutions()) {
            DrsJob.ParticipatingServer p = reported.get(s.serverId());
            ServerExecution next = p == null ? s : new ServerExecution(s.serverId(), s.serverName(), s.hostname(),
                    s.region(), s.sourceInstanceId(), s.sourceAccountId(), s.sourceIp(), s.sourceRegion(),
                    p.launchStatus(), p.launchStatus(), s.jobId(), p.recoveryInstanceID() != null
                            ? p.recoveryInstanceID() : s.recoveryInstanceId(), s.recoveredInstanceId(),
                    s.instanceType(), s.privateIp(), s.startTime(), s.endTime(), s.launchTime(), s.error());
            servers.add(next);
            if ("LAUNCHED".equalsIgnoreCase(next.launchStatus())) {
                launched++;
            } else if ("FAILED".equalsIgnoreCase(next.launchStatus())
                    || "TERMINATED".equalsIgnoreCase(next.launchStatus())) {
                failed++;
            }
        }
        ObjectNode error = w.error() != null && w.error().isObject() ? ((ObjectNode) w.error()).deepCopy()
                : Json.mapper().createObjectNode();
        String message = w.statusMessage();
        if (finished) {
            error.remove(OpenJobs.FIELD);
            ArrayNode settled = error.putArray(SETTLED);
            open.forEach(settled::add);
            message = "Ended " + w.status() + " while launching; its DRS job(s) " + String.join(", ", open)
                    + " finished afterwards with " + launched + " of " + w.totalServers() + " server(s) launched"
                    + (launched > 0 ? ": terminate them with terminate_instances" : "");
        }
        return new WaveExecution(w.waveNumber(), w.waveName(), w.status(), message, w.startTime(), w.endTime(),
                w.jobId(), w.jobIds(), w.serverIds(), servers, w.totalServers(), launched, failed, w.progress(),
                w.pollSequence(), error);
    }
}
