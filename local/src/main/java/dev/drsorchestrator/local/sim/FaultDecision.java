package dev.drsorchestrator.local.sim;

/** What the faults decided for one call: how long to wait, then answer normally, fail, or drop the connection. */
public record FaultDecision(long latencyMillis, FaultRule error, boolean drop) {
    static final FaultDecision NONE = new FaultDecision(0, null, false);
}
