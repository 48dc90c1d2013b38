package dev.drsorchestrator.shared.handler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations of one handler, indexed by direct name (and aliases) and by API route. Construction fails on a
 * duplicate name or route, so a wiring mistake stops the build's tests instead of shadowing an operation.
 */
public final class OperationTable {
    private final List<Operation> operations;
    private final Map<String, Operation> byName = new HashMap<>();
    private final Map<Route, Operation> byRoute = new HashMap<>();

    /** A table of operations. */
    public OperationTable(List<Operation> operations) {
        this.operations = List.copyOf(operations);
        for (Operation op : this.operations) {
            register(op.name(), op);
            op.aliases().forEach(alias -> register(alias, op));
            for (Route route : op.routes()) {
                if (byRoute.putIfAbsent(route, op) != null) {
                    throw new IllegalArgumentException("Duplicate route " + route);
                }
            }
        }
    }

    /** A table of operations. */
    public static OperationTable of(Operation... operations) {
        return new OperationTable(List.of(operations));
    }

    private void register(String name, Operation op) {
        if (byName.putIfAbsent(name, op) != null) {
            throw new IllegalArgumentException("Duplicate operation name " + name);
        }
    }

    /** Every operation, in declaration order. */
    public List<Operation> operations() {
        return operations;
    }

    /** The operation with that direct name or alias. */
    public Optional<Operation> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The operation of an exact route. */
    public Optional<Operation> byRoute(Route route) {
        return Optional.ofNullable(byRoute.get(route));
    }

    /** Every route, for path matching. */
    public Map<Route, Operation> routes() {
        return Map.copyOf(byRoute);
    }
}
