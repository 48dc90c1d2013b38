package dev.drsorchestrator.shared.execution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a stored wave that decide whether its recovery instances may be terminated: its status as stored and
 * the DRS job ids it started (a wave of more than 100 servers has several).
 *
 * @param status the stored wave status, any spelling {@link WaveStatus#normalize(String)} accepts; null if missing
 * @param jobIds the DRS job ids of the wave; empty when no job was started
 */
public record WaveRecord(String status, List<String> jobIds) {

    /** Copies the job list, dropping blank ids, which stand for "no job". */
    public WaveRecord {
        Objects.requireNonNull(jobIds, "jobIds");
        List<String> ids = new ArrayList<>();
        for (String id : jobIds) {
            if (id != null && !id.isBlank()) {
                ids.add(id);
            }
        }
        jobIds = Collections.unmodifiableList(ids);
    }

    /** A wave with at most one job, as the original stores it ({@code jobId}). */
    public static WaveRecord of(String status, String jobId) {
        return new WaveRecord(status, jobId == null ? List.of() : Collections.singletonList(jobId));
    }
}
