package dev.drsorchestrator.query.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.Pagination;
import dev.drsorchestrator.shared.json.Json;
import java.util.List;

/**
 * Pages over a list already held in memory (tables read whole, like protection groups): the position is an offset,
 * bound to the query by the page token like every other position.
 */
public final class Pages {
    private Pages() {
    }

    /** A slice of a list and the token of the next slice (null on the last). */
    public record Slice<T>(List<T> items, String nextToken) {
    }

    /** The page {@code page} asks for. */
    public static <T> Slice<T> slice(List<T> all, Pagination.Page page, Pagination pagination, String query) {
        int offset = page.position().map(p -> p.path("offset").asInt(-1)).orElse(0);
        if (offset < 0 || offset > all.size()) {
            throw new ValidationException("Field 'nextToken' is invalid or belongs to another query");
        }
        int end = Math.min(all.size(), offset + page.limit());
        String next = null;
        if (end < all.size()) {
            ObjectNode position = Json.mapper().createObjectNode();
            position.put("offset", end);
            next = pagination.nextToken(position, query);
        }
        return new Slice<>(List.copyOf(all.subList(offset, end)), next);
    }
}
