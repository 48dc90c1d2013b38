package dev.drsorchestrator.local.sim.model;

/** A disk of a source machine. */
public record Disk(String deviceName, long bytes) {
}
