package dev.drsorchestrator.local.stepfunctions;

import java.time.Instant;
import java.util.Optional;

/**
 * An execution as DescribeExecution reports it, at one moment.
 *
 * @param executionArn    {@code arn:aws:states:<region>:<account>:execution:<machine>:<name>}
 * @param stateMachineArn the machine it runs
 * @param name            the execution name
 * @param status          RUNNING until it ends
 * @param input           the input JSON text
 * @param output          the output JSON text once SUCCEEDED
 * @param error           the error name once FAILED, TIMED_OUT or ABORTED (when given)
 * @param cause           the cause, likewise
 * @param startDate       when it started
 * @param stopDate        when it ended
 */
public record ExecutionSnapshot(String executionArn, String stateMachineArn, String name, ExecutionStatus status,
        String input, Optional<String> output, Optional<String> error, Optional<String> cause, Instant startDate,
        Optional<Instant> stopDate) {
}
