package dev.drsorchestrator.shared.handler;

import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.invocation.Invocation;
import dev.drsorchestrator.shared.invocation.InvocationMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an invocation to an operation: API calls by method + resource template (falling back to matching the
 * concrete path against the templates, which yields the path parameters), direct calls by name. Anything else is a 404
 * whose message lists nothing.
 */
public final class Router {
    /** The one message of every unresolved route or name. */
    public static final String UNKNOWN = "Unknown operation";

    private final OperationTable table;

    /** A router over one handler's operations. */
    public Router(OperationTable table) {
        this.table = table;
    }

    /** An operation plus the path parameters its route bound. */
    public record Resolved(Operation operation, Map<String, String> pathParameters) {
    }

    /** The operation the invocation addresses. */
    public Resolved resolve(Invocation invocation) {
        if (invocation.mode() == InvocationMode.DIRECT_LAMBDA) {
            return table.byName(invocation.operationName())
                    .map(op -> new Resolved(op, Map.of()))
                    .orElseThrow(() -> new NotFoundException(UNKNOWN));
        }
        String method = invocation.httpMethod().toUpperCase(Locale.ROOT);
        if (invocation.resource() != null && invocation.resource().startsWith("/")) {
            Optional<Operation> exact = table.byRoute(new Route(method, invocation.resource()));
            if (exact.isPresent()) {
                Map<String, String> bound = new HashMap<>();
                Map<String, String> fromPath = invocation.path() == null ? null
                        : match(invocation.resource(), invocation.path());
                if (fromPath != null) {
                    bound.putAll(fromPath);
                }
                bound.putAll(invocation.pathParameters());
                return new Resolved(exact.get(), bound);
            }
        }
        if (invocation.path() != null) {
            for (Map.Entry<Route, Operation> entry : table.routes().entrySet()) {
                if (!entry.getKey().method().equals(method)) {
                    continue;
                }
                Map<String, String> bound = match(entry.getKey().resource(), invocation.path());
                if (bound != null) {
                    return new Resolved(entry.getValue(), bound);
                }
            }
        }
        throw new NotFoundException(UNKNOWN);
    }

    /** True when some route of any method has this resource or path (CORS preflight). */
    public boolean knowsResource(Invocation invocation) {
        return table.routes().keySet().stream().anyMatch(route -> route.resource().equals(invocation.resource())
                || (invocation.path() != null && match(route.resource(), invocation.path()) != null));
    }

    static Map<String, String> match(String template, String path) {
        String[] t = trim(template).split("/", -1);
        String[] p = trim(path).split("/", -1);
        if (t.length != p.length) {
            return null;
        }
        Map<String, String> bound = new HashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return null;
                }
                bound.put(t[i].substring(1, t[i].length() - 1), p[i]);
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return bound;
    }

    private static String trim(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
