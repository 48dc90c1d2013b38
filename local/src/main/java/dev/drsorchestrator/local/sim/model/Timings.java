package dev.drsorchestrator.local.sim.model;

/**
 * How long each phase of a simulated job takes in simulated seconds, and the share of server launches that fail
 * at random (seeded, so a scenario replays the same way).
 */
public record Timings(long jobStartSeconds, long snapshotSeconds, long conversionSeconds, long launchSeconds,
                      long terminateSeconds, double launchFailureRate) {
    /** Roughly what DRS takes for a small drill. */
    public static final Timings DEFAULT = new Timings(10, 60, 240, 120, 60, 0.0);

    public Timings {
        if (jobStartSeconds < 0 || snapshotSeconds < 0 || conversionSeconds < 0 || launchSeconds < 0
                || terminateSeconds < 0) {
            throw new IllegalArgumentException("timings must not be negative");
        }
        if (!(launchFailureRate >= 0 && launchFailureRate <= 1)) {
            throw new IllegalArgumentException("launchFailureRate must be between 0 and 1, got " + launchFailureRate);
        }
    }
}
