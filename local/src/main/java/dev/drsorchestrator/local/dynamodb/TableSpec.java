package dev.drsorchestrator.local.dynamodb;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * What one {@code AWS::DynamoDB::Table} of the template asks for, in SDK terms, independent of the name prefix.
 * Encryption and point-in-time recovery are production properties with no meaning in DynamoDB Local and are not
 * carried.
 */
record TableSpec(
        String logicalId,
        String envVariable,
        String nameSuffix,
        List<AttributeDefinition> attributeDefinitions,
        List<KeySchemaElement> keySchema,
        List<GlobalSecondaryIndex> globalSecondaryIndexes,
        List<LocalSecondaryIndex> localSecondaryIndexes,
        BillingMode billingMode,
        Optional<ProvisionedThroughput> provisionedThroughput,
        Optional<StreamViewType> streamViewType,
        Optional<String> ttlAttribute) {

    TableSpec {
        attributeDefinitions = List.copyOf(attributeDefinitions);
        keySchema = List.copyOf(keySchema);
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
    }

    /** The table name for one deployment: {@code prefix-suffix}. */
    String tableName(String namePrefix) {
        return namePrefix + "-" + nameSuffix;
    }

    CreateTableRequest createRequest(String tableName) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(attributeDefinitions)
                .keySchema(keySchema)
                .billingMode(billingMode);
        if (!globalSecondaryIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalSecondaryIndexes);
        }
        if (!localSecondaryIndexes.isEmpty()) {
            request.localSecondaryIndexes(localSecondaryIndexes);
        }
        provisionedThroughput.ifPresent(request::provisionedThroughput);
        streamViewType.ifPresent(view -> request.streamSpecification(
                StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()));
        return request.build();
    }

    /** {@code ProtectionGroupsTable} → {@code PROTECTION_GROUPS_TABLE}; acronyms stay together ({@code KMSKey} → {@code KMS_KEY}). */
    static String upperSnake(String logicalId) {
        StringBuilder out = new StringBuilder(logicalId.length() + 8);
        for (int i = 0; i < logicalId.length(); i++) {
            char c = logicalId.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char previous = logicalId.charAt(i - 1);
                boolean nextIsLower = i + 1 < logicalId.length() && Character.isLowerCase(logicalId.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextIsLower)) {
                    out.append('_');
                }
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }
}
