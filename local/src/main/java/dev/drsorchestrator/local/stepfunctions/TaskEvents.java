package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The history events of one task attempt, named as AWS names them: {@code Task*} for the
 * {@code arn:aws:states:::lambda:invoke} integrations, {@code LambdaFunction*} for a plain function ARN.
 */
final class TaskEvents {

    private final RunContext run;
    private final State.Task task;
    private final boolean plainFunction;

    TaskEvents(RunContext run, State.Task task) {
        this.run = run;
        this.task = task;
        this.plainFunction = task.resource().kind() == TaskResource.Kind.LAMBDA_FUNCTION;
    }

    void scheduled(JsonNode parameters) {
        ObjectNode details = base();
        if (plainFunction) {
            details.put("resource", task.resource().resource());
            details.put("input", parameters.toString());
        } else {
            details.put("region", run.region);
            details.put("parameters", parameters.toString());
        }
        details.put("timeoutInSeconds", task.timeoutSeconds());
        task.heartbeatSeconds().ifPresent(seconds -> details.put("heartbeatInSeconds", seconds));
        run.event(plainFunction ? "LambdaFunctionScheduled" : "TaskScheduled", details);
    }

    void started() {
        run.event(plainFunction ? "LambdaFunctionStarted" : "TaskStarted", base());
    }

    void submitted(JsonNode output) {
        ObjectNode details = base();
        details.put("output", output.toString());
        run.event("TaskSubmitted", details);
    }

    void succeeded(JsonNode output) {
        ObjectNode details = base();
        details.put("output", RunContext.text(output));
        run.event(plainFunction ? "LambdaFunctionSucceeded" : "TaskSucceeded", details);
    }

    StatesException failed(String error, String cause) {
        ObjectNode details = base();
        details.put("error", error);
        details.put("cause", cause);
        run.event(plainFunction ? "LambdaFunctionFailed" : "TaskFailed", details);
        return new StatesException(error, cause);
    }

    StatesException timedOut(String error, String cause) {
        ObjectNode details = base();
        details.put("error", error);
        details.put("cause", cause);
        run.event(plainFunction ? "LambdaFunctionTimedOut" : "TaskTimedOut", details);
        return new StatesException(error, cause);
    }

    private ObjectNode base() {
        ObjectNode details = RunContext.details();
        if (!plainFunction) {
            details.put("resourceType", "lambda");
            details.put("resource", task.resource().waitsForToken() ? "invoke.waitForTaskToken" : "invoke");
        }
        return details;
    }
}
