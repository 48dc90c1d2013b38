package dev.drsorchestrator.shared.drs;

/**
 * The AWS Elastic Disaster Recovery quotas that shape how a recovery is planned, in one place so that planning,
 * validation and the simulator agree. Values are the defaults listed in "AWS Elastic Disaster Recovery endpoints and
 * quotas" (https://docs.aws.amazon.com/general/latest/gr/drs.html) and the Service Quotas console (service
 * {@code drs}); they apply per account and per region.
 */
public final class DrsLimits {

    /**
     * Source servers in one recovery job ("Max source servers in a single Job"). The StartRecovery API model accepts
     * up to 200 entries, but the quota is what DRS enforces per job.
     */
    public static final int MAX_SERVERS_PER_JOB = 100;

    /** Jobs running at the same time ("Max concurrent Jobs in progress"). */
    public static final int MAX_CONCURRENT_JOBS = 20;

    /** Source servers across all jobs in progress ("Max source servers in all Jobs"). */
    public static final int MAX_SERVERS_IN_ACTIVE_JOBS = 500;

    /** Source servers actively replicating ("Max replicating source servers" per account per region). */
    public static final int MAX_REPLICATING_SERVERS = 300;

    /** Source servers defined in the account ("Max total source servers per AWS Account" per region). */
    public static final int MAX_SOURCE_SERVERS = 4_000;

    /** Jobs a single source server may take part in at once: a server busy in one job cannot join another. */
    public static final int MAX_CONCURRENT_JOBS_PER_SERVER = 1;

    /**
     * The most servers one wave may hold: a wave's jobs all run together, so it can never exceed the servers allowed
     * across all active jobs.
     */
    public static final int MAX_SERVERS_PER_WAVE = MAX_SERVERS_IN_ACTIVE_JOBS;

    private DrsLimits() {
    }
}
