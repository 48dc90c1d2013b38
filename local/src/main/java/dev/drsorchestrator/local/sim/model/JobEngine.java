package dev.drsorchestrator.local.sim.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Moves DRS jobs through their lifecycle as simulated time passes. Creating a job schedules every step up front;
 * {@link #advance} applies the steps that are due, so state depends only on the clock, never on who polls when.
 */
final class JobEngine {
    private record Step(Instant at, long sequence, Consumer<Instant> action) {
    }

    private final FleetState state;
    private final Ids ids;
    private final PriorityQueue<Step> steps = new PriorityQueue<>(
            (a, b) -> a.at().equals(b.at()) ? Long.compare(a.sequence(), b.sequence()) : a.at().compareTo(b.at()));
    private long sequence;

    JobEngine(FleetState state, Ids ids) {
        this.state = state;
        this.ids = ids;
    }

    void clear() {
        steps.clear();
    }

    void advance(Instant now) {
        while (!steps.isEmpty() && !steps.peek().at().isAfter(now)) {
            Step step = steps.poll();
            step.action().accept(step.at());
        }
    }

    Job launch(String accountId, String region, List<String> serverIds, boolean drill, Map<String, String> tags,
               Instant now) {
        String jobId = ids.hex("drsjob-", 17);
        List<Participant> participants = new ArrayList<>();
        for (String serverId : serverIds) {
            participants.add(new Participant(serverId, "PENDING", null));
            SourceServer server = state.servers.get(serverId);
            state.servers.put(serverId, server.withLastLaunch(new LastLaunch(jobId, drill, now, "PENDING"), "PENDING"));
        }
        Job job = new Job(jobId, accountId, region, "LAUNCH", drill ? "START_DRILL" : "START_RECOVERY", now, null,
                "PENDING", participants, tags, List.of(new JobLogItem(now, "JOB_START", null, null, null, null)));
        state.jobs.put(jobId, job);
        Timings t = state.timings;
        Instant started = now.plusSeconds(t.jobStartSeconds());
        Instant snapshotted = started.plusSeconds(t.snapshotSeconds());
        Instant converted = snapshotted.plusSeconds(t.conversionSeconds());
        Instant launched = converted.plusSeconds(t.launchSeconds());
        Map<String, String> conversionServers = new HashMap<>();
        serverIds.forEach(id -> conversionServers.put(id, ids.hex("i-", 17)));
        schedule(started, at -> update(jobId, at, "STARTED", id -> "IN_PROGRESS", "SNAPSHOT_START", null));
        schedule(snapshotted, at -> {
            logEach(jobId, at, "SNAPSHOT_END", null);
            logEach(jobId, at, "CONVERSION_START", conversionServers);
        });
        schedule(converted, at -> {
            logEach(jobId, at, "CONVERSION_END", conversionServers);
            logEach(jobId, at, "LAUNCH_START", null);
        });
        schedule(launched, at -> finishLaunch(jobId, drill, at));
        schedule(launched.plusSeconds(1), at -> complete(jobId, at));
        return job;
    }

    Job terminate(String accountId, String region, List<String> recoveryInstanceIds, Instant now) {
        String jobId = ids.hex("drsjob-", 17);
        List<Participant> participants = new ArrayList<>();
        for (String id : recoveryInstanceIds) {
            RecoveryInstance instance = state.recoveryInstances.get(id);
            participants.add(new Participant(instance.sourceServerId(), "PENDING", id));
        }
        Job job = new Job(jobId, accountId, region, "TERMINATE", "TERMINATE_RECOVERY_INSTANCES", now, null, "PENDING",
                participants, Map.of(), List.of(new JobLogItem(now, "JOB_START", null, null, null, null)));
        state.jobs.put(jobId, job);
        Timings t = state.timings;
        Instant started = now.plusSeconds(t.jobStartSeconds());
        Instant done = started.plusSeconds(t.terminateSeconds());
        schedule(started, at -> update(jobId, at, "STARTED", id -> "IN_PROGRESS", "CLEANUP_START", null));
        schedule(done, at -> finishTerminate(jobId, at));
        schedule(done.plusSeconds(1), at -> complete(jobId, at));
        return job;
    }

    private void schedule(Instant at, Consumer<Instant> action) {
        steps.add(new Step(at, sequence++, action));
    }

    private void update(String jobId, Instant at, String status, java.util.function.UnaryOperator<String> launchStatus,
                        String event, Map<String, String> conversionServers) {
        Job job = state.jobs.get(jobId);
        List<Participant> participants = new ArrayList<>();
        for (Participant p : job.participants()) {
            participants.add(new Participant(p.sourceServerId(), launchStatus.apply(p.sourceServerId()),
                    p.recoveryInstanceId()));
            SourceServer server = state.servers.get(p.sourceServerId());
            if (server != null && "LAUNCH".equals(job.type())) {
                state.servers.put(server.id(), server.withLastLaunch(
                        server.lastLaunch().withStatus("IN_PROGRESS"), server.lastLaunchResult()));
            }
        }
        replace(job, status, null, participants);
        logEach(jobId, at, event, conversionServers);
    }

    private void logEach(String jobId, Instant at, String event, Map<String, String> conversionServers) {
        Job job = state.jobs.get(jobId);
        List<JobLogItem> log = new ArrayList<>(job.log());
        for (Participant p : job.participants()) {
            if (!"FAILED".equals(p.launchStatus())) {
                String conversion = conversionServers == null ? null : conversionServers.get(p.sourceServerId());
                log.add(new JobLogItem(at, event, p.sourceServerId(), null, conversion, null));
            }
        }
        state.jobs.put(jobId, withLog(job, log));
    }

    private void finishLaunch(String jobId, boolean drill, Instant at) {
        Job job = state.jobs.get(jobId);
        List<Participant> participants = new ArrayList<>();
        List<JobLogItem> log = new ArrayList<>(job.log());
        for (Participant p : job.participants()) {
            SourceServer server = state.servers.get(p.sourceServerId());
            boolean fail = server.failNextLaunch() || ids.nextDouble() < state.timings.launchFailureRate();
            if (fail) {
                String error = "Failed to launch recovery instance for " + server.id()
                        + ": InsufficientInstanceCapacity for " + server.machine().recommendedInstanceType();
                log.add(new JobLogItem(at, "LAUNCH_FAILED", server.id(), null, null, error));
                participants.add(new Participant(server.id(), "FAILED", null));
                state.servers.put(server.id(), server.withFailNextLaunch(false)
                        .withLastLaunch(server.lastLaunch().withStatus("FAILED"), "FAILED"));
            } else {
                String instanceId = launchInstance(job, server, drill, at);
                participants.add(new Participant(server.id(), "LAUNCHED", instanceId));
                state.servers.put(server.id(), server.withRecoveryInstanceId(instanceId)
                        .withLastLaunch(server.lastLaunch().withStatus("LAUNCHED"), "SUCCEEDED"));
            }
        }
        state.jobs.put(jobId, withLog(replace(job, job.status(), null, participants), log));
    }

    private String launchInstance(Job job, SourceServer server, boolean drill, Instant at) {
        String instanceId = ids.hex("i-", 17);
        Subnet subnet = state.subnets.values().stream()
                .filter(s -> FleetState.scope(job.accountId(), job.region()).equals(state.subnetOwners.get(s.subnetId())))
                .findFirst().orElse(null);
        String az = subnet == null ? job.region() + "a" : subnet.availabilityZone();
        Map<String, String> tags = new LinkedHashMap<>(server.tags());
        tags.put("Name", server.machine().hostname() + (drill ? " (drill)" : " (recovery)"));
        tags.put("AWSElasticDisasterRecoveryManaged", "drs.amazonaws.com");
        tags.put("AWSElasticDisasterRecoverySourceServerID", server.id());
        state.instances.put(instanceId, new Ec2Instance(instanceId, job.accountId(), job.region(), az,
                server.machine().recommendedInstanceType(), "running", subnet == null ? null : "10.200.0.10",
                subnet == null ? null : subnet.subnetId(), subnet == null ? null : subnet.vpcId(), List.of(), tags, at,
                server.machine().os().toLowerCase().contains("windows") ? "Windows" : "Linux/UNIX"));
        state.recoveryInstances.put(instanceId, new RecoveryInstance(instanceId, job.accountId(), job.region(),
                server.id(), job.jobId(), drill, at, Map.of(), az));
        return instanceId;
    }

    private void finishTerminate(String jobId, Instant at) {
        Job job = state.jobs.get(jobId);
        List<Participant> participants = new ArrayList<>();
        List<JobLogItem> log = new ArrayList<>(job.log());
        for (Participant p : job.participants()) {
            Ec2Instance instance = state.instances.get(p.recoveryInstanceId());
            if (instance != null) {
                state.instances.put(instance.instanceId(), instance.withState("terminated"));
            }
            state.recoveryInstances.remove(p.recoveryInstanceId());
            SourceServer server = state.servers.get(p.sourceServerId());
            if (server != null && p.recoveryInstanceId().equals(server.recoveryInstanceId())) {
                state.servers.put(server.id(), server.withRecoveryInstanceId(null).withLastLaunch(
                        server.lastLaunch() == null ? null : server.lastLaunch().withStatus("TERMINATED"),
                        server.lastLaunchResult()));
            }
            participants.add(new Participant(p.sourceServerId(), "TERMINATED", p.recoveryInstanceId()));
            log.add(new JobLogItem(at, "CLEANUP_END", p.sourceServerId(), p.recoveryInstanceId(), null, null));
        }
        state.jobs.put(jobId, withLog(replace(job, job.status(), null, participants), log));
    }

    private void complete(String jobId, Instant at) {
        Job job = state.jobs.get(jobId);
        List<JobLogItem> log = new ArrayList<>(job.log());
        log.add(new JobLogItem(at, "JOB_END", null, null, null, null));
        state.jobs.put(jobId, withLog(replace(job, "COMPLETED", at, job.participants()), log));
    }

    private Job replace(Job job, String status, Instant endedAt, List<Participant> participants) {
        Job updated = new Job(job.jobId(), job.accountId(), job.region(), job.type(), job.initiatedBy(),
                job.createdAt(), endedAt, status, participants, job.tags(), job.log());
        state.jobs.put(job.jobId(), updated);
        return updated;
    }

    private static Job withLog(Job job, List<JobLogItem> log) {
        return new Job(job.jobId(), job.accountId(), job.region(), job.type(), job.initiatedBy(), job.createdAt(),
                job.endedAt(), job.status(), job.participants(), job.tags(), log);
    }
}
