package dev.drsorchestrator.shared.handler;

import dev.drsorchestrator.shared.security.Permission;
import java.util.List;
import java.util.Optional;

/**
 * One operation of a handler: its wire name (the direct-invocation name and the audit record's operation), aliases,
 * the one permission it requires (none only for {@code health}), its API routes, and its function. An operation
 * requiring {@link Permission#SYSTEM} has no route, so no API caller can ever reach it.
 *
 * <pre>{@code
 * Operation.of("get_protection_groups", Permission.PROTECTION_GROUPS_READ, groups::list,
 *         Route.get("/protection-groups"));
 * }</pre>
 */
public record Operation(String name, List<String> aliases, Optional<Permission> permission, List<Route> routes,
        OperationFunction function) {

    public Operation {
        aliases = List.copyOf(aliases);
        routes = List.copyOf(routes);
        if (permission.isEmpty() && !"health".equals(name)) {
            throw new IllegalArgumentException("Operation " + name + " must require a permission");
        }
        if (permission.filter(Permission.SYSTEM::equals).isPresent() && !routes.isEmpty()) {
            throw new IllegalArgumentException("System operation " + name + " must not have an API route");
        }
    }

    /** An operation requiring a permission. */
    public static Operation of(String name, Permission permission, OperationFunction function, Route... routes) {
        return new Operation(name, List.of(), Optional.of(permission), List.of(routes), function);
    }

    /** A scheduled or state-machine operation: permission {@code system}, reachable only by direct invocation. */
    public static Operation system(String name, OperationFunction function) {
        return new Operation(name, List.of(), Optional.of(Permission.SYSTEM), List.of(), function);
    }

    /** The health check, the one operation without a permission. */
    public static Operation health(OperationFunction function, Route... routes) {
        return new Operation("health", List.of(), Optional.empty(), List.of(routes), function);
    }

    /** This operation, also reachable by other direct names (e.g. the seeds' names). */
    public Operation withAliases(String... names) {
        return new Operation(name, List.of(names), permission, routes, function);
    }
}
