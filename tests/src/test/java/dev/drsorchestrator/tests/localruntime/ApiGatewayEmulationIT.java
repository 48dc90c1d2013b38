package dev.drsorchestrator.tests.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.drsorchestrator.local.auth.LocalIssuer;
import dev.drsorchestrator.local.runtime.LocalRuntime;
import dev.drsorchestrator.local.runtime.LocalRuntimeOptions;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API of a running local runtime over real HTTP: routing, the Cognito authorizer, proxy events, CORS. */
class ApiGatewayEmulationIT {
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntimeOptions.forTests(), List.of());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static URI api(String path) {
        return URI.create(runtime.apiUri() + path);
    }

    private static String token(String... groups) {
        return runtime.issuer().mint("ops@example.com", List.of(groups), Duration.ofMinutes(10));
    }

    @Test
    void health_shouldAnswer200_withoutAnyToken() {
        // GIVEN no Authorization header
        // WHEN /health is called
        HttpResponse<String> response = RuntimeHttp.get(api("/health"), Map.of());

        // THEN query-handler answers
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RuntimeHttp.json(response).path("status").asText()).isEqualTo("healthy");
        assertThat(RuntimeHttp.json(response).path("handler").asText()).isEqualTo("query-handler");
    }

    @Test
    void userPermissions_shouldAnswer200WithClaims_whenAdminBearerToken() {
        // GIVEN a valid Admin token
        String token = runtime.issuer().mint("admin@example.com", List.of("Admin"), Duration.ofMinutes(10));

        // WHEN the caller asks for its permissions
        HttpResponse<String> response = RuntimeHttp.get(api("/user/permissions"),
                Map.of("Authorization", "Bearer " + token));

        // THEN the handler saw the authorizer claims: email and groups
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = RuntimeHttp.json(response);
        assertThat(body.path("email").asText()).isEqualTo("admin@example.com");
        assertThat(body.path("roles").toString()).contains("Admin");
        assertThat(body.path("permissions").toString()).contains("recovery_plans:execute", "config:write");
    }

    @Test
    void userPermissions_shouldAcceptBareToken_whenNoBearerPrefix() {
        // GIVEN a token without "Bearer "
        String token = token("Viewer", "Auditor");

        // WHEN it is sent as the whole Authorization header
        HttpResponse<String> response = RuntimeHttp.get(api("/user/permissions"), Map.of("Authorization", token));

        // THEN it is accepted and both groups reach the handler
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RuntimeHttp.json(response).path("roles").toString()).contains("Viewer", "Auditor");
    }

    @Test
    void api_shouldAnswer401_whenTokenMissingBadExpiredOrForAnotherClient() {
        // GIVEN tokens the Cognito authorizer refuses
        LocalIssuer stranger = LocalIssuer.generate(runtime.issuer().issuer(), runtime.issuer().clientId(),
                Clock.systemUTC());
        Instant now = Instant.now();
        Map<String, String> refused = Map.of(
                "missing", "",
                "garbage", "Bearer not.a.jwt",
                "foreign signature", "Bearer " + stranger.mint("x@example.com", List.of("Admin"), Duration.ofMinutes(5)),
                "expired", "Bearer " + runtime.issuer().mint("x@example.com", List.of("Admin"), Duration.ofSeconds(-5)),
                "wrong audience", "Bearer " + runtime.issuer().sign(claims(now).audience("another-client").build()),
                "wrong issuer", "Bearer " + runtime.issuer().sign(claims(now).issuer("https://evil.example.com").build()),
                "access token", "Bearer " + runtime.issuer().sign(claims(now).claim("token_use", "access").build()));

        refused.forEach((why, header) -> {
            // WHEN each is sent
            HttpResponse<String> response = RuntimeHttp.get(api("/user/permissions"),
                    header.isEmpty() ? Map.of() : Map.of("Authorization", header));

            // THEN API Gateway answers 401 Unauthorized before any handler runs
            assertThat(response.statusCode()).as(why).isEqualTo(401);
            assertThat(RuntimeHttp.json(response).path("message").asText()).as(why).isEqualTo("Unauthorized");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).as(why).hasValue("UnauthorizedException");
        });
    }

    @Test
    void api_shouldPassRequestToHandlerWhichAnswers403_whenTokenHasNoGroup() {
        // GIVEN a valid token of a user in no group
        String token = token();

        // WHEN the user calls a protected route
        HttpResponse<String> response = RuntimeHttp.get(api("/user/permissions"),
                Map.of("Authorization", "Bearer " + token));

        // THEN the handler (not the gateway) refuses with 403 and its own CORS/security headers
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("MISSING_AUTHENTICATION_TOKEN");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void api_shouldAnswer403MissingAuthenticationToken_whenRouteUnknown() {
        // GIVEN a valid token
        String token = token("Admin");

        // WHEN a path or method the contract lacks is called
        HttpResponse<String> unknownPath = RuntimeHttp.get(api("/no-such-thing"),
                Map.of("Authorization", "Bearer " + token));
        HttpResponse<String> unknownMethod = RuntimeHttp.send("DELETE", api("/health"),
                Map.of("Authorization", "Bearer " + token), null);

        // THEN API Gateway's answer for an unknown resource comes back
        for (HttpResponse<String> response : List.of(unknownPath, unknownMethod)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(RuntimeHttp.json(response).path("message").asText()).isEqualTo("Missing Authentication Token");
        }
    }

    @Test
    void preflight_shouldAnswerContractMethods_whenOriginIsLocalhost() {
        // GIVEN a browser app on another localhost port
        Map<String, String> headers = Map.of("Origin", "http://localhost:3000",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization");

        // WHEN it sends a preflight for a route with a path parameter, without a token
        HttpResponse<String> response = RuntimeHttp.send("OPTIONS", api("/protection-groups/pg-123"), headers, null);

        // THEN the mock preflight of the contract answers, allowing that origin
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("GET", "PUT", "DELETE", "OPTIONS"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                allowed -> assertThat(allowed).contains("Authorization"));
    }

    @Test
    void cors_shouldEchoLocalhostOriginAndRefuseOthers_onProxyResponses() {
        // GIVEN requests from a localhost app and from a foreign site
        HttpResponse<String> local = RuntimeHttp.get(api("/health"), Map.of("Origin", "http://127.0.0.1:5173"));
        HttpResponse<String> foreign = RuntimeHttp.get(api("/health"), Map.of("Origin", "https://evil.example.com"));
        HttpResponse<String> foreignPreflight = RuntimeHttp.send("OPTIONS", api("/health"),
                Map.of("Origin", "https://evil.example.com"), null);

        // THEN only the localhost origin is allowed
        assertThat(local.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:5173");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(foreignPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void tokenEndpoint_shouldMintVerifiableToken_andRefuseUnknownGroup() {
        // WHEN tokens are requested as scripts/local-token.sh does
        HttpResponse<String> minted = RuntimeHttp.get(api("/_local/token?group=operator&email=op%40example.com&format=raw"),
                Map.of());
        HttpResponse<String> refused = RuntimeHttp.get(api("/_local/token?group=Root"), Map.of());

        // THEN the minted token works against the API and the unknown group is named in a 400
        assertThat(minted.statusCode()).isEqualTo(200);
        HttpResponse<String> call = RuntimeHttp.get(api("/user/permissions"),
                Map.of("Authorization", minted.body().trim()));
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(RuntimeHttp.json(call).path("email").asText()).isEqualTo("op@example.com");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RuntimeHttp.json(refused).path("message").asText()).contains("'group'", "Root");
    }

    @Test
    void jwks_shouldPublishTheSigningKey_atTheIssuersWellKnownPath() {
        // WHEN the JWKS is fetched from {iss}/.well-known/jwks.json, as Cognito serves it
        HttpResponse<String> response = RuntimeHttp.get(URI.create(runtime.issuer().issuer()
                + "/.well-known/jwks.json"), Map.of());

        // THEN it holds one public RSA signing key and no private part
        JsonNode key = RuntimeHttp.json(response).path("keys").path(0);
        assertThat(key.path("kty").asText()).isEqualTo("RSA");
        assertThat(key.path("alg").asText()).isEqualTo("RS256");
        assertThat(key.has("d")).isFalse();
    }

    private static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(runtime.issuer().issuer()).audience(runtime.issuer().clientId())
                .subject("s").claim("token_use", "id").claim("email", "x@example.com")
                .claim("cognito:groups", List.of("Admin")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }
}
