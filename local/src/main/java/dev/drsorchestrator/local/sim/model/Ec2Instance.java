package dev.drsorchestrator.local.sim.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An EC2 instance: a source machine's origin instance or a recovery instance DRS launched. */
public record Ec2Instance(String instanceId, String accountId, String region, String availabilityZone,
                          String instanceType, String state, String privateIp, String subnetId, String vpcId,
                          List<String> securityGroupIds, Map<String, String> tags, Instant launchTime,
                          String platformDetails) {
    public Ec2Instance {
        securityGroupIds = List.copyOf(securityGroupIds == null ? List.of() : securityGroupIds);
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    public Ec2Instance withState(String newState) {
        return new Ec2Instance(instanceId, accountId, region, availabilityZone, instanceType, newState, privateIp,
                subnetId, vpcId, securityGroupIds, tags, launchTime, platformDetails);
    }

    public Ec2Instance withTags(Map<String, String> newTags) {
        return new Ec2Instance(instanceId, accountId, region, availabilityZone, instanceType, state, privateIp,
                subnetId, vpcId, securityGroupIds, newTags, launchTime, platformDetails);
    }
}
