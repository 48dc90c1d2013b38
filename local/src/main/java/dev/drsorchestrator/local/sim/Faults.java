package dev.drsorchestrator.local.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults currently injected, per (account, region, service, operation), plus STS AssumeRole failures per target
 * account. Random choices (failure rate, jitter) come from a per-rule seeded generator, so a run replays the same way.
 */
public final class Faults {
    private final Object lock = new Object();
    private final List<FaultRule> rules = new ArrayList<>();
    private final Map<String, SplittableRandom> randoms = new HashMap<>();
    private final Set<String> assumeRoleFailures = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextId = new AtomicLong(1);

    Faults() {
    }

    /** Adds a rule and returns its id (the rule's own id when it has one). */
    public String inject(FaultRule rule) {
        String id = rule.id() != null ? rule.id() : "fault-" + nextId.getAndIncrement();
        FaultRule stored = rule.withId(id);
        synchronized (lock) {
            rules.removeIf(r -> r.id().equals(id));
            rules.add(stored);
            randoms.put(id, new SplittableRandom(rule.seed() != null ? rule.seed() : id.hashCode()));
        }
        return id;
    }

    /** Removes one rule; false when no rule has that id. */
    public boolean clear(String id) {
        synchronized (lock) {
            randoms.remove(id);
            return rules.removeIf(r -> r.id().equals(id));
        }
    }

    /** Removes every rule and every AssumeRole failure. */
    public void clear() {
        synchronized (lock) {
            rules.clear();
            randoms.clear();
        }
        assumeRoleFailures.clear();
    }

    public List<FaultRule> rules() {
        synchronized (lock) {
            return List.copyOf(rules);
        }
    }

    /** Makes STS AssumeRole into any role of {@code accountId} fail with AccessDenied. */
    public void failAssumeRole(String accountId) {
        assumeRoleFailures.add(accountId);
    }

    public void clearAssumeRoleFailure(String accountId) {
        assumeRoleFailures.remove(accountId);
    }

    public boolean assumeRoleFails(String accountId) {
        return assumeRoleFailures.contains(accountId);
    }

    public Set<String> assumeRoleFailures() {
        return Set.copyOf(assumeRoleFailures);
    }

    /** Decides what happens to one call. */
    public FaultDecision decide(String account, String region, String service, String operation) {
        synchronized (lock) {
            if (rules.isEmpty()) {
                return FaultDecision.NONE;
            }
            long latency = 0;
            FaultRule error = null;
            boolean drop = false;
            for (FaultRule rule : rules) {
                if (!rule.matches(account, region, service, operation)) {
                    continue;
                }
                SplittableRandom random = randoms.get(rule.id());
                latency += rule.latencyMillis();
                if (rule.latencyJitterMillis() > 0) {
                    latency += random.nextLong(rule.latencyJitterMillis() + 1);
                }
                boolean fires = rule.failureRate() == null || random.nextDouble() < rule.failureRate();
                if (fires && error == null && !drop) {
                    if (rule.dropConnection()) {
                        drop = true;
                    } else if (rule.errorCode() != null) {
                        error = rule;
                    }
                }
            }
            return new FaultDecision(latency, error, drop);
        }
    }
}
