package dev.drsorchestrator.local.sim.model;

/** An IAM role that STS AssumeRole can assume; {@code externalId} is null when the trust policy needs none. */
public record IamRole(String name, String externalId) {
    public IamRole {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("role name must not be blank");
        }
    }
}
