package dev.drsorchestrator.shared.inventory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.json.Json;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CloudWatch embedded-metric-format lines for inventory sync: one JSON object per sync whose {@code _aws} member
 * declares the metrics, so CloudWatch Logs extracts them without a PutMetricData call. Lines go to the {@code EMF}
 * logger, which logback writes as the bare message (EMF must be the whole log event).
 */
public final class SyncMetrics {
    /** The metric namespace. */
    public static final String NAMESPACE = "DRSOrchestration/InventorySync";
    private static final Logger EMF = LoggerFactory.getLogger("EMF");
    private static final String[][] METRICS = {
        {"ServerCount", "Count"}, {"SuccessCount", "Count"}, {"FailureCount", "Count"},
        {"DurationSeconds", "Seconds"}, {"RegionCount", "Count"}};

    private SyncMetrics() {
    }

    /** The EMF object of one sync, dimensioned by pipeline ({@code parallel} or {@code sequential}). */
    public static ObjectNode line(SyncOutcome outcome, String pipeline, Duration duration, Instant at) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", at.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Pipeline");
        ArrayNode metrics = directive.putArray("Metrics");
        for (String[] metric : METRICS) {
            metrics.addObject().put("Name", metric[0]).put("Unit", metric[1]);
        }
        root.put("Pipeline", pipeline);
        root.put("ServerCount", outcome.serverCount());
        root.put("SuccessCount", outcome.successCount());
        root.put("FailureCount", outcome.failureCount());
        root.put("DurationSeconds", duration.toMillis() / 1000.0);
        root.put("RegionCount", outcome.regionCount());
        return root;
    }

    /** Emits the line. */
    public static void emit(SyncOutcome outcome, String pipeline, Duration duration, Instant at) {
        EMF.info(Json.write(line(outcome, pipeline, duration, at)));
    }
}
