package dev.drsorchestrator.shared.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.security.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvocationParserTest {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = InvocationParserTest.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parse_shouldBuildApiInvocationWithCognitoUser_whenProxyEvent() throws IOException {
        // WHEN
        Invocation invocation = InvocationParser.parse(fixture("api-get-protection-group.json"));
        // THEN
        assertThat(invocation.mode()).isEqualTo(InvocationMode.API_GATEWAY);
        assertThat(invocation.httpMethod()).isEqualTo("GET");
        assertThat(invocation.resource()).isEqualTo("/protection-groups/{id}");
        assertThat(invocation.pathParameters()).containsExactly(Map.entry("id", "pg-123"));
        assertThat(invocation.queryParameters()).containsEntry("includeServers", "true").containsEntry("limit", "25");
        assertThat(invocation.body()).isNull();
        assertThat(invocation.sourceIp()).isEqualTo("198.51.100.7");
        assertThat(invocation.principal())
                .isEqualTo(new Principal.CognitoUser("ops@example.com", "ops", List.of("Operator", "Planner")));
    }

    @Test
    void parse_shouldTakeTopLevelFieldsAsBody_whenDirectActionPayload() throws IOException {
        Invocation invocation = InvocationParser.parse(fixture("direct-update-wave.json"));
        assertThat(invocation.mode()).isEqualTo(InvocationMode.DIRECT_LAMBDA);
        assertThat(invocation.operationName()).isEqualTo("update_wave_completion_status");
        assertThat(invocation.body().get("executionId").asText()).isEqualTo("exec-123");
        assertThat(invocation.body().has("action")).isFalse();
        assertThat(invocation.body().has("invokedBy")).isFalse();
        assertThat(invocation.principal()).isEqualTo(new Principal.AssumedRole(
                "arn:aws:iam::891376951562:role/StepFunctionsRole", null, "891376951562"));
    }

    @Test
    void parse_shouldReadQueryParams_whenDirectOperationPayload() throws IOException {
        Invocation invocation = InvocationParser.parse(fixture("direct-query-params.json"));
        assertThat(invocation.operationName()).isEqualTo("get_drs_source_servers");
        assertThat(invocation.queryParameters()).containsEntry("region", "us-east-2").containsEntry("limit", "10");
        assertThat(invocation.body()).isNull();
        assertThat(invocation.principal().type()).isEqualTo("AssumedRole");
    }

    @Test
    void parse_shouldUseBodyObject_whenDirectPayloadHasBody() {
        Invocation invocation = InvocationParser.parse(json("{\"operation\":\"x\",\"body\":{\"name\":\"a\"},\"other\":1}"));
        assertThat(invocation.body().get("name").asText()).isEqualTo("a");
        assertThat(invocation.body().has("other")).isFalse();
        assertThat(invocation.principal()).isEqualTo(new Principal.Unknown());
    }

    @Test
    void parse_shouldBeUnknownPrincipal_whenApiEventHasNoClaims() {
        Invocation invocation = InvocationParser.parse(json(
                "{\"httpMethod\":\"GET\",\"resource\":\"/health\",\"path\":\"/health\",\"requestContext\":{}}"));
        assertThat(invocation.principal()).isEqualTo(new Principal.Unknown());
    }

    @Test
    void parse_shouldDecodeBase64Body_whenFlagged() {
        Invocation invocation = InvocationParser.parse(json("{\"httpMethod\":\"POST\",\"resource\":\"/x\","
                + "\"requestContext\":{},\"isBase64Encoded\":true,\"body\":\"eyJhIjoxfQ==\"}"));
        assertThat(invocation.body().get("a").asInt()).isEqualTo(1);
    }

    @Test
    void parse_shouldRejectNamingField_whenInputMalformed() {
        assertThatThrownBy(() -> InvocationParser.parse(json("{not json")))
                .isInstanceOf(ValidationException.class).hasMessage("Field 'event' must be valid JSON");
        assertThatThrownBy(() -> InvocationParser.parse(json("[1,2]")))
                .hasMessage("Request must be a JSON object");
        assertThatThrownBy(() -> InvocationParser.parse(json("{\"foo\":1}")))
                .hasMessage("Field 'operation' is required");
        assertThatThrownBy(() -> InvocationParser.parse(json("{\"operation\":42}")))
                .hasMessage("Field 'operation' must be a non-empty string of at most 128 characters");
        assertThatThrownBy(() -> InvocationParser.parse(json("{\"operation\":\"x\",\"queryParams\":[1]}")))
                .hasMessage("Field 'queryParams' must be an object");
        assertThatThrownBy(() -> InvocationParser.parse(json("{\"operation\":\"x\",\"invokedBy\":{}}")))
                .hasMessage("Field 'invokedBy' must be a string");
        assertThatThrownBy(() -> InvocationParser.parse(json(
                "{\"httpMethod\":\"POST\",\"resource\":\"/x\",\"requestContext\":{},\"body\":\"{broken\"}")))
                .hasMessage("Field 'body' must be valid JSON");
        assertThatThrownBy(() -> InvocationParser.parse(json(
                "{\"httpMethod\":\"POST\",\"resource\":\"/x\",\"requestContext\":{},\"body\":{\"a\":1}}")))
                .hasMessage("Field 'body' must be a string holding JSON");
        assertThatThrownBy(() -> InvocationParser.parse(json(
                "{\"httpMethod\":7,\"resource\":\"/x\",\"requestContext\":{}}")))
                .hasMessage("Field 'httpMethod' must be a string");
    }

    @Test
    void parse_shouldReject_whenOneMegabyteString() {
        String big = "a".repeat(1_048_576);
        assertThatThrownBy(() -> InvocationParser.parse(json("{\"operation\":\"x\",\"name\":\"" + big + "\"}")))
                .hasMessage("Field 'body.name' must be at most 65536 characters");
        assertThatThrownBy(() -> InvocationParser.parse(json(
                "{\"operation\":\"x\",\"queryParams\":{\"q\":\"" + big + "\"}}")))
                .hasMessage("Field 'queryParams.q' must be at most 65536 characters");
    }
}
