package dev.drsorchestrator.shared.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between JSON trees and DynamoDB attribute values, so stores keep items in the same camelCase JSON the API
 * speaks and nested documents (parameters, waves) survive a round trip unchanged.
 */
public final class AttributeValues {
    private AttributeValues() {
    }

    /** The attribute value of a JSON node: objects to M, arrays to L, strings to S, numbers to N, booleans, null. */
    public static AttributeValue fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return AttributeValue.fromNul(true);
        }
        if (node.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> map.put(f.getKey(), fromJson(f.getValue())));
            return AttributeValue.fromM(map);
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            node.forEach(item -> list.add(fromJson(item)));
            return AttributeValue.fromL(list);
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(node.decimalValue().toPlainString());
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.booleanValue());
        }
        return AttributeValue.fromS(node.asText());
    }

    /** An item (top-level map) from a JSON object. */
    public static Map<String, AttributeValue> itemFromJson(ObjectNode object) {
        return fromJson(object).m();
    }

    /** The JSON node of an attribute value; sets become arrays, binary becomes base64 text. */
    public static JsonNode toJson(AttributeValue value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return f.nullNode();
        }
        if (value.s() != null) {
            return f.textNode(value.s());
        }
        if (value.n() != null) {
            BigDecimal number = new BigDecimal(value.n());
            return number.scale() <= 0 && number.precision() - number.scale() <= 18
                    ? f.numberNode(number.longValueExact()) : f.numberNode(number);
        }
        if (value.bool() != null) {
            return f.booleanNode(value.bool());
        }
        if (value.hasM()) {
            return itemToJson(value.m());
        }
        if (value.hasL()) {
            ArrayNode array = f.arrayNode();
            value.l().forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value.hasSs()) {
            ArrayNode array = f.arrayNode();
            value.ss().forEach(array::add);
            return array;
        }
        if (value.hasNs()) {
            ArrayNode array = f.arrayNode();
            value.ns().forEach(n -> array.add(new BigDecimal(n)));
            return array;
        }
        if (value.b() != null) {
            return f.textNode(java.util.Base64.getEncoder().encodeToString(value.b().asByteArray()));
        }
        return f.nullNode();
    }

    /** A JSON object from an item. */
    public static ObjectNode itemToJson(Map<String, AttributeValue> item) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        item.forEach((key, value) -> object.set(key, toJson(value)));
        return object;
    }
}
