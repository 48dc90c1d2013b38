package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One event of an execution's history, shaped like GetExecutionHistory's: {@code type} such as
 * {@code TaskStateEntered} and {@code details} the body of its {@code ...EventDetails} member.
 *
 * @param id              1-based, in order
 * @param previousEventId the event before (0 for the first)
 * @param timestamp       on the runner's clock
 * @param type            the AWS event type
 * @param details         the event details (name, input, output, error, cause, resource ...)
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {

    /** Keeps its own copy of the details, so the history cannot be changed through an event. */
    public HistoryEvent {
        details = details.deepCopy();
    }

    /** A copy of the event details. */
    @Override
    public ObjectNode details() {
        return details.deepCopy();
    }

    /** The name of the details member in the API, e.g. {@code stateEnteredEventDetails}. */
    public String detailsKey() {
        if (type.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (type.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }
}
