package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The mutable state of one execution, shared by its runner thread and API callers; every access is synchronized
 * and the first terminal transition wins (a StopExecution racing a Succeed state ends in exactly one status).
 */
final class Execution {

    private final String arn;
    private final StateMachineInfo machine;
    private final StateMachineDefinition definition;
    private final String name;
    private final JsonNode input;
    private final Instant startDate;
    private final List<HistoryEvent> history = new ArrayList<>();
    private final CompletableFuture<ExecutionSnapshot> done = new CompletableFuture<>();
    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private String output;
    private String error;
    private String cause;
    private Instant stopDate;
    private Future<?> worker;

    Execution(String arn, StateMachineInfo machine, StateMachineDefinition definition, String name, JsonNode input,
            Instant startDate) {
        this.arn = arn;
        this.machine = machine;
        this.definition = definition;
        this.name = name;
        this.input = input;
        this.startDate = startDate;
    }

    String arn() {
        return arn;
    }

    StateMachineInfo machine() {
        return machine;
    }

    StateMachineDefinition definition() {
        return definition;
    }

    String name() {
        return name;
    }

    JsonNode input() {
        return input;
    }

    Instant startDate() {
        return startDate;
    }

    CompletableFuture<ExecutionSnapshot> done() {
        return done;
    }

    synchronized void worker(Future<?> future) {
        this.worker = future;
    }

    synchronized boolean isRunning() {
        return status == ExecutionStatus.RUNNING;
    }

    /** Appends an event unless the execution has ended (a late event of an aborted runner is dropped). */
    synchronized void record(Instant at, String type, ObjectNode details) {
        if (status == ExecutionStatus.RUNNING) {
            append(at, type, details);
        }
    }

    private void append(Instant at, String type, ObjectNode details) {
        long id = history.size() + 1L;
        history.add(new HistoryEvent(id, id - 1, at, type, details));
    }

    /** Ends the execution if it is still running; returns whether this call ended it. */
    boolean finish(Instant at, ExecutionStatus terminal, String outputJson, String errorName, String errorCause) {
        Future<?> toCancel;
        synchronized (this) {
            if (status != ExecutionStatus.RUNNING) {
                return false;
            }
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            switch (terminal) {
                case SUCCEEDED -> details.put("output", outputJson);
                default -> {
                    if (errorName != null) {
                        details.put("error", errorName);
                    }
                    if (errorCause != null) {
                        details.put("cause", errorCause);
                    }
                }
            }
            append(at, eventType(terminal), details);
            status = terminal;
            output = outputJson;
            error = errorName;
            cause = errorCause;
            stopDate = at;
            toCancel = terminal == ExecutionStatus.ABORTED ? worker : null;
        }
        if (toCancel != null) {
            toCancel.cancel(true);
        }
        done.complete(snapshot());
        return true;
    }

    private static String eventType(ExecutionStatus status) {
        return switch (status) {
            case SUCCEEDED -> "ExecutionSucceeded";
            case FAILED -> "ExecutionFailed";
            case TIMED_OUT -> "ExecutionTimedOut";
            case ABORTED -> "ExecutionAborted";
            case RUNNING -> throw new IllegalArgumentException("RUNNING is not terminal");
        };
    }

    synchronized ExecutionSnapshot snapshot() {
        return new ExecutionSnapshot(arn, machine.stateMachineArn(), name, status, input.toString(),
                Optional.ofNullable(output), Optional.ofNullable(error), Optional.ofNullable(cause), startDate,
                Optional.ofNullable(stopDate));
    }

    synchronized List<HistoryEvent> history() {
        return List.copyOf(history);
    }
}
