package dev.drsorchestrator.execution;

import dev.drsorchestrator.shared.config.Env;
import java.util.Optional;

/**
 * What the execution handler reads from its environment: the state machine it starts, the SNS topic it notifies,
 * how often a wave is polled and how long a wave may take.
 *
 * @param stateMachineArn    {@code STATE_MACHINE_ARN}; starting an execution needs it
 * @param topicArn           {@code EXECUTION_NOTIFICATION_TOPIC_ARN}; empty: notifications are only logged
 * @param pollSeconds        {@code WAVE_POLL_SECONDS}, default 30
 * @param waveTimeoutSeconds {@code WAVE_TIMEOUT_SECONDS}, default 14400 (4 h)
 * @param hubAccountId       {@code AWS_ACCOUNT_ID}; empty: asked of STS when a hub group selects servers by tag
 */
record ExecutionSettings(Optional<String> stateMachineArn, Optional<String> topicArn, int pollSeconds,
        int waveTimeoutSeconds, Optional<String> hubAccountId) {

    static ExecutionSettings from(Env env) {
        return new ExecutionSettings(env.optional("STATE_MACHINE_ARN"),
                env.optional("EXECUTION_NOTIFICATION_TOPIC_ARN"),
                env.positiveInt("WAVE_POLL_SECONDS", 30),
                env.positiveInt("WAVE_TIMEOUT_SECONDS", 4 * 3600),
                env.optional("AWS_ACCOUNT_ID"));
    }

    /** Polls after which a wave that has not finished is TIMEOUT. */
    long maxPolls() {
        return Math.max(1, waveTimeoutSeconds / pollSeconds);
    }
}
