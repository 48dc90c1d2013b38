package dev.drsorchestrator.local.apigateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One route of the OpenAPI contract: method and resource template ({@code /executions/{id}/pause}), the handler its
 * {@code x-handler} names, and whether the Cognito authorizer guards it ({@code security: []} opts out).
 */
public record ApiRoute(String method, String resource, String handler, String operationId, boolean authorized) {

    /** Upper-cases the method. */
    public ApiRoute {
        method = method.toUpperCase(Locale.ROOT);
    }

    /** The path parameters of {@code path} when it fits this route's template, else empty. */
    Optional<Map<String, String>> match(List<String> pathSegments) {
        List<String> template = ApiContract.segments(resource);
        if (template.size() != pathSegments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            String actual = pathSegments.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    /** Literal segments of the template: API Gateway prefers the most specific resource. */
    int literalSegments() {
        return (int) ApiContract.segments(resource).stream().filter(s -> !s.startsWith("{")).count();
    }
}
