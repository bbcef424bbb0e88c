package dev.parley.api.partner;

import java.io.Serializable;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * An inclusive range of calendar months (performance figures are kept per month).
 *
 * @param from first month
 * @param to last month, not before {@code from}
 * @since 1.0
 */
public record PerformancePeriod(YearMonth from, YearMonth to) implements Serializable {

    public PerformancePeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Period ends before it starts: " + from + " > " + to);
        }
    }

    /** @return the calendar month before the current one (UTC) */
    public static PerformancePeriod lastMonth(Clock clock) {
        YearMonth last = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
        return new PerformancePeriod(last, last);
    }

    /** @return the current calendar month (UTC) */
    public static PerformancePeriod thisMonth(Clock clock) {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        return new PerformancePeriod(now, now);
    }

    /** @return the last {@code months} complete months */
    public static PerformancePeriod lastMonths(Clock clock, int months) {
        YearMonth last = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
        return new PerformancePeriod(last.minusMonths(months - 1L), last);
    }
}
