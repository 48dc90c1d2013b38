package dev.drsorchestrator.shared.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a recovery plan's wave that the ordering rules look at, as the original's {@code Wave} type names them.
 *
 * @param waveNumber         the wave's number, which {@code dependsOnWaves} of later waves refer to
 * @param waveName           the display name, unique within the plan (case-insensitive)
 * @param protectionGroupIds the protection groups whose servers the wave recovers
 * @param dependsOnWaves     numbers of waves that must finish first
 * @param pauseBeforeWave    whether the execution waits for an operator before starting this wave
 */
public record PlanWave(int waveNumber, String waveName, List<String> protectionGroupIds,
                       List<Integer> dependsOnWaves, boolean pauseBeforeWave) {

    /** Copies the lists; null entries are kept so that validation can report them. */
    public PlanWave {
        protectionGroupIds = Collections.unmodifiableList(
                new ArrayList<>(Objects.requireNonNull(protectionGroupIds, "protectionGroupIds")));
        dependsOnWaves = Collections.unmodifiableList(
                new ArrayList<>(Objects.requireNonNull(dependsOnWaves, "dependsOnWaves")));
    }
}
