package dev.drsorchestrator.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyEventsTest {

    @Test
    void build_shouldProduceTheProxyEventWithAuthorizerClaimsAsStrings() throws IOException {
        // GIVEN a request to a templated route with repeated query parameters and verified claims
        ApiRoute route = new ApiRoute("GET", "/executions/{id}", "query-handler", "get_execution", true);
        ApiContract.Matched matched = new ApiContract.Matched(route, Map.of("id", "ex-1"));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("X-Multi", List.of("a", "b"));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", "op@example.com");
        claims.put("cognito:groups", List.of("Operator", "Planner"));
        claims.put("exp", Date.from(Instant.parse("2026-05-01T10:00:00Z")));
        claims.put("email_verified", true);
        ProxyEvents.HttpRequest request = new ProxyEvents.HttpRequest("GET", "/executions/ex-1",
                "status=RUNNING&tag=a&tag=b%20c", headers, "", "127.0.0.1");

        // WHEN the event is built
        JsonNode event = new ObjectMapper().readTree(ProxyEvents.build(request, matched, claims, "req-1", "local",
                "111111111111", Instant.parse("2026-05-01T09:00:00Z")));

        // THEN it has the shape API Gateway delivers
        assertThat(event.path("resource").asText()).isEqualTo("/executions/{id}");
        assertThat(event.path("path").asText()).isEqualTo("/executions/ex-1");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("ex-1");
        assertThat(event.path("queryStringParameters").path("tag").asText()).isEqualTo("b c");
        assertThat(event.path("multiValueQueryStringParameters").path("tag").toString()).isEqualTo("[\"a\",\"b c\"]");
        assertThat(event.path("headers").path("X-Multi").asText()).isEqualTo("b");
        assertThat(event.path("multiValueHeaders").path("X-Multi").size()).isEqualTo(2);
        assertThat(event.path("body").isNull()).isTrue();
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        JsonNode context = event.path("requestContext");
        assertThat(context.path("requestId").asText()).isEqualTo("req-1");
        assertThat(context.path("stage").asText()).isEqualTo("local");
        assertThat(context.path("identity").path("sourceIp").asText()).isEqualTo("127.0.0.1");
        JsonNode authorizerClaims = context.path("authorizer").path("claims");
        assertThat(authorizerClaims.path("cognito:groups").asText()).isEqualTo("Operator,Planner");
        assertThat(authorizerClaims.path("exp").asText()).isEqualTo("Fri May 01 10:00:00 UTC 2026");
        assertThat(authorizerClaims.path("email_verified").asText()).isEqualTo("true");
    }

    @Test
    void build_shouldOmitAuthorizer_whenRouteIsPublic() throws IOException {
        ApiRoute route = new ApiRoute("GET", "/health", "query-handler", "health", false);
        JsonNode event = new ObjectMapper().readTree(ProxyEvents.build(new ProxyEvents.HttpRequest("GET", "/health",
                null, Map.of(), "", "127.0.0.1"), new ApiContract.Matched(route, Map.of()), null, "r", "local", "1",
                Instant.EPOCH));
        assertThat(event.path("requestContext").has("authorizer")).isFalse();
        assertThat(event.path("queryStringParameters").isNull()).isTrue();
        assertThat(event.path("pathParameters").isNull()).isTrue();
    }
}
