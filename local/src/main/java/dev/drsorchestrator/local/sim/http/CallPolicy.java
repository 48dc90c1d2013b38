package dev.drsorchestrator.local.sim.http;

/**
 * What the edge asks before and after every AWS call: the simulator counts the call and decides injected latency,
 * errors and dropped connections.
 */
public interface CallPolicy {
    /** Counts the call and returns what should happen to it. */
    Decision before(String account, String region, String service, String operation);

    /** Marks the end of a call started with {@link #before}. */
    void after();

    /** Wait {@code latencyMillis}, then fail with {@code errorCode} (when set), drop the connection, or answer. */
    record Decision(long latencyMillis, String errorCode, String errorMessage, Long retryAfterSeconds, boolean drop) {
    }
}
