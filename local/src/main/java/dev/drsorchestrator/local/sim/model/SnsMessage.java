package dev.drsorchestrator.local.sim.model;

import java.time.Instant;
import java.util.Map;

/** A message published to simulated SNS, kept so tests can assert what the system sent. */
public record SnsMessage(String messageId, String accountId, String region, String topicArn, String subject,
                         String message, Map<String, String> attributes, Instant publishedAt) {
    public SnsMessage {
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }
}
