package dev.drsorchestrator.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Reads the properties of one {@code AWS::DynamoDB::Table} into a {@link TableSpec}, naming the field on any error. */
final class TableSpecReader {

    static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    private static final Pattern TABLE_NAME = Pattern.compile("\\$\\{ProjectName}-([a-z0-9][a-z0-9.-]*)-\\$\\{Environment}");

    private final String where;
    private final JsonNode properties;

    private TableSpecReader(String source, CfnResource resource) {
        this.where = source + ": " + TABLE_TYPE + " " + resource.logicalId() + ": Properties.";
        this.properties = resource.properties();
    }

    static TableSpec read(String source, CfnResource resource) {
        return new TableSpecReader(source, resource).read(resource.logicalId());
    }

    private TableSpec read(String logicalId) {
        List<AttributeDefinition> attributes = attributeDefinitions();
        Set<String> defined = new HashSet<>();
        attributes.forEach(attribute -> defined.add(attribute.attributeName()));
        List<KeySchemaElement> keySchema = keySchema(properties.get("KeySchema"), "KeySchema", defined);
        BillingMode billingMode = billingMode();
        boolean provisioned = billingMode == BillingMode.PROVISIONED;
        Optional<ProvisionedThroughput> throughput = provisioned
                ? Optional.of(throughput(properties.get("ProvisionedThroughput"), "ProvisionedThroughput"))
                : Optional.empty();
        return new TableSpec(
                logicalId,
                TableSpec.upperSnake(logicalId),
                nameSuffix(),
                attributes,
                keySchema,
                globalIndexes(defined, provisioned),
                localIndexes(defined),
                billingMode,
                throughput,
                streamViewType(),
                ttlAttribute());
    }

    private String nameSuffix() {
        JsonNode name = properties.get("TableName");
        JsonNode sub = name == null ? null : name.get("Fn::Sub");
        if (sub != null && sub.isArray() && sub.size() > 0) {
            sub = sub.get(0);
        }
        if (sub == null || !sub.isTextual()) {
            throw fail("TableName is required and must be !Sub \"${ProjectName}-<suffix>-${Environment}\"");
        }
        Matcher matcher = TABLE_NAME.matcher(sub.asText());
        if (!matcher.matches()) {
            throw fail("TableName must match ${ProjectName}-<suffix>-${Environment} with a lower-case suffix, got '"
                    + sub.asText() + "'");
        }
        return matcher.group(1);
    }

    private List<AttributeDefinition> attributeDefinitions() {
        JsonNode list = nonEmptyList(properties.get("AttributeDefinitions"), "AttributeDefinitions");
        List<AttributeDefinition> attributes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "AttributeDefinitions[" + i + "]";
            String name = text(list.get(i), "AttributeName", field);
            String type = text(list.get(i), "AttributeType", field);
            if (!Set.of("S", "N", "B").contains(type)) {
                throw fail(field + ".AttributeType must be S, N or B, got '" + type + "'");
            }
            if (!seen.add(name)) {
                throw fail(field + ".AttributeName '" + name + "' is defined twice");
            }
            attributes.add(AttributeDefinition.builder()
                    .attributeName(name).attributeType(ScalarAttributeType.fromValue(type)).build());
        }
        return attributes;
    }

    private List<KeySchemaElement> keySchema(JsonNode node, String field, Set<String> defined) {
        JsonNode list = nonEmptyList(node, field);
        if (list.size() > 2) {
            throw fail(field + " must have one HASH and at most one RANGE element");
        }
        List<KeySchemaElement> keys = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String element = field + "[" + i + "]";
            String name = text(list.get(i), "AttributeName", element);
            String type = text(list.get(i), "KeyType", element);
            String expected = i == 0 ? "HASH" : "RANGE";
            if (!type.equals(expected)) {
                throw fail(element + ".KeyType must be " + expected + ", got '" + type + "'");
            }
            if (!defined.contains(name)) {
                throw fail(element + ".AttributeName '" + name + "' is not in AttributeDefinitions");
            }
            keys.add(KeySchemaElement.builder().attributeName(name).keyType(KeyType.fromValue(type)).build());
        }
        return keys;
    }

    private List<GlobalSecondaryIndex> globalIndexes(Set<String> defined, boolean provisioned) {
        JsonNode list = properties.get("GlobalSecondaryIndexes");
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        if (list == null) {
            return indexes;
        }
        requireList(list, "GlobalSecondaryIndexes");
        for (int i = 0; i < list.size(); i++) {
            String field = "GlobalSecondaryIndexes[" + i + "]";
            JsonNode index = list.get(i);
            GlobalSecondaryIndex.Builder builder = GlobalSecondaryIndex.builder()
                    .indexName(text(index, "IndexName", field))
                    .keySchema(keySchema(index.get("KeySchema"), field + ".KeySchema", defined))
                    .projection(projection(index.get("Projection"), field + ".Projection"));
            if (provisioned) {
                builder.provisionedThroughput(
                        throughput(index.get("ProvisionedThroughput"), field + ".ProvisionedThroughput"));
            }
            indexes.add(builder.build());
        }
        return indexes;
    }

    private List<LocalSecondaryIndex> localIndexes(Set<String> defined) {
        JsonNode list = properties.get("LocalSecondaryIndexes");
        List<LocalSecondaryIndex> indexes = new ArrayList<>();
        if (list == null) {
            return indexes;
        }
        requireList(list, "LocalSecondaryIndexes");
        for (int i = 0; i < list.size(); i++) {
            String field = "LocalSecondaryIndexes[" + i + "]";
            JsonNode index = list.get(i);
            indexes.add(LocalSecondaryIndex.builder()
                    .indexName(text(index, "IndexName", field))
                    .keySchema(keySchema(index.get("KeySchema"), field + ".KeySchema", defined))
                    .projection(projection(index.get("Projection"), field + ".Projection"))
                    .build());
        }
        return indexes;
    }

    private Projection projection(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw fail(field + " is required and must be a mapping");
        }
        String type = text(node, "ProjectionType", field);
        if (!Set.of("ALL", "KEYS_ONLY", "INCLUDE").contains(type)) {
            throw fail(field + ".ProjectionType must be ALL, KEYS_ONLY or INCLUDE, got '" + type + "'");
        }
        Projection.Builder projection = Projection.builder().projectionType(ProjectionType.fromValue(type));
        if (type.equals("INCLUDE")) {
            JsonNode attributes = nonEmptyList(node.get("NonKeyAttributes"), field + ".NonKeyAttributes");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < attributes.size(); i++) {
                if (!attributes.get(i).isTextual()) {
                    throw fail(field + ".NonKeyAttributes[" + i + "] must be a string");
                }
                names.add(attributes.get(i).asText());
            }
            projection.nonKeyAttributes(names);
        }
        return projection.build();
    }

    private BillingMode billingMode() {
        JsonNode mode = properties.get("BillingMode");
        if (mode == null) {
            return BillingMode.PROVISIONED;
        }
        if (!mode.isTextual() || !Set.of("PAY_PER_REQUEST", "PROVISIONED").contains(mode.asText())) {
            throw fail("BillingMode must be PAY_PER_REQUEST or PROVISIONED");
        }
        return BillingMode.fromValue(mode.asText());
    }

    private ProvisionedThroughput throughput(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw fail(field + " is required with BillingMode PROVISIONED");
        }
        return ProvisionedThroughput.builder()
                .readCapacityUnits(positiveLong(node, "ReadCapacityUnits", field))
                .writeCapacityUnits(positiveLong(node, "WriteCapacityUnits", field))
                .build();
    }

    private Optional<StreamViewType> streamViewType() {
        JsonNode spec = properties.get("StreamSpecification");
        if (spec == null) {
            return Optional.empty();
        }
        String view = text(spec, "StreamViewType", "StreamSpecification");
        if (!Set.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY").contains(view)) {
            throw fail("StreamSpecification.StreamViewType must be NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES or "
                    + "KEYS_ONLY, got '" + view + "'");
        }
        return Optional.of(StreamViewType.fromValue(view));
    }

    private Optional<String> ttlAttribute() {
        JsonNode spec = properties.get("TimeToLiveSpecification");
        if (spec == null) {
            return Optional.empty();
        }
        JsonNode enabled = spec.get("Enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw fail("TimeToLiveSpecification.Enabled is required and must be true or false");
        }
        if (!enabled.booleanValue()) {
            return Optional.empty();
        }
        return Optional.of(text(spec, "AttributeName", "TimeToLiveSpecification"));
    }

    private JsonNode nonEmptyList(JsonNode node, String field) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw fail(field + " is required and must be a non-empty list");
        }
        return node;
    }

    private void requireList(JsonNode node, String field) {
        if (!node.isArray()) {
            throw fail(field + " must be a list");
        }
    }

    private String text(JsonNode parent, String name, String field) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw fail(field + "." + name + " is required and must be a literal string");
        }
        return value.asText();
    }

    private long positiveLong(JsonNode parent, String name, String field) {
        JsonNode value = parent.get(name);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
            throw fail(field + "." + name + " is required and must be a literal positive integer");
        }
        return value.asLong();
    }

    private CfnTemplateException fail(String message) {
        return new CfnTemplateException(where + message);
    }
}
