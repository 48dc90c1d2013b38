package dev.drsorchestrator.shared.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PaginationTest {
    private final Pagination pagination = new Pagination("k".getBytes(StandardCharsets.UTF_8));
    private final ObjectNode position = Json.mapper().createObjectNode().put("executionId", "e-9").put("planId", "p-1");

    @Test
    void read_shouldReturnPosition_whenTokenFromSameQuery() {
        String token = pagination.nextToken(position, "list_executions|status=RUNNING");
        Pagination.Page page = pagination.read("20", token, "list_executions|status=RUNNING");
        assertThat(page.limit()).isEqualTo(20);
        assertThat(page.position()).contains(position);
    }

    @Test
    void read_shouldDefaultLimit_whenNoParameters() {
        assertThat(pagination.read(null, null, "q")).isEqualTo(new Pagination.Page(50, java.util.Optional.empty()));
    }

    @Test
    void read_shouldReject_whenLimitOutOfRange() {
        for (String bad : new String[] {"0", "101", "ten", "-1"}) {
            assertThatThrownBy(() -> pagination.read(bad, null, "q")).isInstanceOf(ValidationException.class)
                    .hasMessage("Field 'limit' must be an integer between 1 and 100");
        }
    }

    @Test
    void read_shouldReject_whenTokenFromAnotherQuery() {
        String token = pagination.nextToken(position, "list_executions|status=RUNNING");
        assertThatThrownBy(() -> pagination.read(null, token, "list_executions|status=FAILED"))
                .hasMessage("Field 'nextToken' is invalid or belongs to another query");
    }

    @Test
    void read_shouldReject_whenTokenTamperedOrGarbage() {
        String token = pagination.nextToken(position, "q");
        String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).replace("e-9", "e-1");
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> pagination.read(null, tampered, "q"))
                .hasMessage("Field 'nextToken' is invalid or belongs to another query");
        assertThatThrownBy(() -> pagination.read(null, "%%%not-base64", "q"))
                .hasMessage("Field 'nextToken' is invalid or belongs to another query");
        Pagination otherKey = new Pagination("other".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> otherKey.read(null, token, "q")).isInstanceOf(ValidationException.class);
    }

    @Test
    void nextToken_shouldBeNull_whenNoMorePages() {
        assertThat(pagination.nextToken(null, "q")).isNull();
        assertThat(pagination.nextToken(Json.mapper().createObjectNode(), "q")).isNull();
    }
}
