package dev.drsorchestrator.shared.gateway;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/** The Step Functions calls of the execution handler: start, pause/resume via task tokens, cancel, inspect. */
public final class SfnGateway {
    private static final String SERVICE = "sfn";

    private final SfnClient sfn;

    SfnGateway(SfnClient sfn) {
        this.sfn = sfn;
    }

    /** Starts an execution named {@code name} (the idempotency key) with JSON input; returns its ARN. */
    public String startExecution(String stateMachineArn, String name, String inputJson) {
        return AwsFailures.call(SERVICE, "StartExecution", () -> sfn.startExecution(b -> b
                .stateMachineArn(stateMachineArn).name(name).input(inputJson)).executionArn());
    }

    /** Resumes a task waiting for {@code taskToken} with JSON output. */
    public void sendTaskSuccess(String taskToken, String outputJson) {
        AwsFailures.run(SERVICE, "SendTaskSuccess",
                () -> sfn.sendTaskSuccess(b -> b.taskToken(taskToken).output(outputJson)));
    }

    /** Fails a task waiting for {@code taskToken}. */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        AwsFailures.run(SERVICE, "SendTaskFailure",
                () -> sfn.sendTaskFailure(b -> b.taskToken(taskToken).error(error).cause(cause)));
    }

    /** Stops a running execution. */
    public void stopExecution(String executionArn, String error, String cause) {
        AwsFailures.run(SERVICE, "StopExecution",
                () -> sfn.stopExecution(b -> b.executionArn(executionArn).error(error).cause(cause)));
    }

    /** The status of an execution. */
    public ExecutionStatus describeExecution(String executionArn) {
        DescribeExecutionResponse r = AwsFailures.call(SERVICE, "DescribeExecution",
                () -> sfn.describeExecution(b -> b.executionArn(executionArn)));
        return new ExecutionStatus(r.executionArn(), r.stateMachineArn(), r.name(), r.statusAsString(),
                r.startDate() == null ? null : r.startDate().toString(),
                r.stopDate() == null ? null : r.stopDate().toString(), r.input(), r.output(), r.error(), r.cause());
    }

    /**
     * A Step Functions execution as the execution handler needs it.
     *
     * @param executionArn    its ARN
     * @param stateMachineArn the state machine
     * @param name            the execution name
     * @param status          RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE
     * @param startDate       ISO-8601
     * @param stopDate        ISO-8601, null while running
     * @param input           the JSON input
     * @param output          the JSON output, null unless succeeded
     * @param error           the error name on failure
     * @param cause           the failure cause
     */
    public record ExecutionStatus(String executionArn, String stateMachineArn, String name, String status,
                                  String startDate, String stopDate, String input, String output, String error,
                                  String cause) {
    }
}
