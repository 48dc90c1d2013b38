package dev.drsorchestrator.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static final Instant NOON = Instant.parse("2026-03-04T12:00:00Z");

    @Test
    void parse_shouldReadRates_whenUnitsMatchTheValue() {
        // GIVEN / WHEN / THEN
        assertThat(ScheduleExpression.parse("rate(1 minute)").nextAfter(NOON)).isEqualTo(NOON.plusSeconds(60));
        assertThat(ScheduleExpression.parse("rate(30 minutes)").nextAfter(NOON))
                .isEqualTo(NOON.plus(Duration.ofMinutes(30)));
        assertThat(ScheduleExpression.parse("rate(2 hours)").nextAfter(NOON)).isEqualTo(NOON.plus(Duration.ofHours(2)));
        assertThat(ScheduleExpression.parse("rate(1 day)").nextAfter(NOON)).isEqualTo(NOON.plus(Duration.ofDays(1)));
    }

    @Test
    void parse_shouldRefuseMalformedRates_withTheRuleInTheMessage() {
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 minutes)")).hasMessageContaining("> 0");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 minutes)")).hasMessageContaining("singular");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 minute)")).hasMessageContaining("plural");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 weeks)")).hasMessageContaining("unit 'weeks'");
        assertThatThrownBy(() -> ScheduleExpression.parse("every 5 minutes")).hasMessageContaining("neither");
        assertThatThrownBy(() -> ScheduleExpression.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void cron_shouldFindNextMatchingMinute_forStepsListsAndNames() {
        // every 10 minutes
        assertThat(next("cron(0/10 * * * ? *)", "2026-03-04T12:03:00Z")).isEqualTo("2026-03-04T12:10:00Z");
        // 02:30 on weekdays; 2026-03-06 is a Friday, so the next is Monday the 9th
        assertThat(next("cron(30 2 ? * MON-FRI *)", "2026-03-06T03:00:00Z")).isEqualTo("2026-03-09T02:30:00Z");
        // noon on the 1st and 15th of January and July
        assertThat(next("cron(0 12 1,15 JAN,JUL ? *)", "2026-03-04T00:00:00Z")).isEqualTo("2026-07-01T12:00:00Z");
        // last day of the month
        assertThat(next("cron(0 0 L * ? *)", "2026-02-10T00:00:00Z")).isEqualTo("2026-02-28T00:00:00Z");
        // day-of-week numbers are 1 = Sunday; 2026-03-08 is a Sunday
        assertThat(next("cron(15 6 ? * 1 *)", "2026-03-04T00:00:00Z")).isEqualTo("2026-03-08T06:15:00Z");
        // a year that has passed never fires
        assertThat(ScheduleExpression.parse("cron(0 0 1 1 ? 2020)").nextAfter(NOON)).isEqualTo(Instant.MAX);
    }

    @Test
    void cron_shouldRefuseInvalidOrUnsupportedFields_withTheFieldName() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 * * *)")).hasMessageContaining("6 fields");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 * * * *)")).hasMessageContaining("'?'");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(61 12 * * ? *)")).hasMessageContaining("minutes");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 ? * 6#3 *)")).hasMessageContaining("#");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 15W * ? *)")).hasMessageContaining("W");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 10-5 * ? *)")).hasMessageContaining("backwards");
    }

    @Property
    void cron_nextAfter_shouldBeStrictlyLaterAndOnAMatchingMinute(
            @ForAll @LongRange(min = 1_700_000_000L, max = 1_900_000_000L) long epochSecond) {
        Instant after = Instant.ofEpochSecond(epochSecond);
        Instant next = ScheduleExpression.parse("cron(5/15 */3 ? * TUE,SAT *)").nextAfter(after);
        java.time.ZonedDateTime at = next.atZone(java.time.ZoneOffset.UTC);
        assertThat(next).isAfter(after);
        assertThat(next).isBeforeOrEqualTo(after.plus(Duration.ofDays(8)));
        assertThat(at.getMinute() % 15).isEqualTo(5);
        assertThat(at.getHour() % 3).isZero();
        assertThat(at.getDayOfWeek()).isIn(java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.SATURDAY);
        assertThat(at.getSecond()).isZero();
    }

    private static String next(String expression, String after) {
        return ScheduleExpression.parse(expression).nextAfter(Instant.parse(after)).toString();
    }
}
