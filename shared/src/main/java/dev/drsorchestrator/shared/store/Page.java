package dev.drsorchestrator.shared.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.aws.AttributeValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of a paginated query: the items and DynamoDB's LastEvaluatedKey as JSON, which callers wrap in a
 * {@code handler/Pagination} token and pass back as {@code startKey} for the next page.
 *
 * @param items            the items of this page
 * @param lastEvaluatedKey where the next page starts; empty on the last page
 * @param <T>              item type
 */
public record Page<T>(List<T> items, Optional<ObjectNode> lastEvaluatedKey) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    static <T> Page<T> of(List<T> items, Map<String, AttributeValue> lastKey) {
        return new Page<>(items, lastKey == null || lastKey.isEmpty()
                ? Optional.empty() : Optional.of(AttributeValues.itemToJson(lastKey)));
    }

    static Map<String, AttributeValue> startKey(Optional<ObjectNode> position) {
        return position.map(AttributeValues::itemFromJson).orElse(null);
    }
}
