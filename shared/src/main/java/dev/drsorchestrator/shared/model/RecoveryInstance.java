package dev.drsorchestrator.shared.model;

import java.util.Map;

/**
 * A DRS recovery instance (a launched recovery of a source server), cached so the console and termination logic can
 * find instances by source server or by account and region without calling DRS.
 *
 * @param recoveryInstanceId key
 * @param sourceServerId     the source server ({@code SourceServerIndex})
 * @param accountId          account
 * @param region             region
 * @param accountRegion      {@code accountId + "#" + region} ({@code AccountRegionIndex})
 * @param ec2InstanceId      the EC2 instance
 * @param ec2InstanceState   its state
 * @param instanceType       its type
 * @param privateIp          its private IP
 * @param jobId              the DRS job that launched it
 * @param executionId        the execution that launched it, when known
 * @param isDrill            drill or recovery
 * @param pointInTime        the snapshot it was launched from
 * @param launchTime         ISO-8601
 * @param tags               instance tags
 * @param lastSyncedAt       ISO-8601
 */
public record RecoveryInstance(
        String recoveryInstanceId,
        String sourceServerId,
        String accountId,
        String region,
        String accountRegion,
        String ec2InstanceId,
        String ec2InstanceState,
        String instanceType,
        String privateIp,
        String jobId,
        String executionId,
        Boolean isDrill,
        String pointInTime,
        String launchTime,
        Map<String, String> tags,
        String lastSyncedAt) {

    /** Copies the tags. */
    public RecoveryInstance {
        tags = Copies.map(tags);
    }
}
