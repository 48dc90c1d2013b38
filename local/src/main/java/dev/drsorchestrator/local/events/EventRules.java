package dev.drsorchestrator.local.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The rules of the local default event bus, keyed by ARN, and their schedules on the simulator's clock. A schedule
 * starts counting when the rule is created or enabled (as EventBridge does), and {@link #takeDue} hands out each due
 * firing once, moving the schedule past "now" (missed firings while the clock jumped are coalesced into one).
 */
public final class EventRules {
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final int MAX_TARGETS = 5;

    private final Supplier<Instant> clock;
    private final Map<String, Entry> rules = new LinkedHashMap<>();

    /** Rules whose schedules run on {@code clock}. */
    public EventRules(Supplier<Instant> clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The ARN of rule {@code name} on the default bus of an account and region. */
    public static String arn(String region, String accountId, String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + name;
    }

    /**
     * Creates or updates a rule (PutRule semantics: targets survive, an unchanged enabled schedule keeps its next
     * firing).
     *
     * @throws IllegalArgumentException for a bad name, schedule, or a rule with neither schedule nor pattern
     */
    public synchronized EventRule put(String region, String accountId, String name, String scheduleExpression,
            String eventPattern, boolean enabled, String description) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Parameter Name is not valid: it must be 1-64 characters of "
                    + "letters, digits, '.', '-' and '_'");
        }
        ScheduleExpression schedule = scheduleExpression == null ? null : ScheduleExpression.parse(scheduleExpression);
        if (schedule == null && (eventPattern == null || eventPattern.isBlank())) {
            throw new IllegalArgumentException("Parameter(s) ScheduleExpression or EventPattern must be specified.");
        }
        String arn = arn(region, accountId, name);
        Entry entry = rules.computeIfAbsent(arn, a -> new Entry(name, a, accountId));
        boolean restart = entry.schedule == null || schedule == null
                || !entry.schedule.text().equals(schedule.text()) || !entry.enabled;
        entry.schedule = schedule;
        entry.eventPattern = eventPattern;
        entry.description = description;
        entry.enabled = enabled;
        if (restart) {
            entry.reschedule(clock.get());
        }
        return entry.snapshot();
    }

    /** Enables or disables a rule; enabling restarts its schedule from now. */
    public synchronized EventRule setEnabled(String arn, boolean enabled) {
        Entry entry = require(arn);
        if (enabled != entry.enabled) {
            entry.enabled = enabled;
            entry.reschedule(clock.get());
        }
        return entry.snapshot();
    }

    /** Adds or replaces targets by id. */
    public synchronized EventRule putTargets(String arn, List<RuleTarget> targets) {
        Entry entry = require(arn);
        Map<String, RuleTarget> merged = new LinkedHashMap<>();
        entry.targets.forEach(t -> merged.put(t.id(), t));
        targets.forEach(t -> merged.put(t.id(), t));
        if (merged.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("Rule " + entry.name + " may have at most " + MAX_TARGETS + " targets");
        }
        entry.targets = new ArrayList<>(merged.values());
        return entry.snapshot();
    }

    /** A rule by ARN. */
    public synchronized Optional<EventRule> find(String arn) {
        Entry entry = rules.get(arn);
        return entry == null ? Optional.empty() : Optional.of(entry.snapshot());
    }

    /** Every rule, sorted by name. */
    public synchronized List<EventRule> all() {
        return rules.values().stream().map(Entry::snapshot).sorted(Comparator.comparing(EventRule::name)).toList();
    }

    /**
     * The enabled scheduled rules whose next firing is at or before now; each is moved to its first firing after now.
     */
    public synchronized List<EventRule> takeDue() {
        Instant now = clock.get();
        List<EventRule> due = new ArrayList<>();
        for (Entry entry : rules.values()) {
            if (entry.enabled && entry.nextFire != null && !entry.nextFire.isAfter(now)) {
                due.add(entry.snapshot());
                entry.nextFire = entry.schedule.nextAfter(now);
            }
        }
        return due;
    }

    private Entry require(String arn) {
        Entry entry = rules.get(arn);
        if (entry == null) {
            throw new RuleNotFoundException(arn);
        }
        return entry;
    }

    /** Thrown for a rule that does not exist; carries the rule ARN. */
    public static final class RuleNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RuleNotFoundException(String arn) {
            super(arn, null, false, false);
        }
    }

    private static final class Entry {
        private final String name;
        private final String arn;
        private final String accountId;
        private ScheduleExpression schedule;
        private String eventPattern;
        private String description;
        private boolean enabled;
        private List<RuleTarget> targets = new ArrayList<>();
        private Instant nextFire;

        Entry(String name, String arn, String accountId) {
            this.name = name;
            this.arn = arn;
            this.accountId = accountId;
        }

        void reschedule(Instant now) {
            nextFire = enabled && schedule != null ? schedule.nextAfter(now) : null;
        }

        EventRule snapshot() {
            return new EventRule(name, arn, accountId, schedule == null ? null : schedule.text(), eventPattern, enabled,
                    description, targets, nextFire);
        }
    }
}
