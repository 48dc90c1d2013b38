package dev.drsorchestrator.shared.gateway;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Notifications. A notification must never fail the recovery it reports on, so {@link #publish} never throws an AWS
 * failure: it logs it and returns {@link PublishResult.Failed}.
 */
public final class SnsGateway {
    /** SNS's limit on a subject's length. */
    public static final int MAX_SUBJECT_LENGTH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SnsGateway.class);

    private final SnsClient sns;

    SnsGateway(SnsClient sns) {
        this.sns = sns;
    }

    /** Publishes a message with a subject (cut to 100 characters) and string attributes. */
    public PublishResult publish(String topicArn, String subject, String message, Map<String, String> attributes) {
        Map<String, MessageAttributeValue> attrs = new HashMap<>();
        if (attributes != null) {
            attributes.forEach((k, v) -> attrs.put(k, MessageAttributeValue.builder().dataType("String")
                    .stringValue(v).build()));
        }
        String cut = subject == null || subject.length() <= MAX_SUBJECT_LENGTH ? subject
                : subject.substring(0, MAX_SUBJECT_LENGTH);
        try {
            String id = AwsFailures.call("sns", "Publish", () -> sns.publish(b -> b.topicArn(topicArn).subject(cut)
                    .message(message).messageAttributes(attrs)).messageId());
            return new PublishResult.Published(id);
        } catch (AwsCallFailure failure) {
            LOG.warn("SNS publish to {} failed: {} ({}, retryable={})", topicArn, failure.errorCode(),
                    failure.errorType().wireName(), failure.retryable());
            return new PublishResult.Failed(failure.errorCode(), failure.errorType(), failure.retryable());
        }
    }

    /** The outcome of one publish. */
    public sealed interface PublishResult {
        /**
         * SNS accepted the message.
         *
         * @param messageId SNS's id for it
         */
        record Published(String messageId) implements PublishResult {
        }

        /**
         * SNS did not accept the message.
         *
         * @param errorCode the AWS error code
         * @param errorType seed 002's error type
         * @param retryable whether publishing again may succeed
         */
        record Failed(String errorCode, AwsErrorType errorType, boolean retryable) implements PublishResult {
        }
    }
}
