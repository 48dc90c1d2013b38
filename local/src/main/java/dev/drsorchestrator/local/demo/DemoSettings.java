package dev.drsorchestrator.local.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the guided drill works on and how patiently: the target account and region of the bundled demo scenario, the
 * tag that names a server's tier and the tiers in wave order (databases first, web last), the tags every group also
 * requires, the groups whose tokens plan and run the drill, and the deadlines of its waits. Every run gets a short
 * run id that suffixes the names it creates, so a second run on the same runtime never collides with the first.
 *
 * @param runId         suffix of every name the run creates
 * @param accountId     target account whose servers the groups select
 * @param region        DRS region of those servers
 * @param tierTagKey    tag holding the tier ({@code Tier} in the demo scenario)
 * @param tiers         tier values in wave order; the last wave pauses before it starts
 * @param commonTags    further tags every group's selector requires
 * @param plannerGroup  Cognito group of the user who creates groups and the plan
 * @param operatorGroup Cognito group of the user who starts, resumes and cleans up the drill
 * @param pollInterval  time between two polls of the execution
 * @param stepDeadline  longest any single wait may take before the demo fails
 */
public record DemoSettings(String runId, String accountId, String region, String tierTagKey, List<String> tiers,
                           Map<String, String> commonTags, String plannerGroup, String operatorGroup,
                           Duration pollInterval, Duration stepDeadline) {
    /** The target account of the bundled demo scenario. */
    public static final String DEMO_ACCOUNT = "222222222222";
    /** The region where that account holds replicating servers of every tier. */
    public static final String DEMO_REGION = "ap-southeast-2";

    /** Copies the collections and checks the values. */
    public DemoSettings {
        tiers = List.copyOf(tiers);
        commonTags = Map.copyOf(commonTags);
        if (tiers.size() < 2) {
            throw new IllegalArgumentException("the drill needs at least two tiers, got " + tiers);
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || stepDeadline.compareTo(pollInterval) <= 0) {
            throw new IllegalArgumentException("poll interval must be positive and shorter than the step deadline");
        }
    }

    /** The bundled scenario's production tiers of workload-1 in ap-southeast-2: a Planner plans, an Operator runs. */
    public static DemoSettings defaults() {
        return new DemoSettings(UUID.randomUUID().toString().substring(0, 6), DEMO_ACCOUNT, DEMO_REGION, "Tier",
                List.of("db", "app", "web"), Map.of("Environment", "production"), "Planner", "Operator",
                Duration.ofMillis(150), Duration.ofSeconds(45));
    }

    /** These settings with another planner group (a group without plan rights makes the API refuse the plan). */
    public DemoSettings withPlannerGroup(String group) {
        return new DemoSettings(runId, accountId, region, tierTagKey, tiers, commonTags, group, operatorGroup,
                pollInterval, stepDeadline);
    }

    /** The selector of one tier's group: the tier tag plus the common tags. */
    Map<String, String> selector(String tier) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(tierTagKey, tier);
        tags.putAll(commonTags);
        return tags;
    }

    String groupName(String tier) {
        return "demo-" + tier + "-" + runId;
    }

    String planName() {
        return "demo-drill-" + runId;
    }

    String email(String group) {
        return group.toLowerCase(Locale.ROOT) + "@demo.example.com";
    }
}
