package dev.drsorchestrator.local.sim.model;

/** A source server taking part in a job, with its launch status (PENDING, IN_PROGRESS, LAUNCHED, FAILED, TERMINATED). */
public record Participant(String sourceServerId, String launchStatus, String recoveryInstanceId) {
}
