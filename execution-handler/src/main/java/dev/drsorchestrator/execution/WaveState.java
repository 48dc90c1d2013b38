package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.WaveExecution;
import java.util.List;

/**
 * The small state the state machine carries between tasks (ids, the current wave, its DRS jobs and where to go
 * next); everything else lives in DynamoDB. {@code next} is read by the ASL's DetermineWaveState choice.
 */
final class WaveState {
    static final String START_WAVE = "START_WAVE";
    static final String PAUSE = "PAUSE";
    static final String POLL = "POLL";
    static final String FINALIZE = "FINALIZE";

    private WaveState() {
    }

    /** The state for wave {@code waveNumber} of an execution, heading to {@code next}. */
    static ObjectNode of(Execution execution, int waveNumber, String next, long pollSequence, int waitSeconds) {
        ObjectNode state = Json.mapper().createObjectNode();
        state.put("executionId", execution.executionId());
        state.put("planId", execution.planId());
        state.put("mode", execution.executionType());
        state.put("isDrill", "DRILL".equals(execution.executionType()));
        state.put("status", execution.status());
        state.put("waveNumber", waveNumber);
        state.put("totalWaves", execution.waves().size());
        state.put("next", next);
        state.put("pollSequence", pollSequence);
        state.put("waitSeconds", waitSeconds);
        execution.wave(waveNumber).ifPresent(wave -> describeWave(state, execution, wave));
        return state;
    }

    private static void describeWave(ObjectNode state, Execution execution, WaveExecution wave) {
        state.put("waveStatus", wave.status());
        if (execution.accountId() != null) {
            state.put("accountId", execution.accountId());
        }
        String region = regionOf(wave);
        if (region != null) {
            state.put("region", region);
        }
        List<String> jobIds = wave.jobIds() == null ? List.of() : wave.jobIds();
        if (!jobIds.isEmpty()) {
            state.put("jobId", jobIds.get(0));
            jobIds.forEach(state.putArray("jobIds")::add);
        }
        if (wave.serverIds() != null) {
            wave.serverIds().forEach(state.putArray("serverIds")::add);
        }
    }

    /** The region of a wave: every server of a wave is in one region (preflight enforces it). */
    static String regionOf(WaveExecution wave) {
        if (wave.serverExecutions() == null) {
            return null;
        }
        return wave.serverExecutions().stream().map(ServerExecution::region).filter(r -> r != null)
                .findFirst().orElse(null);
    }

    /** A required text field of a task payload or state. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new ValidationException("Field '" + field
                    + "' is required and must be a non-empty string");
        }
        return value.textValue();
    }

    /** A required non-negative integer field of a task payload or state. */
    static int integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw new ValidationException("Field '" + field
                    + "' is required and must be a non-negative integer");
        }
        return value.intValue();
    }
}
