package dev.drsorchestrator.local.sim.model;

import java.time.Instant;

/** The most recent launch of a source server: which job, drill or recovery, and how it went. */
public record LastLaunch(String jobId, boolean drill, Instant initiatedAt, String status) {
    /** This launch with another status. */
    public LastLaunch withStatus(String newStatus) {
        return new LastLaunch(jobId, drill, initiatedAt, newStatus);
    }
}
