package dev.parley.banners.index;

import dev.parley.api.event.EventBus;
import dev.parley.api.event.PartnerJoined;
import dev.parley.api.event.PartnerUpdated;
import dev.parley.api.event.PartnersImported;
import dev.parley.api.event.PartnershipStatusChanged;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.plugin.HostServices;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.BannerMapper;
import dev.parley.banners.targeting.BannerAudience;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link BannerIndex} current: loads every live banner at start, reloads a program's
 * banners when one changes or many partners join at once, and re-decides a partner's audiences when
 * the host reports the partner joined, changed or changed status.
 */
public final class BannerIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BannerIndexer.class);

    private final SqlSessionFactory sessions;
    private final HostServices host;
    private final BannerAudience audience;
    private final BannerIndex index = new BannerIndex();
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private java.util.concurrent.ScheduledExecutorService scheduler;

    public BannerIndexer(SqlSessionFactory sessions, HostServices host, BannerAudience audience) {
        this.sessions = sessions;
        this.host = host;
        this.audience = audience;
    }

    /** Loads every live banner and dismissal, and subscribes to partner events. */
    public void start() {
        Instant now = host.clock().instant();
        try (SqlSession s = sessions.openSession()) {
            BannerMapper m = s.getMapper(BannerMapper.class);
            Map<Long, List<Banner>> byProgram = new LinkedHashMap<>();
            for (Banner b : m.live(null, now)) {
                byProgram.computeIfAbsent(b.programId(), k -> new ArrayList<>()).add(b);
            }
            byProgram.forEach((program, banners) -> index.replaceProgram(program, banners, this::entry));
            index.loadDismissals(m.dismissalsOfLive(now));
        }
        EventBus events = host.events();
        subscriptions.add(events.subscribe(PartnerUpdated.class, e -> partnerChanged(e.programId(), e.partnerId())));
        subscriptions.add(events.subscribe(PartnerJoined.class, e -> partnerChanged(e.programId(), e.partnerId())));
        subscriptions.add(events.subscribe(PartnershipStatusChanged.class,
                e -> partnerChanged(e.programId(), e.partnerId())));
        // many partners at once: recomputing the program's audiences is cheaper than one check each
        subscriptions.add(events.subscribe(PartnersImported.class, e -> partnersImported(e.programId())));
        long minutes = host.setting("banners.index.rebuild.minutes").map(Long::parseLong).orElse(60L);
        if (minutes > 0) {
            scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "parley-banners-index");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::rebuildAll, minutes, minutes, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /**
     * Recomputes every audience from the database and the host's directory: catches changes no event
     * reports (a saved audience edited in another plugin, performance of a new month) and drops ended
     * banners. Runs periodically ({@code banners.index.rebuild.minutes}, default 60).
     */
    public void rebuildAll() {
        try {
            Instant now = host.clock().instant();
            Map<Long, List<Banner>> byProgram = new LinkedHashMap<>();
            for (long program : index.programs()) {
                byProgram.put(program, new ArrayList<>());
            }
            try (SqlSession s = sessions.openSession()) {
                for (Banner b : s.getMapper(BannerMapper.class).live(null, now)) {
                    byProgram.computeIfAbsent(b.programId(), k -> new ArrayList<>()).add(b);
                }
            }
            byProgram.forEach((program, banners) -> index.replaceProgram(program, banners, this::entry, true));
        } catch (RuntimeException e) {
            LOG.error("Rebuilding the banner index failed", e);
        }
    }

    public BannerIndex index() {
        return index;
    }

    /** Reloads a program's live banners (after a banner changed). */
    public void programChanged(long programId) {
        try (SqlSession s = sessions.openSession()) {
            List<Banner> live = s.getMapper(BannerMapper.class).live(programId, host.clock().instant());
            index.replaceProgram(programId, live, this::entry);
        }
    }

    /**
     * Recomputes every audience of the program's live banners: many partners joined at once
     * ({@link PartnersImported}), so the unchanged banners' audiences are stale too.
     */
    public void partnersImported(long programId) {
        try (SqlSession s = sessions.openSession()) {
            List<Banner> live = s.getMapper(BannerMapper.class).live(programId, host.clock().instant());
            index.replaceProgram(programId, live, this::entry, true);
        }
    }

    /** Re-decides one partner's membership in the program's targeted banners. */
    public void partnerChanged(long programId, long partnerId) {
        try {
            index.refreshPartner(programId, partnerId, filter -> audience.matches(programId, filter, partnerId));
        } catch (RuntimeException e) {
            LOG.error("Refreshing banner audiences of partner {} in program {} failed; reloading the program", partnerId,
                    programId, e);
            programChanged(programId);
        }
    }

    private BannerIndex.Entry entry(Banner b) {
        PartnerFilter filter = audience.filter(b);
        if (filter == null) {
            return new BannerIndex.Entry(b, null, null);
        }
        long[] ids = new long[64];
        int[] n = {0};
        long[][] holder = {ids};
        host.partners().stream(b.programId(), filter, p -> {
            if (n[0] == holder[0].length) {
                holder[0] = java.util.Arrays.copyOf(holder[0], holder[0].length * 2);
            }
            holder[0][n[0]++] = p.id();
        });
        return new BannerIndex.Entry(b, filter, java.util.Arrays.copyOf(holder[0], n[0]));
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
    }
}
