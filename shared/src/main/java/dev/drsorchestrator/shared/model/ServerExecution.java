package dev.drsorchestrator.shared.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The recovery of one source server inside a wave: its DRS job, launch status and the recovery instance it produced.
 *
 * @param serverId            DRS source server id
 * @param serverName          display name
 * @param hostname            source hostname
 * @param region              DRS region
 * @param sourceInstanceId    source EC2 instance
 * @param sourceAccountId     source account
 * @param sourceIp            source IP
 * @param sourceRegion        source region
 * @param status              server status as DRS reports it in the job log
 * @param launchStatus        DRS participating-server launch status (PENDING, IN_PROGRESS, LAUNCHED, FAILED, ...)
 * @param jobId               the DRS job that launches this server
 * @param recoveryInstanceId  DRS recovery instance id
 * @param recoveredInstanceId EC2 instance id of the recovered instance
 * @param instanceType        recovered instance type
 * @param privateIp           recovered private IP
 * @param startTime           ISO-8601
 * @param endTime             ISO-8601
 * @param launchTime          ISO-8601
 * @param error               error details, kept as received
 */
public record ServerExecution(
        String serverId,
        String serverName,
        String hostname,
        String region,
        String sourceInstanceId,
        String sourceAccountId,
        String sourceIp,
        String sourceRegion,
        String status,
        String launchStatus,
        String jobId,
        String recoveryInstanceId,
        String recoveredInstanceId,
        String instanceType,
        String privateIp,
        String startTime,
        String endTime,
        String launchTime,
        JsonNode error) {
}
