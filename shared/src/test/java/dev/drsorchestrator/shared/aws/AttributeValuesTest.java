package dev.drsorchestrator.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.json.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeValuesTest {

    @Test
    void toJson_shouldRoundTrip_whenNestedDocument() throws Exception {
        JsonNode doc = Json.mapper().readTree("{\"planId\":\"p-1\",\"version\":3,\"ratio\":0.25,\"active\":true,"
                + "\"note\":null,\"waves\":[{\"waveNumber\":1,\"servers\":[\"s-1\",\"s-2\"]}],\"empty\":\"\"}");
        AttributeValue value = AttributeValues.fromJson(doc);
        assertThat(value.m().get("version").n()).isEqualTo("3");
        assertThat(value.m().get("note").nul()).isTrue();
        assertThat(Json.write(AttributeValues.toJson(value))).isEqualTo(Json.write(doc));
    }

    @Test
    void toJson_shouldTurnSetsIntoArrays_whenStringSet() {
        JsonNode json = AttributeValues.toJson(AttributeValue.fromSs(java.util.List.of("a", "b")));
        assertThat(json.isArray()).isTrue();
        assertThat(json.size()).isEqualTo(2);
    }
}
