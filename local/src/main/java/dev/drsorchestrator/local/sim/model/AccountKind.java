package dev.drsorchestrator.local.sim.model;

/** The part an account plays in a DR setup; the simulator needs it to resolve the {@code test} key and staging. */
public enum AccountKind {
    HUB, TARGET, STAGING
}
