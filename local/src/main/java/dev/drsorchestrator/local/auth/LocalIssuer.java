package dev.drsorchestrator.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A local stand-in for a Cognito user pool: an RS256 key pair generated at start, its public JWKS, and ID tokens with
 * the claims Cognito puts in them ({@code iss}, {@code aud} = app client id, {@code token_use=id}, {@code exp},
 * {@code email}, {@code cognito:groups}). The key lives only in memory, so tokens die with the runtime.
 *
 * <pre>{@code
 * LocalIssuer issuer = LocalIssuer.generate("http://127.0.0.1:8080", LocalIssuer.DEFAULT_CLIENT_ID, Clock.systemUTC());
 * String token = issuer.mint("admin@example.com", List.of("Admin"), LocalIssuer.DEFAULT_TTL);
 * }</pre>
 */
public final class LocalIssuer {
    /** The app client id tokens are issued for (their {@code aud}). */
    public static final String DEFAULT_CLIENT_ID = "drs-orchestrator-local-client";
    /** How long a token is valid, as Cognito's default ID-token validity. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final RSAKey key;
    private final JWKSet publicKeys;
    private final String issuer;
    private final String clientId;
    private final Clock clock;

    private LocalIssuer(RSAKey key, String issuer, String clientId, Clock clock) {
        this.key = key;
        this.publicKeys = new JWKSet(key.toPublicJWK());
        this.issuer = issuer;
        this.clientId = clientId;
        this.clock = clock;
    }

    /**
     * Generates a fresh 2048-bit RSA key pair.
     *
     * @param issuer   the {@code iss} claim; the JWKS is served at {@code issuer + "/.well-known/jwks.json"}
     * @param clientId the {@code aud} claim
     */
    public static LocalIssuer generate(String issuer, String clientId, Clock clock) {
        requireText(issuer, "issuer");
        requireText(clientId, "clientId");
        Objects.requireNonNull(clock, "clock");
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
            return new LocalIssuer(key, issuer, clientId, clock);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    /** The {@code iss} of every token. */
    public String issuer() {
        return issuer;
    }

    /** The app client id ({@code aud}). */
    public String clientId() {
        return clientId;
    }

    /** The public keys as a JWKS document, as Cognito serves it. */
    public String jwksJson() {
        return publicKeys.toString(true);
    }

    /** The public key set, for verifiers in this JVM. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    /**
     * Signs an ID token for {@code email} in {@code groups} (possibly none), valid for {@code ttl} from now.
     * A negative {@code ttl} gives an already expired token, which tests use.
     */
    public String mint(String email, List<String> groups, Duration ttl) {
        requireText(email, "email");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(ttl, "ttl");
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)).toString())
                .issuer(issuer)
                .audience(clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("token_use", "id")
                .claim("auth_time", now.getEpochSecond())
                .claim("email", email)
                .claim("email_verified", true)
                .claim("cognito:username", email);
        if (!groups.isEmpty()) {
            claims.claim("cognito:groups", List.copyOf(groups));
        }
        return sign(claims.build());
    }

    /** Signs arbitrary claims with this issuer's key; tests use it to build tokens that must be refused. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
