package dev.drsorchestrator.shared.execution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What one DRS recovery job of a wave reported at a poll: the job status and the launch status of each participating
 * server, as DRS spells them ({@code PENDING}, {@code STARTED}, {@code COMPLETED}; {@code LAUNCHED}, {@code FAILED},
 * {@code TERMINATED}, ...). A wave of more than 100 servers has several.
 *
 * @param jobStatus    the DRS job status; null while unknown
 * @param serverStates the launch status of each participating server; a null entry means not reported yet
 */
public record JobSnapshot(String jobStatus, List<String> serverStates) {

    /** Copies the server list so later changes by the caller cannot alter a decision. */
    public JobSnapshot {
        Objects.requireNonNull(serverStates, "serverStates");
        serverStates = Collections.unmodifiableList(new ArrayList<>(serverStates));
    }
}
