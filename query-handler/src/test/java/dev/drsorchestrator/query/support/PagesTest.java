package dev.drsorchestrator.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.Pagination;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PagesTest {
    private final Pagination pagination = new Pagination("pages-test".getBytes(StandardCharsets.UTF_8));

    @Property(tries = 200)
    void slice_shouldReturnEveryItemOnceInOrder_whenFollowingTokens(@ForAll @IntRange(max = 250) int size,
            @ForAll @IntRange(min = 1, max = 100) int limit) {
        // GIVEN a list and a page size
        List<Integer> all = IntStream.range(0, size).boxed().toList();

        // WHEN every page is read by following nextToken
        List<Integer> seen = new ArrayList<>();
        String token = null;
        do {
            Pages.Slice<Integer> slice = Pages.slice(all,
                    pagination.read(String.valueOf(limit), token, "q"), pagination, "q");
            assertThat(slice.items()).hasSizeLessThanOrEqualTo(limit);
            seen.addAll(slice.items());
            token = slice.nextToken();
        } while (token != null);

        // THEN the pages add up to the list
        assertThat(seen).isEqualTo(all);
    }

    @Test
    void read_shouldRefuseTheToken_whenItBelongsToAnotherQuery() {
        // GIVEN a token of query "a"
        String token = Pages.slice(List.of(1, 2, 3), pagination.read("1", null, "a"), pagination, "a").nextToken();

        // WHEN it is presented with query "b" THEN it is a 400 naming nextToken
        assertThatThrownBy(() -> pagination.read("1", token, "b")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'nextToken'");
    }
}
