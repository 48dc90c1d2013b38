package dev.drsorchestrator.local.sim.model;

import java.util.List;

/**
 * The facts DRS reports about a source machine, fixed by the scenario: what it is, and where its source EC2 instance
 * lives (which may be another account and region than the one DRS replicates into).
 */
public record MachineSpec(String hostname, String fqdn, String os, int cpuCores, String cpuModel, long ramBytes,
                          List<Disk> disks, String macAddress, String privateIp, String instanceType,
                          String recommendedInstanceType, String sourceInstanceId, String originAccountId,
                          String originRegion, String originAvailabilityZone) {
    public MachineSpec {
        disks = List.copyOf(disks == null ? List.of() : disks);
    }
}
