package dev.drsorchestrator.local.sim.drs;

import dev.drsorchestrator.local.sim.model.Disk;
import dev.drsorchestrator.local.sim.model.Job;
import dev.drsorchestrator.local.sim.model.JobLogItem;
import dev.drsorchestrator.local.sim.model.LaunchSettings;
import dev.drsorchestrator.local.sim.model.MachineSpec;
import dev.drsorchestrator.local.sim.model.Participant;
import dev.drsorchestrator.local.sim.model.RecoveryInstance;
import dev.drsorchestrator.local.sim.model.ReplicationState;
import dev.drsorchestrator.local.sim.model.SourceServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Turns fleet records into DRS's JSON shapes (field names exactly as in the service model). */
final class DrsViews {
    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final Map<String, CachedServer> SERVERS = new ConcurrentHashMap<>();

    private DrsViews() {
    }

    /**
     * A source server as DRS shows it. Everything but replication info and life cycle stays the same until the
     * fleet replaces the server record, so that part is serialized once per record and reused on every page.
     */
    static RawValue sourceServer(SourceServer s, Instant now) {
        CachedServer cached = SERVERS.get(s.id());
        if (cached == null || cached.server() != s) {
            cached = new CachedServer(s, json(staticFields(s)));
            SERVERS.put(s.id(), cached);
        }
        String json = cached.json();
        return new RawValue(json.substring(0, json.length() - 1) + ",\"dataReplicationInfo\":"
                + json(replication(s, now)) + ",\"lifeCycle\":" + json(lifeCycle(s, now)) + "}");
    }

    private record CachedServer(SourceServer server, String json) {
    }

    private static String json(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a DRS view", e);
        }
    }

    private static Map<String, Object> staticFields(SourceServer s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sourceServerID", s.id());
        out.put("arn", s.arn());
        out.put("tags", s.tags());
        out.put("lastLaunchResult", s.lastLaunchResult());
        if (s.recoveryInstanceId() != null) {
            out.put("recoveryInstanceId", s.recoveryInstanceId());
        }
        out.put("sourceProperties", sourceProperties(s.machine(), s.addedAt()));
        MachineSpec m = s.machine();
        if (m.originAccountId() != null) {
            Map<String, Object> cloud = new LinkedHashMap<>();
            cloud.put("originAccountID", m.originAccountId());
            cloud.put("originRegion", m.originRegion());
            cloud.put("originAvailabilityZone", m.originAvailabilityZone());
            out.put("sourceCloudProperties", cloud);
        }
        if (s.staging() != null) {
            Map<String, Object> staging = new LinkedHashMap<>();
            staging.put("status", s.staging().status());
            staging.put("stagingAccountID", s.staging().stagingAccountId());
            staging.put("stagingSourceServerArn", s.staging().stagingSourceServerArn());
            out.put("stagingArea", staging);
        } else {
            out.put("stagingArea", Map.of("status", "NOT_EXTENDED"));
        }
        out.put("replicationDirection", "FAILOVER");
        out.put("agentVersion", "4.7.1187.0");
        return out;
    }

    private static Map<String, Object> replication(SourceServer s, Instant now) {
        Map<String, Object> info = new LinkedHashMap<>();
        ReplicationState state = s.replication();
        info.put("dataReplicationState", state.name());
        boolean healthy = state == ReplicationState.CONTINUOUS;
        info.put("lagDuration", healthy ? "PT0S" : Duration.between(s.addedAt(), now).isNegative() ? "PT0S"
                : Duration.ofMinutes(Math.max(1, Duration.between(s.addedAt(), now).toMinutes() % 90)).toString());
        List<Map<String, Object>> disks = new ArrayList<>();
        for (Disk d : s.machine().disks()) {
            Map<String, Object> disk = new LinkedHashMap<>();
            disk.put("deviceName", d.deviceName());
            disk.put("totalStorageBytes", d.bytes());
            disk.put("replicatedStorageBytes", state == ReplicationState.INITIAL_SYNC ? d.bytes() / 2 : d.bytes());
            disk.put("rescannedStorageBytes", 0L);
            disk.put("backloggedStorageBytes", healthy ? 0L : d.bytes() / 100);
            disks.add(disk);
        }
        info.put("replicatedDisks", disks);
        info.put("stagingAvailabilityZone", s.region() + "a");
        if (state == ReplicationState.STALLED) {
            info.put("dataReplicationError", Map.of("error", "FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER",
                    "rawError", "Agent cannot reach the replication server on TCP 1500"));
        } else if (state == ReplicationState.DISCONNECTED) {
            info.put("dataReplicationError", Map.of("error", "AGENT_NOT_SEEN",
                    "rawError", "The agent has not reported for more than one hour"));
        }
        if (state == ReplicationState.INITIAL_SYNC) {
            info.put("etaDateTime", now.plusSeconds(3600).toString());
        }
        return info;
    }

    private static Map<String, Object> lifeCycle(SourceServer s, Instant now) {
        Map<String, Object> life = new LinkedHashMap<>();
        life.put("addedToServiceDateTime", s.addedAt().toString());
        life.put("firstByteDateTime", s.addedAt().plusSeconds(120).toString());
        life.put("elapsedReplicationDuration", Duration.between(s.addedAt(), now).abs().toString());
        life.put("lastSeenByServiceDateTime", s.replication() == ReplicationState.DISCONNECTED
                ? s.addedAt().plusSeconds(600).toString() : now.toString());
        if (s.lastLaunch() != null) {
            Map<String, Object> initiated = new LinkedHashMap<>();
            initiated.put("apiCallDateTime", s.lastLaunch().initiatedAt().toString());
            initiated.put("jobID", s.lastLaunch().jobId());
            initiated.put("type", s.lastLaunch().drill() ? "DRILL" : "RECOVERY");
            life.put("lastLaunch", Map.of("initiated", initiated, "status", s.lastLaunch().status()));
        }
        return life;
    }

    static Map<String, Object> sourceProperties(MachineSpec m, Instant updated) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("lastUpdatedDateTime", updated.toString());
        props.put("recommendedInstanceType", m.recommendedInstanceType());
        Map<String, Object> hints = new LinkedHashMap<>();
        hints.put("hostname", m.hostname());
        hints.put("fqdn", m.fqdn());
        if (m.sourceInstanceId() != null) {
            hints.put("awsInstanceID", m.sourceInstanceId());
        }
        props.put("identificationHints", hints);
        props.put("networkInterfaces", List.of(Map.of("macAddress", m.macAddress(), "ips",
                List.of(m.privateIp()), "isPrimary", true)));
        List<Map<String, Object>> disks = new ArrayList<>();
        m.disks().forEach(d -> disks.add(Map.of("deviceName", d.deviceName(), "bytes", d.bytes())));
        props.put("disks", disks);
        props.put("cpus", List.of(Map.of("cores", m.cpuCores(), "modelName", m.cpuModel())));
        props.put("ramBytes", m.ramBytes());
        props.put("os", Map.of("fullString", m.os()));
        props.put("supportsNitroInstances", true);
        return props;
    }

    static Map<String, Object> job(Job job) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobID", job.jobId());
        out.put("arn", job.arn());
        out.put("type", job.type());
        out.put("initiatedBy", job.initiatedBy());
        out.put("creationDateTime", job.createdAt().toString());
        if (job.endedAt() != null) {
            out.put("endDateTime", job.endedAt().toString());
        }
        out.put("status", job.status());
        List<Map<String, Object>> servers = new ArrayList<>();
        for (Participant p : job.participants()) {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("sourceServerID", p.sourceServerId());
            server.put("launchStatus", p.launchStatus());
            if (p.recoveryInstanceId() != null) {
                server.put("recoveryInstanceID", p.recoveryInstanceId());
            }
            servers.add(server);
        }
        out.put("participatingServers", servers);
        out.put("tags", job.tags());
        return out;
    }

    static Map<String, Object> logItem(JobLogItem item) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("logDateTime", item.at().toString());
        out.put("event", item.event());
        Map<String, Object> data = new LinkedHashMap<>();
        if (item.sourceServerId() != null) {
            data.put("sourceServerID", item.sourceServerId());
        }
        if (item.targetInstanceId() != null) {
            data.put("targetInstanceID", item.targetInstanceId());
        }
        if (item.conversionServerId() != null) {
            data.put("conversionServerID", item.conversionServerId());
        }
        if (item.rawError() != null) {
            data.put("rawError", item.rawError());
        }
        out.put("eventData", data);
        return out;
    }

    static Map<String, Object> recoveryInstance(RecoveryInstance r, SourceServer source, String ec2State) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recoveryInstanceID", r.recoveryInstanceId());
        out.put("ec2InstanceID", r.recoveryInstanceId());
        out.put("ec2InstanceState", ec2State.toUpperCase(java.util.Locale.ROOT));
        out.put("jobID", r.jobId());
        out.put("sourceServerID", r.sourceServerId());
        out.put("arn", r.arn());
        out.put("tags", r.tags());
        out.put("isDrill", r.drill());
        out.put("pointInTimeSnapshotDateTime", r.pointInTime().toString());
        out.put("originEnvironment", "AWS");
        out.put("originAvailabilityZone", r.availabilityZone());
        if (source != null) {
            Map<String, Object> props = sourceProperties(source.machine(), r.pointInTime());
            props.remove("recommendedInstanceType");
            props.remove("supportsNitroInstances");
            out.put("recoveryInstanceProperties", props);
        }
        return out;
    }

    static Map<String, Object> launchConfiguration(SourceServer s) {
        LaunchSettings l = s.launch();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sourceServerID", s.id());
        out.put("name", l.name());
        out.put("ec2LaunchTemplateID", l.launchTemplateId());
        out.put("launchDisposition", l.launchDisposition());
        out.put("targetInstanceTypeRightSizingMethod", l.rightSizingMethod());
        out.put("copyPrivateIp", l.copyPrivateIp());
        out.put("copyTags", l.copyTags());
        out.put("licensing", Map.of("osByol", l.osByol()));
        out.put("postLaunchEnabled", l.postLaunchEnabled());
        return out;
    }
}
