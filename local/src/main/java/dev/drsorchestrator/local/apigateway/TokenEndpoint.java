package dev.drsorchestrator.local.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.auth.LocalIssuer;
import dev.drsorchestrator.shared.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /_local/token?group=Admin[&email=...][&format=raw]}: a signed ID token for a user in one of the five
 * groups, so {@code scripts/local-token.sh} and curl users can call the API without a Cognito pool. Loopback only,
 * like everything the local runtime serves.
 */
final class TokenEndpoint {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}$");

    private final LocalIssuer issuer;

    TokenEndpoint(LocalIssuer issuer) {
        this.issuer = issuer;
    }

    /** An HTTP answer. */
    record Answer(int status, String contentType, byte[] body) {
    }

    Answer answer(Map<String, List<String>> query) {
        String group = first(query, "group");
        if (group == null) {
            return error("Query parameter 'group' is required: one of " + groups());
        }
        Optional<Role> role = Arrays.stream(Role.values()).filter(r -> r.groupName().equalsIgnoreCase(group))
                .findFirst();
        if (role.isEmpty()) {
            return error("Query parameter 'group' must be one of " + groups() + ", got '" + group + "'");
        }
        String email = first(query, "email");
        if (email == null) {
            email = role.get().groupName().toLowerCase(java.util.Locale.ROOT) + "@example.com";
        } else if (!EMAIL.matcher(email).matches()) {
            return error("Query parameter 'email' must be an email address, got '" + email + "'");
        }
        Duration ttl = LocalIssuer.DEFAULT_TTL;
        String token = issuer.mint(email, List.of(role.get().groupName()), ttl);
        if ("raw".equals(first(query, "format"))) {
            return new Answer(200, "text/plain", (token + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode body = ApiGatewayServer.object();
        body.put("token", token);
        body.put("group", role.get().groupName());
        body.put("email", email);
        body.put("expiresInSeconds", ttl.toSeconds());
        body.put("issuer", issuer.issuer());
        body.put("clientId", issuer.clientId());
        return new Answer(200, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String groups() {
        return String.join(", ", Arrays.stream(Role.values()).map(Role::groupName).toList());
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static Answer error(String message) {
        ObjectNode body = ApiGatewayServer.object();
        body.put("message", message);
        return new Answer(400, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
