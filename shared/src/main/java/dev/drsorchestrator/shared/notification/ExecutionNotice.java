package dev.drsorchestrator.shared.notification;

import java.util.List;

/**
 * What a notification says about one execution: enough for an operator reading it on a phone to know which plan,
 * which execution, which wave, what happened and what to do next.
 *
 * @param event         what happened
 * @param planName      the plan's name
 * @param planId        the plan's id
 * @param executionId   the execution
 * @param executionType DRILL or RECOVERY
 * @param waveNumber    the wave concerned as stored (0-based; people read it 1-based in the text), null for
 *                      execution-level events
 * @param waveName      its name, null when none
 * @param detail        one line of detail (counts, error), may be null
 * @param failedServers servers that failed to launch, may be empty
 * @param openJobIds    DRS launch jobs still running when the execution ended: they may still launch recovery
 *                      instances the operator has to clean up; may be empty
 */
public record ExecutionNotice(ExecutionEvent event, String planName, String planId, String executionId,
        String executionType, Integer waveNumber, String waveName, String detail, List<String> failedServers,
        List<String> openJobIds) {

    /** Copies the lists. */
    public ExecutionNotice {
        failedServers = failedServers == null ? List.of() : List.copyOf(failedServers);
        openJobIds = openJobIds == null ? List.of() : List.copyOf(openJobIds);
    }

    /** A notice with no DRS job left running. */
    public ExecutionNotice(ExecutionEvent event, String planName, String planId, String executionId,
            String executionType, Integer waveNumber, String waveName, String detail, List<String> failedServers) {
        this(event, planName, planId, executionId, executionType, waveNumber, waveName, detail, failedServers,
                List.of());
    }
}
