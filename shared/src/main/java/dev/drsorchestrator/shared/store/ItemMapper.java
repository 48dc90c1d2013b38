package dev.drsorchestrator.shared.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.aws.AttributeValues;
import dev.drsorchestrator.shared.json.Json;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts a model record to a DynamoDB item and back through the project's one {@code ObjectMapper}, so items carry
 * the same camelCase JSON the API speaks: numbers stay exact (N as decimal text), nested records become maps and
 * lists, empty strings are kept and null fields (also nested ones) are omitted. Whole numbers in free-form
 * ({@code JsonNode}) fields read back as Jackson's parser would produce them (int, else long, else big integer;
 * fractions as double when a double holds them exactly, else as BigDecimal), so a node built by parsing JSON compares
 * equal after a round trip.
 *
 * <pre>{@code
 * ItemMapper<ProtectionGroup> mapper = new ItemMapper<>(ProtectionGroup.class);
 * Map<String, AttributeValue> item = mapper.toItem(group);
 * ProtectionGroup back = mapper.fromItem(item);   // equals group
 * }</pre>
 *
 * @param <T> the record type
 */
public final class ItemMapper<T> {
    private final Class<T> type;

    /** A mapper for one record type. */
    public ItemMapper(Class<T> type) {
        this.type = type;
    }

    /** The item of a record, null fields omitted. */
    public Map<String, AttributeValue> toItem(T value) {
        JsonNode tree = Json.mapper().valueToTree(value);
        if (!tree.isObject()) {
            throw new IllegalArgumentException(type.getSimpleName() + " does not map to a DynamoDB item");
        }
        return AttributeValues.itemFromJson((ObjectNode) withoutNulls(tree));
    }

    /** The record of an item; attributes the record does not declare (index keys like nameLower) are ignored. */
    public T fromItem(Map<String, AttributeValue> item) {
        try {
            return Json.mapper().treeToValue(canonical(AttributeValues.itemToJson(item)), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored item does not match " + type.getSimpleName(), e);
        }
    }

    /** The attribute value of a nested value (a wave, a list of servers), null fields omitted. */
    public static AttributeValue toAttribute(Object value) {
        return AttributeValues.fromJson(withoutNulls(Json.mapper().valueToTree(value)));
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.fields().forEachRemaining(field -> field.setValue(canonical(field.getValue())));
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, canonical(array.get(i)));
            }
            return array;
        }
        if (node.isIntegralNumber() || node.isBigDecimal() && node.decimalValue().scale() <= 0) {
            java.math.BigInteger whole = node.bigIntegerValue();
            if (whole.bitLength() < Integer.SIZE) {
                return JsonNodeFactory.instance.numberNode(whole.intValue());
            }
            return whole.bitLength() < Long.SIZE ? JsonNodeFactory.instance.numberNode(whole.longValue())
                    : JsonNodeFactory.instance.numberNode(whole);
        }
        if (node.isBigDecimal()) {
            double asDouble = node.doubleValue();
            if (Double.isFinite(asDouble) && new java.math.BigDecimal(Double.toString(asDouble))
                    .compareTo(node.decimalValue()) == 0) {
                return JsonNodeFactory.instance.numberNode(asDouble);
            }
        }
        return node;
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    copy.set(field.getKey(), withoutNulls(field.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(withoutNulls(item)));
            return copy;
        }
        return node;
    }
}
