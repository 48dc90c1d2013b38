package dev.drsorchestrator.shared.notification;

import dev.drsorchestrator.shared.gateway.SnsGateway;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends execution notifications as plain text through SNS. A notification must never fail the recovery it reports
 * on: without a topic it only logs, and a failed publish is logged by {@link SnsGateway} and reported as false.
 *
 * <pre>{@code
 * notifier.notify(new ExecutionNotice(ExecutionEvent.EXECUTION_PAUSED, "Prod web", planId, executionId, "DRILL",
 *         1, "App tier", null, List.of()));
 * }</pre>
 */
public final class ExecutionNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionNotifier.class);

    private final Optional<SnsGateway> sns;
    private final Optional<String> topicArn;

    /** A notifier publishing to {@code topicArn}; empty topic means notifications are only logged. */
    public ExecutionNotifier(Optional<SnsGateway> sns, Optional<String> topicArn) {
        this.sns = sns;
        this.topicArn = topicArn.filter(t -> !t.isBlank());
    }

    /** Publishes the notice; returns whether SNS accepted it. Never throws for an AWS failure. */
    public boolean notify(ExecutionNotice notice) {
        String subject = NoticeText.subject(notice);
        if (topicArn.isEmpty() || sns.isEmpty()) {
            LOG.info("No notification topic configured; not sent: {}", subject);
            return false;
        }
        try {
            SnsGateway.PublishResult result = sns.get().publish(topicArn.get(), subject, NoticeText.body(notice),
                    Map.of("event", notice.event().name(), "executionId", notice.executionId(),
                            "planId", notice.planId()));
            return result instanceof SnsGateway.PublishResult.Published;
        } catch (RuntimeException e) {
            LOG.warn("Notification {} for execution {} could not be sent", notice.event(), notice.executionId(), e);
            return false;
        }
    }
}
