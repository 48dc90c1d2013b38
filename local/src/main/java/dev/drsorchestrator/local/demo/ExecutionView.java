package dev.drsorchestrator.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the demo reads from {@code GET /executions/{id}}: the execution's status, where it is paused, and per wave the
 * status, server counts and times. Missing fields read as empty or zero, so an execution that has just been created
 * displays as well as a finished one.
 */
record ExecutionView(String executionId, String status, Integer pausedBeforeWave, Instant startTime,
                     Instant endTime, String errorMessage, List<WaveView> waves) {
    /** Statuses after which nothing changes any more. */
    static final Set<String> TERMINAL = Set.of("COMPLETED", "PARTIAL", "FAILED", "CANCELLED", "TIMEOUT");

    ExecutionView {
        waves = List.copyOf(waves);
    }

    /**
     * One wave as the execution reports it.
     *
     * @param number   wave number, from 0
     * @param name     wave name
     * @param status   wave status (PENDING, INITIATED, IN_PROGRESS, COMPLETED, PARTIAL, FAILED, ...)
     * @param total    servers in the wave
     * @param launched servers launched
     * @param failed   servers that failed to launch
     * @param progress percent complete
     * @param start    when the wave started, null before
     * @param end      when the wave ended, null before
     */
    record WaveView(int number, String name, String status, int total, int launched, int failed, int progress,
                    Instant start, Instant end) {
    }

    boolean terminal() {
        return TERMINAL.contains(status);
    }

    static ExecutionView from(JsonNode json) {
        List<WaveView> waves = new ArrayList<>();
        for (JsonNode w : json.path("waves")) {
            waves.add(new WaveView(w.path("waveNumber").asInt(waves.size()), w.path("waveName").asText(""),
                    w.path("status").asText("PENDING"), w.path("totalServers").asInt(w.path("serverIds").size()),
                    w.path("launchedCount").asInt(0), w.path("failedCount").asInt(0), w.path("progress").asInt(0),
                    instant(w.path("startTime")), instant(w.path("endTime"))));
        }
        JsonNode paused = json.path("pausedBeforeWave");
        return new ExecutionView(json.path("executionId").asText(""), json.path("status").asText("UNKNOWN"),
                paused.isIntegralNumber() ? paused.asInt() : null, instant(json.path("startTime")),
                instant(json.path("endTime")), json.hasNonNull("errorMessage") ? json.get("errorMessage").asText()
                : null, waves);
    }

    private static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
