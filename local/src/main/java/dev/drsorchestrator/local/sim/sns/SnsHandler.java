package dev.drsorchestrator.local.sim.sns;

import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.http.Page;
import dev.drsorchestrator.local.sim.http.QueryParams;
import dev.drsorchestrator.local.sim.http.QueryServiceHandler;
import dev.drsorchestrator.local.sim.http.SimRequest;
import dev.drsorchestrator.local.sim.http.Xml;
import dev.drsorchestrator.local.sim.model.Fleet;
import dev.drsorchestrator.local.sim.model.SnsMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Simulated SNS: topics per account and region, and every published message kept for tests to read. */
public final class SnsHandler extends QueryServiceHandler {
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final Fleet fleet;

    public SnsHandler(Fleet fleet) {
        super("sns", "http://sns.amazonaws.com/doc/2010-03-31/", "2010-03-31",
                Set.of("CreateTopic", "ListTopics", "Publish"));
        this.fleet = fleet;
    }

    @Override
    protected String perform(String action, SimRequest request, Map<String, String> params) {
        return switch (action) {
            case "CreateTopic" -> createTopic(request, params);
            case "ListTopics" -> listTopics(request, params);
            default -> publish(request, params);
        };
    }

    private String createTopic(SimRequest request, Map<String, String> params) {
        String name = required(params, "Name");
        if (!name.matches("[A-Za-z0-9_-]{1,256}(\\.fifo)?")) {
            throw new AwsException("InvalidParameter", 400, "Invalid parameter: Topic Name");
        }
        String arn = fleet.createTopic(request.accountId(), request.region(), name);
        return Xml.fragment().leaf("TopicArn", arn).toString();
    }

    private String listTopics(SimRequest request, Map<String, String> params) {
        Page<String> page;
        try {
            page = Page.of(fleet.topics(request.accountId(), request.region()), params.get("NextToken"), 100);
        } catch (IllegalArgumentException e) {
            throw new AwsException("InvalidParameter", 400, "Invalid parameter: NextToken");
        }
        Xml xml = Xml.fragment().open("Topics");
        page.items().forEach(arn -> xml.open("member").leaf("TopicArn", arn).close("member"));
        return xml.close("Topics").leaf("NextToken", page.nextToken()).toString();
    }

    private String publish(SimRequest request, Map<String, String> params) {
        String topic = params.getOrDefault("TopicArn", params.get("TargetArn"));
        if (topic == null || topic.isEmpty()) {
            throw new AwsException("InvalidParameter", 400, "Invalid parameter: TopicArn or TargetArn Reason: no"
                    + " value for required parameter");
        }
        String message = required(params, "Message");
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new AwsException("InvalidParameter", 400, "Invalid parameter: Message too long");
        }
        String subject = params.get("Subject");
        if (subject != null && (subject.isEmpty() || subject.length() > 100)) {
            throw new AwsException("InvalidParameter", 400, "Invalid parameter: Subject");
        }
        List<String> topics = fleet.topics(request.accountId(), request.region());
        if (!topics.contains(topic)) {
            throw new AwsException("NotFound", 404, "Topic does not exist");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int index : QueryParams.indexes(params, "MessageAttributes.entry")) {
            String prefix = "MessageAttributes.entry." + index + ".";
            String name = params.get(prefix + "Name");
            String value = params.getOrDefault(prefix + "Value.StringValue", params.get(prefix + "Value.BinaryValue"));
            if (name == null || value == null) {
                throw new AwsException("InvalidParameterValue", 400, "The message attribute at index " + index
                        + " needs a Name and a Value");
            }
            attributes.put(name, value);
        }
        String id = fleet.ids().uuid();
        fleet.recordSnsMessage(new SnsMessage(id, request.accountId(), request.region(), topic, subject, message,
                attributes, fleet.now()));
        return Xml.fragment().leaf("MessageId", id).toString();
    }
}
