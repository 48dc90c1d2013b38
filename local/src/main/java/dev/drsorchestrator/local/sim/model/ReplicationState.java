package dev.drsorchestrator.local.sim.model;

/** DRS data replication states, spelled as on the wire. */
public enum ReplicationState {
    STOPPED, INITIATING, INITIAL_SYNC, BACKLOG, CREATING_SNAPSHOT, CONTINUOUS, PAUSED, RESCAN, STALLED, DISCONNECTED
}
