package dev.drsorchestrator.local.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * The six fields of an EventBridge cron expression (minutes, hours, day-of-month, month, day-of-week, year), each a
 * set of allowed values. Supports {@code *}, {@code ?}, lists, ranges, steps, month and weekday names, and {@code L}
 * alone in day-of-month (the last day). {@code W}, {@code #} and weekday {@code L} forms are refused with a message
 * saying so, rather than silently mis-scheduled.
 */
final class CronSchedule {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final java.util.regex.Pattern UNSUPPORTED =
            java.util.regex.Pattern.compile("(?:\\d|L)W|#|\\dL|^L$|,L|L,");
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 2199;
    private static final int SEARCH_YEARS = 8;

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final boolean lastDayOfMonth;
    private final boolean anyDayOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfWeek;
    private final BitSet years;

    private CronSchedule(String[] f) {
        minutes = field(f[0], "minutes", 0, 59, List.of());
        hours = field(f[1], "hours", 0, 23, List.of());
        lastDayOfMonth = f[2].equals("L");
        anyDayOfMonth = f[2].equals("?");
        daysOfMonth = lastDayOfMonth || anyDayOfMonth ? new BitSet() : field(f[2], "day-of-month", 1, 31, List.of());
        months = field(f[3], "month", 1, 12, MONTHS);
        anyDayOfWeek = f[4].equals("?");
        daysOfWeek = anyDayOfWeek ? new BitSet() : field(f[4], "day-of-week", 1, 7, DAYS);
        years = field(f[5], "year", MIN_YEAR, MAX_YEAR, List.of());
        if (anyDayOfMonth == anyDayOfWeek) {
            throw invalid("exactly one of day-of-month and day-of-week must be '?'");
        }
    }

    static CronSchedule parse(String body) {
        String[] fields = body.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (fields.length != 6) {
            throw invalid("cron needs 6 fields (minutes hours day-of-month month day-of-week year), got "
                    + fields.length);
        }
        return new CronSchedule(fields);
    }

    /** The first matching minute strictly after {@code after}, or {@link Instant#MAX} when none comes. */
    Instant nextAfter(Instant after) {
        ZonedDateTime start = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        LocalDate end = day.plusYears(SEARCH_YEARS);
        for (; !day.isAfter(end); day = day.plusDays(1)) {
            if (!dayMatches(day)) {
                continue;
            }
            int fromMinuteOfDay = day.equals(start.toLocalDate()) ? start.getHour() * 60 + start.getMinute() : 0;
            for (int hour = hours.nextSetBit(fromMinuteOfDay / 60); hour >= 0 && hour < 24;
                    hour = hours.nextSetBit(hour + 1)) {
                int fromMinute = hour == fromMinuteOfDay / 60 && day.equals(start.toLocalDate())
                        ? fromMinuteOfDay % 60 : 0;
                int minute = minutes.nextSetBit(fromMinute);
                if (minute >= 0 && minute < 60) {
                    return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
                }
            }
        }
        return Instant.MAX;
    }

    private boolean dayMatches(LocalDate day) {
        if (!years.get(day.getYear()) || !months.get(day.getMonthValue())) {
            return false;
        }
        if (!anyDayOfMonth) {
            return lastDayOfMonth ? day.getDayOfMonth() == day.lengthOfMonth() : daysOfMonth.get(day.getDayOfMonth());
        }
        int sundayFirst = day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : day.getDayOfWeek().getValue() + 1;
        return daysOfWeek.get(sundayFirst);
    }

    private static BitSet field(String text, String name, int min, int max, List<String> names) {
        if (UNSUPPORTED.matcher(text).find()) {
            throw invalid(name + " '" + text + "' uses W, # or L, which the local scheduler does not evaluate");
        }
        BitSet values = new BitSet();
        for (String part : text.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), name, 1, max, List.of());
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = number(ends[0], name, min, max, names);
                to = number(ends[1], name, min, max, names);
                if (from > to) {
                    throw invalid(name + " range '" + range + "' runs backwards");
                }
            } else {
                from = number(range, name, min, max, names);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int number(String token, String name, int min, int max, List<String> names) {
        int index = names.indexOf(token);
        if (index >= 0) {
            return index + 1;
        }
        try {
            int value = Integer.parseInt(token);
            if (value < min || value > max) {
                throw invalid(name + " value " + value + " is outside " + min + "-" + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name + " value '" + token + "' is not a number" + (names.isEmpty() ? "" : " or a name"));
        }
    }

    private static IllegalArgumentException invalid(String detail) {
        return new IllegalArgumentException("Parameter ScheduleExpression is not valid: " + detail);
    }
}
