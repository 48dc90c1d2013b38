package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.concurrent.ExecutorService;

/** What a running execution needs around it: its record, the clock, the Lambda invoker, the task tokens. */
final class RunContext {

    /** Thrown inside the runner when the execution's own TimeoutSeconds has passed. */
    static final class ExecutionTimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExecutionTimedOut() {
            super("execution timed out", null, false, false);
        }
    }

    final Execution execution;
    final StepClock clock;
    final LambdaInvoker invoker;
    final ExecutorService invokePool;
    final TaskTokens tokens;
    final String region;
    final Instant deadline;

    RunContext(Execution execution, StepClock clock, LambdaInvoker invoker, ExecutorService invokePool,
            TaskTokens tokens, String region) {
        this.execution = execution;
        this.clock = clock;
        this.invoker = invoker;
        this.invokePool = invokePool;
        this.tokens = tokens;
        this.region = region;
        this.deadline = execution.definition().timeoutSeconds()
                .map(seconds -> execution.startDate().plusSeconds(seconds)).orElse(Instant.MAX);
    }

    /** The context object ({@code $$}) for a state entered at {@code entered}. */
    ObjectNode contextObject(State state, Instant entered, int retryCount, String taskToken) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        ObjectNode executionNode = context.putObject("Execution");
        executionNode.put("Id", execution.arn());
        executionNode.put("Name", execution.name());
        executionNode.set("Input", execution.input());
        executionNode.put("StartTime", execution.startDate().toString());
        executionNode.put("RoleArn", execution.machine().roleArn());
        ObjectNode stateNode = context.putObject("State");
        stateNode.put("Name", state.name());
        stateNode.put("EnteredTime", entered.toString());
        stateNode.put("RetryCount", retryCount);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", execution.machine().stateMachineArn());
        machine.put("Name", execution.machine().name());
        if (taskToken != null) {
            context.putObject("Task").put("Token", taskToken);
        }
        return context;
    }

    void event(String type, ObjectNode details) {
        execution.record(clock.now(), type, details);
    }

    static ObjectNode details() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The earlier of {@code instant} and the execution deadline. */
    Instant capped(Instant instant) {
        return instant.isBefore(deadline) ? instant : deadline;
    }

    /** Throws when the execution deadline has passed. */
    void checkDeadline() {
        if (!clock.now().isBefore(deadline)) {
            throw new ExecutionTimedOut();
        }
    }

    static String text(JsonNode node) {
        return node == null ? "null" : node.toString();
    }
}
