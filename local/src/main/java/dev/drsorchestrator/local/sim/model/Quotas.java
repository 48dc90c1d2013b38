package dev.drsorchestrator.local.sim.model;

/** The DRS service quotas the simulator enforces, per account and region, with the values DRS documents. */
public final class Quotas {
    /** Source servers in one job. */
    public static final int MAX_SERVERS_PER_JOB = 100;
    /** Jobs not yet completed. */
    public static final int MAX_CONCURRENT_JOBS = 20;
    /** Source servers across all jobs not yet completed. */
    public static final int MAX_SERVERS_IN_ACTIVE_JOBS = 500;
    /** Source servers that replicate (anything but DISCONNECTED or STOPPED). */
    public static final int MAX_REPLICATING_SERVERS = 300;

    private Quotas() {
    }
}
