package dev.drsorchestrator.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a token the way API Gateway's Cognito user-pool authorizer does: RS256 signature by a key of the pool's
 * JWKS, issuer, audience (the app client id), {@code token_use=id} and expiry. Anything else about the token is the
 * handler's business (groups → RBAC).
 */
public final class TokenVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final JWKSet keys;
    private final String issuer;
    private final String clientId;
    private final Clock clock;

    /** A verifier trusting {@code keys} for tokens of {@code issuer} issued to {@code clientId}. */
    public TokenVerifier(JWKSet keys, String issuer, String clientId, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A verifier of the given issuer's own tokens, reading its keys from its JWKS document. */
    public static TokenVerifier of(LocalIssuer issuer, Clock clock) {
        try {
            return new TokenVerifier(JWKSet.parse(issuer.jwksJson()), issuer.issuer(), issuer.clientId(), clock);
        } catch (ParseException e) {
            throw new IllegalStateException("the issuer's JWKS does not parse", e);
        }
    }

    /**
     * The verified claims of {@code token}, or empty when the token is missing, malformed, signed by an unknown key,
     * issued by another issuer or for another client, not an ID token, or expired.
     */
    public Optional<Map<String, Object>> verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return refuse("algorithm " + jwt.getHeader().getAlgorithm());
            }
            JWK jwk = jwt.getHeader().getKeyID() == null ? null : keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(jwk instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                return refuse("signature");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer())) {
                return refuse("issuer " + claims.getIssuer());
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
                return refuse("audience " + claims.getAudience());
            }
            if (!"id".equals(claims.getClaim("token_use"))) {
                return refuse("token_use " + claims.getClaim("token_use"));
            }
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
                return refuse("expired at " + claims.getExpirationTime());
            }
            if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now)) {
                return refuse("not valid before " + claims.getNotBeforeTime());
            }
            return Optional.of(claims.getClaims());
        } catch (ParseException | JOSEException | ClassCastException e) {
            return refuse("malformed token: " + e.getMessage());
        }
    }

    private static Optional<Map<String, Object>> refuse(String reason) {
        LOG.info("Token refused: {}", reason);
        return Optional.empty();
    }
}
