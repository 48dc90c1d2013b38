package dev.drsorchestrator.local.sim.scenario;

import java.util.Map;

/**
 * What {@link ScenarioGenerator} builds: {@code accounts} × {@code regions} × {@code serversPerAccount} servers,
 * placed uniformly or skewed (most of an account's servers in 2–3 regions), with tier weights for web/app/db, a
 * seed, and a fixed latency per operation ({@code "drs:DescribeSourceServers" -> 40}).
 */
public record GeneratorOptions(String name, long seed, int accounts, int regions, int serversPerAccount,
                               Placement placement, Map<String, Double> tierWeights, Map<String, Long> latencyMillis) {
    /** How servers spread over an account's regions. */
    public enum Placement { UNIFORM, SKEWED }

    public GeneratorOptions {
        if (accounts < 1 || accounts > 500) {
            throw new IllegalArgumentException("accounts must be between 1 and 500, got " + accounts);
        }
        if (regions < 1 || regions > ScenarioGenerator.REGIONS.size()) {
            throw new IllegalArgumentException("regions must be between 1 and " + ScenarioGenerator.REGIONS.size()
                    + ", got " + regions);
        }
        if (serversPerAccount < 0 || serversPerAccount > 20000) {
            throw new IllegalArgumentException("serversPerAccount must be between 0 and 20000, got "
                    + serversPerAccount);
        }
        name = name == null ? "generated" : name;
        placement = placement == null ? Placement.SKEWED : placement;
        tierWeights = Map.copyOf(tierWeights == null || tierWeights.isEmpty()
                ? Map.of("web", 0.4, "app", 0.35, "db", 0.25) : tierWeights);
        latencyMillis = Map.copyOf(latencyMillis == null ? Map.of() : latencyMillis);
        for (Map.Entry<String, Long> e : latencyMillis.entrySet()) {
            if (!e.getKey().matches("[a-z0-9-]+:[A-Za-z]+") || e.getValue() < 0) {
                throw new IllegalArgumentException("latencyMillis keys must be service:Operation with a value >= 0,"
                        + " got " + e.getKey() + "=" + e.getValue());
            }
        }
    }

    /** Options for {@code accounts × regions × servers} with skewed placement and no latency. */
    public static GeneratorOptions of(long seed, int accounts, int regions, int serversPerAccount) {
        return new GeneratorOptions("generated", seed, accounts, regions, serversPerAccount, Placement.SKEWED,
                null, null);
    }
}
