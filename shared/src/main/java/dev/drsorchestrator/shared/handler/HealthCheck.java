package dev.drsorchestrator.shared.handler;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code health} operation every handler offers: confirms the function is initialised and answering, without
 * touching any dependency (so a dependency outage never turns into a failing health probe loop).
 */
public final class HealthCheck {
    private HealthCheck() {
    }

    /** The health operation of a handler, reachable directly and through the given routes. */
    public static Operation operation(String handlerName, Clock clock, Route... routes) {
        return Operation.health(request -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "healthy");
            body.put("handler", handlerName);
            body.put("timestamp", clock.instant());
            return body;
        }, routes);
    }
}
