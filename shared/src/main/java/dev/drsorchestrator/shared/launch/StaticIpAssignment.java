package dev.drsorchestrator.shared.launch;

/**
 * One server's requested static private IP, with the JSON path to report problems at.
 *
 * @param field    where the IP came from, e.g. {@code servers[3].launchTemplate.staticPrivateIp}
 * @param subnetId the subnet the recovery instance launches into
 * @param ip       the requested address as text
 */
public record StaticIpAssignment(String field, String subnetId, String ip) {

    /** The field is what a user sees in the error, so it is required. */
    public StaticIpAssignment {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("field is required");
        }
    }
}
