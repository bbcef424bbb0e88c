package dev.parley.messaging.broadcast;

import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.partner.Performance;
import dev.parley.api.partner.PerformancePeriod;
import dev.parley.api.partner.Program;
import dev.parley.api.user.BrandUser;
import dev.parley.messaging.MessagingServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Not a test: a manual probe of the in-app fan-out rate against a raw JDBC batch insert of the same
 * rows on the same database, with an in-memory directory so only the plugin's path is measured.
 * Run with {@code java -cp <test class path> dev.parley.messaging.broadcast.FanOutProbe 100000}.
 */
public final class FanOutProbe {

    public static void main(String[] args) throws Exception {
        try {
            probe(args);
        } finally {
            System.exit(0); // the embedded server's threads would keep the JVM alive
        }
    }

    private static void probe(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (BroadcastFixture fx = new BroadcastFixture("probe")) {
            long programId = fx.program.id();
            TreeMap<Long, Partner> partners = new TreeMap<>();
            for (long i = 1; i <= n; i++) {
                partners.put(i, new Partner(i, programId, "Partner " + i, "p" + i + "@probe.test", PartnershipStatus.APPROVED,
                        List.of(), null, null, Instant.EPOCH, null));
            }
            PartnerDirectory fast = new FastDirectory(fx.host.directory(), partners);
            var host = new dev.parley.api.plugin.HostServices() {
                @Override public Optional<dev.parley.api.user.CurrentUser> currentUser() { return fx.host.currentUser(); }
                @Override public PartnerDirectory partners() { return fast; }
                @Override public dev.parley.api.feature.FeatureGate features() { return fx.host.features(); }
                @Override public javax.sql.DataSource dataSource() { return fx.host.dataSource(); }
                @Override public java.time.Clock clock() { return fx.host.clock(); }
                @Override public dev.parley.api.mail.Mailer mailer() { return fx.host.mailer(); }
                @Override public dev.parley.api.tracking.TrackingLinks trackingLinks() { return fx.host.trackingLinks(); }
                @Override public dev.parley.api.event.EventBus events() { return fx.host.events(); }
                @Override public dev.parley.api.schema.SchemaMigrations schema() { return fx.host.schema(); }
                @Override public java.nio.file.Path dataDirectory(String id) { return fx.host.dataDirectory(id); }
                @Override public <T> List<T> extensions(Class<T> type) { return List.of(); }
                @Override public Optional<String> setting(String key) { return fx.host.setting(key); }
            };
            MessagingServices services = new MessagingServices(host, dev.parley.messaging.MessagingConfig.from(host),
                    new dev.parley.messaging.channel.sms.LoggingSmsGateway(), BroadcastFixture.manual(fx.host.mutableClock()));
            try (Connection c = fx.host.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE raw_delivery LIKE msg_bulk_delivery");
            }
            String body = "Hello {partner_name}, this is the monthly newsletter of {program_name}. "
                    + "Read about our new offers, payouts and the summer campaign calendar inside.";
            for (int round = 0; round < 2; round++) {
                long rawStart = System.nanoTime();
                try (Connection c = fx.host.dataSource().getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_delivery (bulk_id, partner_id, member_id,"
                            + " program_id, partner_name, subject, body, delivered_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?)")) {
                        int k = 0;
                        for (Partner p : partners.values()) {
                            ps.setLong(1, round + 1);
                            ps.setLong(2, p.id());
                            ps.setLong(3, programId);
                            ps.setString(4, p.name());
                            ps.setString(5, "Monthly news");
                            ps.setString(6, body.replace("{partner_name}", p.name()));
                            ps.setObject(7, LocalDateTime.now());
                            ps.addBatch();
                            if (++k % SendJob.BATCH == 0) {
                                ps.executeBatch();
                                c.commit();
                            }
                        }
                        ps.executeBatch();
                        c.commit();
                    }
                }
                double rawSecs = (System.nanoTime() - rawStart) / 1e9;

                BulkDraft d = services.broadcasts().newDraft(fx.manager);
                d.subject = "Monthly news";
                d.body = body;
                d.emailCopy = false;
                long id = services.broadcasts().sendNow(fx.manager, d);
                long[] fanStart = new long[1];
                long start = System.nanoTime();
                services.broadcasts().job().run(id, new SendJob.Hooks() {
                    @Override
                    public void afterBatch(long bulkId, long cursor, int delivered) {
                        if (fanStart[0] == 0) {
                            fanStart[0] = System.nanoTime();
                        }
                    }
                });
                long end = System.nanoTime();
                double total = (end - start) / 1e9;
                double fan = (end - fanStart[0]) / 1e9 * n / (n - SendJob.BATCH);
                System.out.printf("   fan-out alone (after the snapshot, extrapolated from batch 2 on): %.2f s = %.0f rows/s (%.2fx raw)%n",
                        fan, n / fan, (n / fan) / (n / rawSecs));
                System.out.printf("round %d: raw %d rows in %.2f s = %.0f rows/s; send job total %.2f s = %.0f rows/s (%.2fx raw)%n",
                        round, n, rawSecs, n / rawSecs, total, n / total, (n / total) / (n / rawSecs));
            }
            services.close();
        }
    }

    /** Partners from a map: what the host's SQL directory answers, without its cost. */
    private record FastDirectory(PartnerDirectory base, TreeMap<Long, Partner> partners) implements PartnerDirectory {
        @Override public Optional<Program> program(long programId) { return base.program(programId); }
        @Override public Optional<Partner> partner(long programId, long partnerId) { return Optional.ofNullable(partners.get(partnerId)); }
        @Override public List<Partner> partners(long programId, Set<Long> ids) {
            List<Partner> out = new ArrayList<>(ids.size());
            ids.forEach(i -> { Partner p = partners.get(i); if (p != null) { out.add(p); } });
            return out;
        }
        @Override public List<PartnerMember> members(long programId, long partnerId) { return List.of(); }
        @Override public Optional<PartnerMember> member(long programId, long memberId) { return Optional.empty(); }
        @Override public List<PartnerMember> membersByEmail(String email) { return List.of(); }
        @Override public List<PartnerMember> membersByPhone(String phone) { return List.of(); }
        @Override public long count(long programId, PartnerFilter filter) { return partners.size(); }
        @Override public List<Partner> page(long programId, PartnerFilter filter, long afterId, int limit) {
            return partners.tailMap(afterId, false).values().stream().limit(limit).toList();
        }
        @Override public void stream(long programId, PartnerFilter filter, Consumer<Partner> consumer) { partners.values().forEach(consumer); }
        @Override public List<Offer> offers(long programId) { return List.of(); }
        @Override public Set<Long> approvedOffers(long programId, long partnerId) { return Set.of(); }
        @Override public Performance performance(long programId, long partnerId, PerformancePeriod period) { return null; }
        @Override public List<String> tags(long programId) { return List.of(); }
        @Override public List<BrandUser> managers(long programId) { return List.of(); }
        @Override public Optional<BrandUser> brandUser(long programId, long userId) { return Optional.empty(); }
    }
}
