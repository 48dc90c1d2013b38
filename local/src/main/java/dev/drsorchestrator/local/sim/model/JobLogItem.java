package dev.drsorchestrator.local.sim.model;

import java.time.Instant;

/** One entry of a job's log; {@code sourceServerId}/{@code targetInstanceId}/{@code rawError} may be null. */
public record JobLogItem(Instant at, String event, String sourceServerId, String targetInstanceId,
                         String conversionServerId, String rawError) {
}
