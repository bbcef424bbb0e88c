package dev.parley.banners.analytics;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A banner's measured reach.
 *
 * @param partnersReached partners with at least one member who saw it (unique views)
 * @param membersReached members who saw it
 * @param dismissals members who dismissed it
 * @param clicks call-to-action clicks
 * @param partnersClicked partners with at least one click
 * @param days per day in the viewer's time zone, oldest first
 */
public record BannerStats(long partnersReached, long membersReached, long dismissals, long clicks, long partnersClicked,
        List<Day> days) implements Serializable {

    /** @return clicking partners per partner reached, in percent with one decimal; 0 when nobody was reached */
    public double clickThroughRate() {
        return partnersReached == 0 ? 0 : Math.round(partnersClicked * 1000.0 / partnersReached) / 10.0;
    }

    /**
     * @param date the day
     * @param partnersReached partners reached for the first time that day
     * @param dismissals dismissals that day
     * @param clicks clicks that day
     */
    public record Day(LocalDate date, long partnersReached, long dismissals, long clicks) implements Serializable {
    }
}
