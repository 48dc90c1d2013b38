package dev.drsorchestrator.local.sim.model;

import java.time.Instant;
import java.util.Map;

/**
 * A DRS source server as the fleet holds it. Immutable; the fleet replaces it on every change, so a reader never sees
 * a half-applied update.
 */
public record SourceServer(String id, String accountId, String region, MachineSpec machine, Map<String, String> tags,
                           ReplicationState replication, LaunchSettings launch, LastLaunch lastLaunch,
                           String lastLaunchResult, String recoveryInstanceId, StagingInfo staging, Instant addedAt,
                           boolean failNextLaunch) {
    public SourceServer {
        if (id == null || !id.matches("s-[0-9a-f]{17}")) {
            throw new IllegalArgumentException("source server id must be 's-' and 17 hex digits, got " + id);
        }
        tags = Map.copyOf(tags == null ? Map.of() : tags);
        lastLaunchResult = lastLaunchResult == null ? "NOT_STARTED" : lastLaunchResult;
    }

    /** The server's ARN. */
    public String arn() {
        return "arn:aws:drs:" + region + ":" + accountId + ":source-server/" + id;
    }

    public SourceServer withTags(Map<String, String> newTags) {
        return new SourceServer(id, accountId, region, machine, newTags, replication, launch, lastLaunch,
                lastLaunchResult, recoveryInstanceId, staging, addedAt, failNextLaunch);
    }

    public SourceServer withReplication(ReplicationState state) {
        return new SourceServer(id, accountId, region, machine, tags, state, launch, lastLaunch, lastLaunchResult,
                recoveryInstanceId, staging, addedAt, failNextLaunch);
    }

    public SourceServer withLaunch(LaunchSettings settings) {
        return new SourceServer(id, accountId, region, machine, tags, replication, settings, lastLaunch,
                lastLaunchResult, recoveryInstanceId, staging, addedAt, failNextLaunch);
    }

    public SourceServer withLastLaunch(LastLaunch launchInfo, String result) {
        return new SourceServer(id, accountId, region, machine, tags, replication, launch, launchInfo, result,
                recoveryInstanceId, staging, addedAt, failNextLaunch);
    }

    public SourceServer withRecoveryInstanceId(String instanceId) {
        return new SourceServer(id, accountId, region, machine, tags, replication, launch, lastLaunch,
                lastLaunchResult, instanceId, staging, addedAt, failNextLaunch);
    }

    public SourceServer withFailNextLaunch(boolean fail) {
        return new SourceServer(id, accountId, region, machine, tags, replication, launch, lastLaunch,
                lastLaunchResult, recoveryInstanceId, staging, addedAt, fail);
    }
}
