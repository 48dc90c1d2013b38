package dev.drsorchestrator.shared.launch;

/**
 * What apply_launch_configs last pushed to DRS and EC2 for one server of one protection group: the
 * {@link LaunchConfigHash} of the effective configuration, when and by whom. Drift is the difference between this hash
 * and the hash of the configuration the group holds now.
 *
 * @param groupId        the protection group
 * @param sourceServerId the DRS source server
 * @param configHash     SHA-256 hex of the applied effective configuration
 * @param appliedAt      ISO-8601 instant of the apply
 * @param appliedBy      the caller who applied it (email or ARN)
 */
public record AppliedLaunchConfig(String groupId, String sourceServerId, String configHash, String appliedAt,
        String appliedBy) {
}
