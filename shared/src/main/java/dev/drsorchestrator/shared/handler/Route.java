package dev.drsorchestrator.shared.handler;

import java.util.Locale;

/**
 * An API Gateway route: HTTP method plus the resource template as API Gateway reports it in {@code resource}, e.g.
 * {@code GET /protection-groups/{id}}.
 */
public record Route(String method, String resource) {
    public Route {
        method = method.toUpperCase(Locale.ROOT);
        if (!resource.startsWith("/")) {
            throw new IllegalArgumentException("Resource must start with '/': " + resource);
        }
    }

    /** A GET route. */
    public static Route get(String resource) {
        return new Route("GET", resource);
    }

    /** A POST route. */
    public static Route post(String resource) {
        return new Route("POST", resource);
    }

    /** A PUT route. */
    public static Route put(String resource) {
        return new Route("PUT", resource);
    }

    /** A DELETE route. */
    public static Route delete(String resource) {
        return new Route("DELETE", resource);
    }

    @Override
    public String toString() {
        return method + " " + resource;
    }
}
