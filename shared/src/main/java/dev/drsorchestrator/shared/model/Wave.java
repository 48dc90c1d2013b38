package dev.drsorchestrator.shared.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One wave of a recovery plan as stored and answered; {@code plan/PlanWave} is the validated view the wave-graph rules
 * work on.
 *
 * @param waveNumber         position, 0-based as the original stores it
 * @param waveName           display name
 * @param waveDescription    free text
 * @param serverIds          servers of the wave
 * @param serverCount        number of servers
 * @param dependsOnWaves     wave numbers that must finish first
 * @param pauseBeforeWave    wait for an operator before starting
 * @param protectionGroupIds source protection groups
 * @param protectionGroupId  the single source group of older plans
 * @param waitTimeMinutes    delay before starting
 * @param preWaveActions     actions before the wave, kept as sent
 * @param postWaveActions    actions after the wave, kept as sent
 * @param healthCheckConfig  kept as sent
 * @param rollbackConfig     kept as sent
 */
public record Wave(
        Integer waveNumber,
        String waveName,
        String waveDescription,
        List<String> serverIds,
        Integer serverCount,
        List<Integer> dependsOnWaves,
        Boolean pauseBeforeWave,
        List<String> protectionGroupIds,
        String protectionGroupId,
        Integer waitTimeMinutes,
        List<JsonNode> preWaveActions,
        List<JsonNode> postWaveActions,
        JsonNode healthCheckConfig,
        JsonNode rollbackConfig) {

    /** Copies the lists. */
    public Wave {
        serverIds = Copies.list(serverIds);
        dependsOnWaves = Copies.list(dependsOnWaves);
        protectionGroupIds = Copies.list(protectionGroupIds);
        preWaveActions = Copies.list(preWaveActions);
        postWaveActions = Copies.list(postWaveActions);
    }
}
