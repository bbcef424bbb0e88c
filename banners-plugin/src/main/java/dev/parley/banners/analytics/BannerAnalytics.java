package dev.parley.banners.analytics;

import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersPlugin;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Records views and clicks, and reports a banner's reach, dismissals and click-through. */
public final class BannerAnalytics {

    private final SqlSessionFactory sessions;
    private final HostServices host;

    public BannerAnalytics(SqlSessionFactory sessions, HostServices host) {
        this.sessions = sessions;
        this.host = host;
    }

    /** Records that a member saw a banner; counted once per member. */
    public void recordView(long bannerId, CurrentUser member) {
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(AnalyticsMapper.class).recordView(bannerId, member.userId(), member.programId(), member.partnerId(),
                    host.clock().instant());
        }
    }

    /** Records a call-to-action click. */
    public void recordClick(long bannerId, CurrentUser member) {
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(AnalyticsMapper.class).recordClick(bannerId, member.userId(), member.programId(), member.partnerId(),
                    host.clock().instant());
        }
    }

    /** @return the banner's reach; days are in the actor's time zone */
    public BannerStats stats(CurrentUser actor, long bannerId) {
        if (actor == null || !actor.can(Permissions.BANNERS)) {
            throw new SecurityException("Banners permission required");
        }
        if (!host.features().isEnabled(actor.programId(), BannersPlugin.FEATURE)) {
            throw new SecurityException("Banners are not part of this program's plan");
        }
        long p = actor.programId();
        try (SqlSession s = sessions.openSession()) {
            AnalyticsMapper m = s.getMapper(AnalyticsMapper.class);
            ZoneId zone = actor.zoneId();
            Map<LocalDate, long[]> days = new TreeMap<>();
            count(days, m.partnerFirstViews(p, bannerId), zone, 0);
            count(days, m.dismissalTimes(p, bannerId), zone, 1);
            count(days, m.clickTimes(p, bannerId), zone, 2);
            List<BannerStats.Day> list = new ArrayList<>();
            days.forEach((d, c) -> list.add(new BannerStats.Day(d, c[0], c[1], c[2])));
            return new BannerStats(m.partnersReached(p, bannerId), m.membersReached(p, bannerId), m.dismissals(p, bannerId),
                    m.clicks(p, bannerId), m.partnersClicked(p, bannerId), list);
        }
    }

    private static void count(Map<LocalDate, long[]> days, List<Instant> times, ZoneId zone, int slot) {
        for (Instant t : times) {
            days.computeIfAbsent(t.atZone(zone).toLocalDate(), k -> new long[3])[slot]++;
        }
    }
}
