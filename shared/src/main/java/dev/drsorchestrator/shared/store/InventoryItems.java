package dev.drsorchestrator.shared.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.model.InventoryServer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB item of an inventory server, built field by field. Inventory sync writes every server of every account
 * on every run, and the generic {@link ItemMapper} path (record to JSON tree, a null-free copy of the tree, then
 * attribute values) was the largest allocation of the pipeline; this builds the same item — same attributes, same
 * values, null fields omitted at every depth, empty strings and collections kept — in one pass.
 * {@code InventoryItemsProperties} holds it equal to {@code ItemMapper.toItem}.
 */
final class InventoryItems {
    private InventoryItems() {
    }

    /** The item of {@code s}; equal to {@code new ItemMapper<>(InventoryServer.class).toItem(s)}. */
    static Map<String, AttributeValue> toItem(InventoryServer s) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(64);
        string(item, "sourceServerId", s.sourceServerId());
        string(item, "accountId", s.accountId());
        string(item, "region", s.region());
        string(item, "accountRegion", s.accountRegion());
        string(item, "hostname", s.hostname());
        string(item, "fqdn", s.fqdn());
        string(item, "nameTag", s.nameTag());
        string(item, "sourceInstanceId", s.sourceInstanceId());
        string(item, "sourceIp", s.sourceIp());
        string(item, "sourceMac", s.sourceMac());
        string(item, "sourceRegion", s.sourceRegion());
        string(item, "sourceAccount", s.sourceAccount());
        string(item, "sourceAvailabilityZone", s.sourceAvailabilityZone());
        string(item, "targetAvailabilityZone", s.targetAvailabilityZone());
        string(item, "os", s.os());
        string(item, "instanceType", s.instanceType());
        string(item, "state", s.state());
        string(item, "replicationState", s.replicationState());
        string(item, "lagDuration", s.lagDuration());
        string(item, "lastSeen", s.lastSeen());
        string(item, "lastLaunchResult", s.lastLaunchResult());
        if (s.replicatedStorageBytes() != null) {
            item.put("replicatedStorageBytes", AttributeValue.fromN(s.replicatedStorageBytes().toString()));
        }
        if (present(s.hardware())) {
            item.put("hardware", json(s.hardware()));
        }
        if (s.networkInterfaces() != null) {
            List<AttributeValue> nics = new ArrayList<>(s.networkInterfaces().size());
            s.networkInterfaces().forEach(nic -> nics.add(json(nic)));
            item.put("networkInterfaces", AttributeValue.fromL(nics));
        }
        tags(item, "drsTags", s.drsTags());
        tags(item, "tags", s.tags());
        string(item, "lastSyncedAt", s.lastSyncedAt());
        return item;
    }

    private static void string(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static void tags(Map<String, AttributeValue> item, String name, Map<String, String> tags) {
        if (tags == null) {
            return;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(Math.max(4, tags.size() * 2));
        tags.forEach((key, value) -> {
            if (value != null) {
                out.put(key, AttributeValue.fromS(value));
            }
        });
        item.put(name, AttributeValue.fromM(out));
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /**
     * A number as the generic path writes it: Jackson's tree reader strips a decimal's trailing zeros
     * ({@code JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES}), so {@code 2.50} is stored as {@code 2.5}.
     */
    private static String number(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Long.toString(node.longValue());
        }
        return node.isBigDecimal() ? node.decimalValue().stripTrailingZeros().toPlainString()
                : node.decimalValue().toPlainString();
    }

    /** A free-form JSON value as {@code AttributeValues.fromJson} maps it, fields with null values left out. */
    private static AttributeValue json(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return AttributeValue.fromNul(true);
        }
        if (node.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNull()) {
                    map.put(field.getKey(), json(field.getValue()));
                }
            }
            return AttributeValue.fromM(map);
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(json(element)));
            return AttributeValue.fromL(list);
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(number(node));
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.booleanValue());
        }
        return AttributeValue.fromS(node.asText());
    }
}
