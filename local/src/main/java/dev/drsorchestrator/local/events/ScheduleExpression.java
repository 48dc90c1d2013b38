package dev.drsorchestrator.local.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(5 minutes)} or {@code cron(0 12 * * ? *)} (UTC), able to say when it
 * next fires after a given instant.
 */
public sealed interface ScheduleExpression {

    /** The first firing strictly after {@code after}. */
    Instant nextAfter(Instant after);

    /** The expression as written. */
    String text();

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException naming what is wrong, in EventBridge's words where it has them
     */
    static ScheduleExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Parameter ScheduleExpression is not valid: it is empty");
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("rate(") && trimmed.endsWith(")")) {
            return Rate.parse(trimmed);
        }
        if (trimmed.startsWith("cron(") && trimmed.endsWith(")")) {
            return new Cron(trimmed, CronSchedule.parse(trimmed.substring(5, trimmed.length() - 1)));
        }
        throw new IllegalArgumentException("Parameter ScheduleExpression is not valid: '" + text
                + "' is neither rate(value unit) nor cron(minutes hours day-of-month month day-of-week year)");
    }

    /** {@code rate(value unit)}: fires every {@code period}, the first time one period after the rule is created. */
    record Rate(String text, Duration period) implements ScheduleExpression {
        private static final Pattern RATE = Pattern.compile("^rate\\(\\s*(\\d{1,9})\\s+([a-z]+)\\s*\\)$");

        /** Rejects a non-positive period. */
        public Rate {
            Objects.requireNonNull(text, "text");
            if (period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("rate period must be positive");
            }
        }

        static Rate parse(String text) {
            Matcher m = RATE.matcher(text.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("Parameter ScheduleExpression is not valid: '" + text
                        + "' must be rate(value unit) with a whole positive value");
            }
            long value = Long.parseLong(m.group(1));
            String unit = m.group(2);
            if (value == 0) {
                throw new IllegalArgumentException("Parameter ScheduleExpression is not valid: rate value must be > 0");
            }
            boolean singular = unit.equals("minute") || unit.equals("hour") || unit.equals("day");
            if (singular != (value == 1)) {
                throw new IllegalArgumentException("Parameter ScheduleExpression is not valid: '" + text
                        + "' must use the singular unit for 1 and the plural otherwise");
            }
            Duration period = switch (unit) {
                case "minute", "minutes" -> Duration.ofMinutes(value);
                case "hour", "hours" -> Duration.ofHours(value);
                case "day", "days" -> Duration.ofDays(value);
                default -> throw new IllegalArgumentException("Parameter ScheduleExpression is not valid: unit '"
                        + unit + "' must be minute(s), hour(s) or day(s)");
            };
            return new Rate(text, period);
        }

        @Override
        public Instant nextAfter(Instant after) {
            return after.plus(period);
        }
    }

    /** {@code cron(...)}: fires at the minutes the six fields select, in UTC. */
    record Cron(String text, CronSchedule schedule) implements ScheduleExpression {
        @Override
        public Instant nextAfter(Instant after) {
            return schedule.nextAfter(after);
        }
    }
}
