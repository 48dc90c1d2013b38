package dev.drsorchestrator.local.stepfunctions;

import java.time.Instant;

/**
 * A created state machine as DescribeStateMachine reports it.
 *
 * @param stateMachineArn {@code arn:aws:states:<region>:<account>:stateMachine:<name>}
 * @param name            its name
 * @param definition      the ASL text as given
 * @param roleArn         the role it runs as (exposed as {@code $$.Execution.RoleArn})
 * @param creationDate    when it was created
 */
public record StateMachineInfo(String stateMachineArn, String name, String definition, String roleArn,
        Instant creationDate) {
}
