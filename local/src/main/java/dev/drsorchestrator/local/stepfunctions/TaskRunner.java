package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one Task state: invocation, timeouts, task tokens, then Retry and Catch. Retry delays go through the clock,
 * so their timing shows in event timestamps without anyone sleeping. As in AWS, the heartbeat interval of a
 * {@code .waitForTaskToken} task starts when its function has returned, and an omitted {@code Payload} of
 * {@code lambda:invoke} sends the function {@code {}}.
 */
final class TaskRunner {

    /** The state output and where to go next (empty: the state ends the execution). */
    record Outcome(JsonNode output, Optional<String> next) {
    }

    private final RunContext run;

    TaskRunner(RunContext run) {
        this.run = run;
    }

    Outcome run(State.Task task, JsonNode rawInput, Instant entered) throws InterruptedException {
        int[] attempts = new int[task.retriers().size()];
        int retryCount = 0;
        while (true) {
            try {
                String token = null;
                TaskTokens.Slot slot = null;
                if (task.resource().waitsForToken()) {
                    slot = run.tokens.open(run.execution.arn(), run.clock.now());
                    token = slot.token;
                }
                JsonNode context = run.contextObject(task, entered, retryCount, token);
                try {
                    JsonNode effective = task.io().effectiveInput(rawInput, context);
                    JsonNode result = invoke(task, effective, slot);
                    return new Outcome(task.io().output(rawInput, result, context), task.next());
                } finally {
                    if (slot != null) {
                        run.tokens.closeIfOpen(slot);
                    }
                }
            } catch (StatesException failure) {
                Optional<Double> delay = retryDelay(task, failure, attempts);
                if (delay.isPresent()) {
                    retryCount++;
                    Instant retryAt = run.clock.now().plusMillis(Math.round(delay.get() * 1000));
                    run.clock.sleepUntil(run.capped(retryAt));
                    run.checkDeadline();
                    continue;
                }
                for (State.Catcher catcher : task.catchers()) {
                    if (ErrorMatcher.matches(catcher.errorEquals(), failure.error())) {
                        ObjectNode errorOutput = JsonNodeFactory.instance.objectNode();
                        errorOutput.put("Error", failure.error());
                        errorOutput.put("Cause", failure.errorCause());
                        JsonNode output = catcher.resultPath().map(path -> path.write(rawInput, errorOutput))
                                .orElse(rawInput);
                        return new Outcome(output, Optional.of(catcher.next()));
                    }
                }
                throw failure;
            }
        }
    }

    private static Optional<Double> retryDelay(State.Task task, StatesException failure, int[] attempts) {
        for (int i = 0; i < task.retriers().size(); i++) {
            State.Retrier retrier = task.retriers().get(i);
            if (ErrorMatcher.matches(retrier.errorEquals(), failure.error())) {
                if (attempts[i] >= retrier.maxAttempts()) {
                    return Optional.empty();
                }
                return Optional.of(retrier.delaySeconds(attempts[i]++));
            }
        }
        return Optional.empty();
    }

    private JsonNode invoke(State.Task task, JsonNode effective, TaskTokens.Slot slot) throws InterruptedException {
        TaskEvents events = new TaskEvents(run, task);
        String functionName;
        JsonNode payload;
        if (task.resource().kind() == TaskResource.Kind.LAMBDA_FUNCTION) {
            functionName = task.resource().resource();
            payload = effective;
        } else {
            JsonNode name = effective.get("FunctionName");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                throw StatesException.runtime("Parameters.FunctionName must resolve to a function name or ARN");
            }
            functionName = name.asText();
            payload = effective.has("Payload") ? effective.get("Payload") : JsonNodeFactory.instance.objectNode();
        }
        Instant started = run.clock.now();
        Instant taskDeadline = started.plusSeconds(task.timeoutSeconds());
        events.scheduled(effective);
        CompletableFuture<LambdaResult> call = submit(functionName, payload);
        events.started();
        if (!run.clock.await(call, run.capped(taskDeadline))) {
            call.cancel(true);
            run.checkDeadline();
            throw events.timedOut(StatesException.TIMEOUT, "the task did not finish within " + task.timeoutSeconds()
                    + " seconds");
        }
        LambdaResult result = call.join();
        if (result instanceof LambdaResult.FunctionError error) {
            ObjectNode cause = JsonNodeFactory.instance.objectNode();
            cause.put("errorMessage", error.errorMessage());
            cause.put("errorType", error.errorType());
            throw events.failed(error.errorType(), cause.toString());
        }
        JsonNode returned = ((LambdaResult.Success) result).payload();
        if (slot == null) {
            JsonNode output = task.resource().kind() == TaskResource.Kind.LAMBDA_FUNCTION
                    ? returned : invokeResponse(returned);
            events.succeeded(output);
            return output;
        }
        events.submitted(invokeResponse(returned));
        slot.beat(run.clock.now());
        return awaitToken(task, slot, taskDeadline, events);
    }

    private JsonNode awaitToken(State.Task task, TaskTokens.Slot slot, Instant taskDeadline, TaskEvents events)
            throws InterruptedException {
        while (true) {
            Instant heartbeatDeadline = heartbeatDeadline(task, slot);
            Instant deadline = heartbeatDeadline.isBefore(taskDeadline) ? heartbeatDeadline : taskDeadline;
            if (run.clock.await(slot.outcome, run.capped(deadline))) {
                TaskTokens.Outcome outcome = slot.outcome.join();
                if (outcome.error() != null) {
                    throw events.failed(outcome.error(), outcome.cause() == null ? "" : outcome.cause());
                }
                events.succeeded(outcome.output());
                return outcome.output();
            }
            run.checkDeadline();
            Instant now = run.clock.now();
            if (!now.isBefore(taskDeadline)) {
                run.tokens.close(slot, "TaskTimedOut");
                throw events.timedOut(StatesException.TIMEOUT, "no task result within " + task.timeoutSeconds()
                        + " seconds");
            }
            if (!now.isBefore(heartbeatDeadline(task, slot))) {
                run.tokens.close(slot, "TaskTimedOut");
                throw events.timedOut(StatesException.HEARTBEAT_TIMEOUT, "no heartbeat within "
                        + task.heartbeatSeconds().orElseThrow() + " seconds");
            }
        }
    }

    private static Instant heartbeatDeadline(State.Task task, TaskTokens.Slot slot) {
        return task.heartbeatSeconds().map(seconds -> slot.lastHeartbeat().plusSeconds(seconds)).orElse(Instant.MAX);
    }

    private CompletableFuture<LambdaResult> submit(String functionName, JsonNode payload) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return run.invoker.invoke(functionName, payload);
                } catch (RuntimeException e) {
                    return new LambdaResult.FunctionError("Lambda.ServiceException",
                            "the invocation of " + functionName + " failed: " + e.getClass().getSimpleName());
                }
            }, run.invokePool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(new LambdaResult.FunctionError(
                    "Lambda.TooManyRequestsException", "too many concurrent invocations"));
        }
    }

    private static JsonNode invokeResponse(JsonNode payload) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("ExecutedVersion", "$LATEST");
        response.set("Payload", payload);
        response.put("StatusCode", 200);
        return response;
    }
}
