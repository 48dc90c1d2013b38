package dev.drsorchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagSelectionTest {

    @Test
    void matches_shouldAcceptAServer_whenEverySelectorTagHasTheSameValue() {
        // GIVEN a DRS source server with three tags
        JsonNode server = server("{\"Tier\":\"db\",\"Environment\":\"production\",\"Name\":\"crm-db-36\"}");

        // WHEN / THEN a selector that is a subset of its tags matches
        assertThat(TagSelection.matches(server, Map.of("Tier", "db", "Environment", "production"))).isTrue();
    }

    @Test
    void matches_shouldRejectAServer_whenATagIsMissingOrDiffersInValueOrCase() {
        // GIVEN a server tagged Tier=db
        JsonNode server = server("{\"Tier\":\"db\"}");

        // WHEN / THEN another value, another case or a missing key do not match
        assertThat(TagSelection.matches(server, Map.of("Tier", "web"))).isFalse();
        assertThat(TagSelection.matches(server, Map.of("Tier", "DB"))).isFalse();
        assertThat(TagSelection.matches(server, Map.of("Tier", "db", "Environment", "production"))).isFalse();
        assertThat(TagSelection.matches(server("null"), Map.of("Tier", "db"))).isFalse();
    }

    private static JsonNode server(String tags) {
        try {
            return Json.mapper().readTree("{\"sourceServerID\":\"s-00000000000000001\",\"tags\":" + tags + "}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
