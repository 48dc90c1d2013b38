package dev.drsorchestrator.local.sim.model;

import java.time.Instant;
import java.util.Map;

/** A DRS recovery instance: the EC2 instance a drill or recovery launched for a source server. */
public record RecoveryInstance(String recoveryInstanceId, String accountId, String region, String sourceServerId,
                               String jobId, boolean drill, Instant pointInTime, Map<String, String> tags,
                               String availabilityZone) {
    public RecoveryInstance {
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    /** The instance's ARN. */
    public String arn() {
        return "arn:aws:drs:" + region + ":" + accountId + ":recovery-instance/" + recoveryInstanceId;
    }
}
