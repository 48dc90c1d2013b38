package dev.drsorchestrator.local.runtime;

import dev.drsorchestrator.local.events.EventRules;
import dev.drsorchestrator.local.lambda.HandlerRegistry;
import dev.drsorchestrator.local.sim.Simulator;
import dev.drsorchestrator.shared.config.Env;
import java.net.URI;
import java.util.Map;

/**
 * What a {@link LocalRuntimeExtension} and tests reach of a running local runtime: the simulator (clock, edge, fleet),
 * the in-process functions, the event rules, each function's environment, the table names and DynamoDB endpoint.
 */
public record LocalRuntimeContext(Simulator simulator, HandlerRegistry functions, EventRules eventRules,
                                  Map<String, Env> environments, Map<String, String> tables, URI dynamoDbEndpoint,
                                  String region, String hubAccountId) {
    /** Copies the maps. */
    public LocalRuntimeContext {
        environments = Map.copyOf(environments);
        tables = Map.copyOf(tables);
    }
}
