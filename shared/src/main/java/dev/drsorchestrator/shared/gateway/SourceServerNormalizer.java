package dev.drsorchestrator.shared.gateway;

import static dev.drsorchestrator.shared.gateway.JsonFields.put;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.drs.model.CPU;
import software.amazon.awssdk.services.drs.model.DataReplicationInfo;
import software.amazon.awssdk.services.drs.model.DataReplicationInfoReplicatedDisk;
import software.amazon.awssdk.services.drs.model.Disk;
import software.amazon.awssdk.services.drs.model.IdentificationHints;
import software.amazon.awssdk.services.drs.model.LifeCycle;
import software.amazon.awssdk.services.drs.model.LifeCycleLastLaunch;
import software.amazon.awssdk.services.drs.model.NetworkInterface;
import software.amazon.awssdk.services.drs.model.SourceCloudProperties;
import software.amazon.awssdk.services.drs.model.SourceProperties;
import software.amazon.awssdk.services.drs.model.SourceServer;
import software.amazon.awssdk.services.drs.model.StagingArea;

/** Turns a DRS source server into the contract's {@code SourceServer} JSON (camelCase, {@code sourceServerID}). */
final class SourceServerNormalizer {
    private SourceServerNormalizer() {
    }

    static ObjectNode normalize(SourceServer server, String region) {
        ObjectNode out = JsonFields.object();
        out.put("sourceServerID", server.sourceServerID());
        put(out, "arn", server.arn());
        put(out, "accountId", JsonFields.accountOfArn(server.arn()));
        out.put("region", region);
        SourceProperties props = server.sourceProperties();
        IdentificationHints hints = props == null ? null : props.identificationHints();
        String nameTag = server.tags() == null ? null : server.tags().get("Name");
        String hostname = hints == null ? null : hints.hostname();
        out.put("hostname", hostname != null ? hostname : nameTag != null ? nameTag : "");
        if (hints != null) {
            put(out, "fqdn", hints.fqdn());
            put(out, "sourceInstanceId", hints.awsInstanceID());
        }
        put(out, "nameTag", nameTag);
        SourceCloudProperties cloud = server.sourceCloudProperties();
        if (cloud != null) {
            put(out, "sourceRegion", cloud.originRegion());
            put(out, "sourceAccount", cloud.originAccountID());
            put(out, "sourceAvailabilityZone", cloud.originAvailabilityZone());
        }
        replication(out, server.dataReplicationInfo());
        lifeCycle(out, server.lifeCycle());
        put(out, "lastLaunchResult", server.lastLaunchResultAsString());
        if (props != null) {
            put(out, "os", props.os() == null ? null : props.os().fullString());
            put(out, "recommendedInstanceType", props.recommendedInstanceType());
            out.set("hardware", hardware(props));
            out.set("networkInterfaces", networkInterfaces(out, props));
        }
        put(out, "recoveryInstanceId", server.recoveryInstanceId());
        put(out, "replicationDirection", server.replicationDirectionAsString());
        stagingArea(out, server.stagingArea());
        out.set("drsTags", JsonFields.tags(server.tags()));
        out.set("tags", JsonFields.tags(server.tags()));
        return out;
    }

    private static void replication(ObjectNode out, DataReplicationInfo info) {
        if (info == null) {
            return;
        }
        put(out, "replicationState", info.dataReplicationStateAsString());
        put(out, "lagDuration", info.lagDuration());
        if (info.hasReplicatedDisks()) {
            long total = 0;
            for (DataReplicationInfoReplicatedDisk disk : info.replicatedDisks()) {
                total += disk.replicatedStorageBytes() == null ? 0 : disk.replicatedStorageBytes();
            }
            out.put("replicatedStorageBytes", total);
        }
    }

    private static void lifeCycle(ObjectNode out, LifeCycle life) {
        if (life == null) {
            return;
        }
        put(out, "lastSeen", life.lastSeenByServiceDateTime());
        LifeCycleLastLaunch last = life.lastLaunch();
        if (last != null) {
            put(out, "lastLaunchStatus", last.statusAsString());
            if (last.initiated() != null) {
                put(out, "lastLaunchType", last.initiated().typeAsString());
                put(out, "lastLaunchTime", last.initiated().apiCallDateTime());
                put(out, "lastLaunchJobId", last.initiated().jobID());
            }
        }
    }

    private static ObjectNode hardware(SourceProperties props) {
        ObjectNode hw = JsonFields.object();
        ArrayNode cpus = hw.putArray("cpus");
        long cores = 0;
        for (CPU cpu : props.cpus()) {
            ObjectNode c = cpus.addObject();
            put(c, "modelName", cpu.modelName());
            put(c, "cores", cpu.cores());
            cores += cpu.cores() == null ? 0 : cpu.cores();
        }
        hw.put("totalCores", cores);
        if (props.ramBytes() != null) {
            hw.put("ramBytes", props.ramBytes());
            hw.put("ramGiB", JsonFields.gib(props.ramBytes()));
        }
        ArrayNode disks = hw.putArray("disks");
        long diskBytes = 0;
        for (Disk disk : props.disks()) {
            ObjectNode d = disks.addObject();
            put(d, "deviceName", disk.deviceName());
            long bytes = disk.bytes() == null ? 0 : disk.bytes();
            d.put("bytes", bytes);
            d.put("sizeGiB", JsonFields.gib(bytes));
            diskBytes += bytes;
        }
        hw.put("totalDiskGiB", JsonFields.gib(diskBytes));
        return hw;
    }

    private static ArrayNode networkInterfaces(ObjectNode out, SourceProperties props) {
        ArrayNode nics = JsonFields.object().arrayNode();
        for (NetworkInterface nic : props.networkInterfaces()) {
            ObjectNode n = nics.addObject();
            ArrayNode ips = n.putArray("ips");
            nic.ips().forEach(ips::add);
            put(n, "macAddress", nic.macAddress());
            put(n, "isPrimary", nic.isPrimary());
            boolean primary = Boolean.TRUE.equals(nic.isPrimary()) || props.networkInterfaces().size() == 1;
            if (primary && !out.has("sourceIp") && !nic.ips().isEmpty()) {
                out.put("sourceIp", nic.ips().get(0));
                put(out, "sourceMac", nic.macAddress());
            }
        }
        return nics;
    }

    private static void stagingArea(ObjectNode out, StagingArea staging) {
        if (staging == null) {
            return;
        }
        ObjectNode s = out.putObject("stagingArea");
        put(s, "stagingAccountId", staging.stagingAccountID());
        put(s, "stagingSourceServerArn", staging.stagingSourceServerArn());
        put(s, "status", staging.statusAsString());
        put(s, "errorMessage", staging.errorMessage());
    }
}
