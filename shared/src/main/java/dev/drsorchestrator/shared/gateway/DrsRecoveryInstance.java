package dev.drsorchestrator.shared.gateway;

import java.util.Map;

/**
 * A DRS recovery instance: the EC2 instance a recovery or drill launched for a source server.
 *
 * @param recoveryInstanceID the DRS id ({@code i-...}, the same as the EC2 instance id)
 * @param ec2InstanceID      the EC2 instance id
 * @param ec2InstanceState   RUNNING, STOPPED, TERMINATED, ...
 * @param sourceServerID     the server it recovers
 * @param jobID              the job that launched it
 * @param isDrill            true for a drill
 * @param pointInTimeSnapshotDateTime the snapshot it was launched from
 * @param hostname           the hostname DRS identified, if any
 * @param originAvailabilityZone the availability zone of the source
 * @param tags               its tags
 */
public record DrsRecoveryInstance(String recoveryInstanceID, String ec2InstanceID, String ec2InstanceState,
                                  String sourceServerID, String jobID, Boolean isDrill,
                                  String pointInTimeSnapshotDateTime, String hostname, String originAvailabilityZone,
                                  Map<String, String> tags) {
    public DrsRecoveryInstance {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
