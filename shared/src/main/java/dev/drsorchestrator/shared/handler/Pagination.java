package dev.drsorchestrator.shared.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident page tokens for list operations. A token is base64url JSON holding the position (e.g. a
 * DynamoDB LastEvaluatedKey as JSON), a digest of the query it belongs to, and an HMAC over both; a modified token or
 * one from another query is a 400. {@code limit} is 1..100, default 50.
 *
 * <pre>{@code
 * Pagination.Page page = pagination.read(request, "list_executions|status=" + status);
 * ... query with page.limit() and page.position() ...
 * return Map.of("items", items, "nextToken", pagination.nextToken(lastKeyJson, "list_executions|status=" + status));
 * }</pre>
 */
public final class Pagination {
    /** Page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 50;
    /** Largest page size. */
    public static final int MAX_LIMIT = 100;
    private static final int MAX_TOKEN_LENGTH = 8192;
    private static final String INVALID = "Field 'nextToken' is invalid or belongs to another query";

    private final SecretKeySpec key;

    /** Pagination signing with the given key. */
    public Pagination(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /**
     * Pagination keyed by {@code PAGINATION_TOKEN_KEY}; without it, by a key derived from the function name, which
     * still detects accidental corruption and cross-query reuse but should be replaced by a secret in production.
     */
    public static Pagination fromEnv(Env env) {
        String secret = env.optional("PAGINATION_TOKEN_KEY").orElse("drs-orchestrator:" + env.functionName());
        return new Pagination(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A requested page: its size and where it starts (empty for the first page). */
    public record Page(int limit, Optional<ObjectNode> position) {
    }

    /** The page asked for by the {@code limit} and {@code nextToken} parameters of a request. */
    public Page read(OperationRequest request, String query) {
        return read(request.parameter("limit").orElse(null), request.parameter("nextToken").orElse(null), query);
    }

    /** The page asked for by raw parameter values. */
    public Page read(String limit, String nextToken, String query) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw new ValidationException("Field 'limit' must be an integer between 1 and " + MAX_LIMIT);
            }
        }
        if (nextToken == null || nextToken.isBlank()) {
            return new Page(size, Optional.empty());
        }
        return new Page(size, Optional.of(decode(nextToken.trim(), query)));
    }

    /** The token for the page after {@code position}; null when there is no next page. */
    public String nextToken(ObjectNode position, String query) {
        if (position == null || position.isEmpty()) {
            return null;
        }
        ObjectNode token = Json.mapper().createObjectNode();
        String queryDigest = digest(query);
        token.put("q", queryDigest);
        token.set("p", position);
        token.put("m", mac(queryDigest, Json.write(position)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(token).getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode decode(String token, String query) {
        try {
            if (token.length() > MAX_TOKEN_LENGTH) {
                throw new ValidationException(INVALID);
            }
            JsonNode node = Json.mapper().readTree(Base64.getUrlDecoder().decode(token));
            JsonNode q = node.get("q");
            JsonNode p = node.get("p");
            JsonNode m = node.get("m");
            if (q == null || !q.isTextual() || p == null || !p.isObject() || m == null || !m.isTextual()) {
                throw new ValidationException(INVALID);
            }
            String expectedMac = mac(q.asText(), Json.write(p));
            boolean sameQuery = MessageDigest.isEqual(q.asText().getBytes(StandardCharsets.UTF_8),
                    digest(query).getBytes(StandardCharsets.UTF_8));
            boolean validMac = MessageDigest.isEqual(m.asText().getBytes(StandardCharsets.UTF_8),
                    expectedMac.getBytes(StandardCharsets.UTF_8));
            if (!sameQuery || !validMac) {
                throw new ValidationException(INVALID);
            }
            return (ObjectNode) p;
        } catch (ValidationException e) {
            throw e;
        } catch (Exception e) {
            throw new ValidationException(INVALID);
        }
    }

    private static String digest(String query) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private String mac(String queryDigest, String position) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] out = mac.doFinal((queryDigest + "\n" + position).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
