package dev.drsorchestrator.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.json.Json;
import org.junit.jupiter.api.Test;

class ParameterMaskerTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void mask_shouldReplaceSensitiveKeys_whenAtAnyDepth() throws Exception {
        JsonNode input = json("{\"region\":\"us-east-2\",\"password\":\"p\",\"nested\":{\"apiKey\":\"k\","
                + "\"list\":[{\"client_secret\":\"s\",\"keep\":1},{\"SessionToken\":\"t\"}]},"
                + "\"AWS_ACCESS_KEY_ID\":\"AKIA\",\"privateKey\":{\"a\":\"b\"},\"dbCredentials\":[\"x\"]}");
        JsonNode masked = ParameterMasker.mask(input);
        assertThat(Json.write(masked)).isEqualTo("{\"region\":\"us-east-2\",\"password\":\"***MASKED***\","
                + "\"nested\":{\"apiKey\":\"***MASKED***\",\"list\":[{\"client_secret\":\"***MASKED***\",\"keep\":1},"
                + "{\"SessionToken\":\"***MASKED***\"}]},\"AWS_ACCESS_KEY_ID\":\"***MASKED***\","
                + "\"privateKey\":\"***MASKED***\",\"dbCredentials\":\"***MASKED***\"}");
    }

    @Test
    void mask_shouldLeaveInputUnchanged_whenMasking() throws Exception {
        JsonNode input = json("{\"password\":\"p\"}");
        ParameterMasker.mask(input);
        assertThat(input.get("password").asText()).isEqualTo("p");
    }

    @Test
    void mask_shouldShortenLongStrings_whenOverLimit() throws Exception {
        ObjectNode input = Json.mapper().createObjectNode().put("description", "x".repeat(5000));
        String value = ParameterMasker.mask(input).get("description").asText();
        assertThat(value).hasSize(1024 + "...[3976 more characters]".length()).endsWith("...[3976 more characters]");
    }

    @Test
    void mask_shouldReplaceWholeSet_whenTooLarge() {
        ObjectNode input = Json.mapper().createObjectNode();
        for (int i = 0; i < 100; i++) {
            input.put("field" + i, "y".repeat(1000));
        }
        assertThat(Json.write(ParameterMasker.mask(input))).isEqualTo("{\"truncated\":true}");
    }

    @Test
    void mask_shouldReturnEmptyObject_whenNoParameters() {
        assertThat(ParameterMasker.mask(null).isEmpty()).isTrue();
    }
}
