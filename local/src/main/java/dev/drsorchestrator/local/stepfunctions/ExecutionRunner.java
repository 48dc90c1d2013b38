package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one execution from StartAt to its end on a worker thread, recording the history as it goes. */
final class ExecutionRunner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRunner.class);
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";

    private final RunContext run;
    private final TaskRunner tasks;

    ExecutionRunner(RunContext run) {
        this.run = run;
        this.tasks = new TaskRunner(run);
    }

    @Override
    public void run() {
        Execution execution = run.execution;
        try {
            String current = execution.definition().startAt();
            JsonNode input = execution.input();
            while (true) {
                run.checkDeadline();
                State state = execution.definition().state(current);
                Instant entered = run.clock.now();
                ObjectNode enteredDetails = RunContext.details().put("name", state.name())
                        .put("input", input.toString());
                run.event(state.type() + "StateEntered", enteredDetails);
                TaskRunner.Outcome outcome = runState(state, input, entered);
                if (outcome == null) {
                    return;
                }
                checkSize(outcome.output(), state);
                run.event(state.type() + "StateExited", RunContext.details().put("name", state.name())
                        .put("output", outcome.output().toString()));
                if (outcome.next().isEmpty()) {
                    execution.finish(run.clock.now(), ExecutionStatus.SUCCEEDED, outcome.output().toString(), null,
                            null);
                    return;
                }
                input = outcome.output();
                current = outcome.next().get();
            }
        } catch (RunContext.ExecutionTimedOut e) {
            execution.finish(run.clock.now(), ExecutionStatus.TIMED_OUT, null, StatesException.TIMEOUT,
                    "the execution ran longer than its TimeoutSeconds");
        } catch (StatesException e) {
            execution.finish(run.clock.now(), ExecutionStatus.FAILED, null, e.error(), e.errorCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            execution.finish(run.clock.now(), ExecutionStatus.ABORTED, null, null, "the runner was interrupted");
        } catch (RuntimeException e) {
            LOG.error("execution {} failed inside the runner", execution.arn(), e);
            execution.finish(run.clock.now(), ExecutionStatus.FAILED, null, StatesException.RUNTIME,
                    "internal error of the local runner");
        }
    }

    /** Returns the outcome, or null when the state ended the execution itself (Succeed, Fail). */
    private TaskRunner.Outcome runState(State state, JsonNode input, Instant entered) throws InterruptedException {
        JsonNode context = run.contextObject(state, entered, 0, null);
        if (state instanceof State.Task task) {
            return tasks.run(task, input, entered);
        }
        if (state instanceof State.Pass pass) {
            JsonNode effective = pass.io().effectiveInput(input, context);
            JsonNode result = pass.result().orElse(effective);
            return new TaskRunner.Outcome(pass.io().output(input, result, context), pass.next());
        }
        if (state instanceof State.Choice choice) {
            JsonNode effective = choice.io().effectiveInput(input, context);
            Optional<String> next = choice.branches().stream()
                    .filter(branch -> branch.rule().test(effective, context))
                    .map(State.Branch::next)
                    .findFirst()
                    .or(choice::defaultNext);
            if (next.isEmpty()) {
                throw new StatesException("States.NoChoiceMatched", "no choice rule of state '" + choice.name()
                        + "' matched and it has no Default");
            }
            return new TaskRunner.Outcome(choice.io().output(effective, effective, context), next);
        }
        if (state instanceof State.Wait wait) {
            JsonNode effective = wait.io().effectiveInput(input, context);
            Instant until = WaitTimes.until(wait.spec(), effective, context, entered);
            run.clock.sleepUntil(run.capped(until));
            run.checkDeadline();
            return new TaskRunner.Outcome(wait.io().output(effective, effective, context), wait.next());
        }
        if (state instanceof State.Succeed succeed) {
            JsonNode effective = succeed.io().effectiveInput(input, context);
            JsonNode output = succeed.io().output(effective, effective, context);
            checkSize(output, state);
            run.event("SucceedStateExited", RunContext.details().put("name", state.name())
                    .put("output", output.toString()));
            run.execution.finish(run.clock.now(), ExecutionStatus.SUCCEEDED, output.toString(), null, null);
            return null;
        }
        State.Fail fail = (State.Fail) state;
        String error = fail.errorPath().map(path -> textAt(path, input, context, "ErrorPath"))
                .orElse(fail.error().orElse(null));
        String cause = fail.causePath().map(path -> textAt(path, input, context, "CausePath"))
                .orElse(fail.cause().orElse(null));
        run.execution.finish(run.clock.now(), ExecutionStatus.FAILED, null, error, cause);
        return null;
    }

    private static String textAt(JsonPath path, JsonNode input, JsonNode context, String field) {
        JsonNode value = path.read(input, context, field);
        if (!value.isTextual()) {
            throw StatesException.runtime(field + " '" + path + "' must point at a string");
        }
        return value.asText();
    }

    private static void checkSize(JsonNode output, State state) {
        if (output.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new StatesException(DATA_LIMIT_EXCEEDED, "the output of state '" + state.name()
                    + "' is larger than 256 KB");
        }
    }
}
