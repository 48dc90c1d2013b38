package dev.drsorchestrator.local.sim.model;

/** Set on an extended source server: the staging account and server it was extended from. */
public record StagingInfo(String stagingAccountId, String stagingSourceServerArn, String status) {
}
