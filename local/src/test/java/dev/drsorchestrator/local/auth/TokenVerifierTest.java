package dev.drsorchestrator.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final LocalIssuer issuer = LocalIssuer.generate("http://127.0.0.1:8080", "client-1", clock);
    private final TokenVerifier verifier = TokenVerifier.of(issuer, clock);

    @Test
    void verify_shouldReturnCognitoClaims_whenTokenIsValid() {
        // GIVEN a token for an Operator
        String token = issuer.mint("op@example.com", List.of("Operator", "Planner"), Duration.ofMinutes(5));

        // WHEN it is verified
        Map<String, Object> claims = verifier.verify(token).orElseThrow();

        // THEN it carries what Cognito puts in an ID token
        assertThat(claims).containsEntry("iss", "http://127.0.0.1:8080").containsEntry("token_use", "id")
                .containsEntry("email", "op@example.com").containsEntry("cognito:username", "op@example.com");
        assertThat(claims.get("aud")).isEqualTo(List.of("client-1"));
        assertThat(claims.get("cognito:groups")).isEqualTo(List.of("Operator", "Planner"));
    }

    @Test
    void verify_shouldRefuse_expiredForeignMisaddressedOrMalformedTokens() {
        LocalIssuer other = LocalIssuer.generate("http://127.0.0.1:8080", "client-1", clock);
        assertThat(verifier.verify(issuer.mint("a@example.com", List.of("Admin"), Duration.ZERO))).isEmpty();
        assertThat(verifier.verify(other.mint("a@example.com", List.of("Admin"), Duration.ofMinutes(5)))).isEmpty();
        assertThat(verifier.verify(issuer.sign(claims().audience("client-2").build()))).isEmpty();
        assertThat(verifier.verify(issuer.sign(claims().issuer("http://elsewhere").build()))).isEmpty();
        assertThat(verifier.verify(issuer.sign(claims().claim("token_use", "access").build()))).isEmpty();
        assertThat(verifier.verify(issuer.sign(claims().notBeforeTime(Date.from(NOW.plusSeconds(60))).build())))
                .isEmpty();
        assertThat(verifier.verify("a.b.c")).isEmpty();
        assertThat(verifier.verify("")).isEmpty();
        assertThat(verifier.verify(null)).isEmpty();
        assertThat(verifier.verify(issuer.sign(claims().build()))).isPresent();
    }

    @Test
    void verify_shouldRefuse_unsignedTokenClaimingAlgNone() {
        // GIVEN a token whose header says alg none, carrying valid claims
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String body = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims().build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // THEN it is refused
        assertThat(verifier.verify(header + "." + body + ".")).isEmpty();
    }

    @Test
    void jwks_shouldHoldOnlyThePublicKey() {
        assertThat(issuer.jwksJson()).contains("\"kty\":\"RSA\"", "\"alg\":\"RS256\"").doesNotContain("\"d\":");
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience("client-1").claim("token_use", "id")
                .subject("s").expirationTime(Date.from(NOW.plusSeconds(60)));
    }
}
