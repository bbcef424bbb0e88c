package dev.parley.messaging.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.partner.Performance;
import dev.parley.api.partner.PerformancePeriod;
import dev.parley.api.partner.Program;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.api.user.UserKind;
import dev.parley.messaging.MessagingConfig;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.MessagingServices;
import dev.parley.messaging.broadcast.BulkDraft;
import dev.parley.messaging.broadcast.SendJob;
import dev.parley.messaging.channel.sms.LoggingSmsGateway;
import dev.parley.messaging.inbox.InboxCursor;
import dev.parley.messaging.inbox.InboxFilter;
import dev.parley.messaging.inbox.InboxService;
import dev.parley.messaging.inbox.InboxView;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Hooks for the benchmarks module into the running messaging plugin (not a test; nothing here is
 * timed against a limit). The benchmarks load this class through the plugin's class loader and call
 * it reflectively, so the code under test is the plugin's own copy. Every method takes and returns
 * JDK types only.
 */
public final class MessagingBenchProbe {

    private MessagingBenchProbe() {
    }

    private static MessagingServices services() {
        return MessagingPlugin.get().services();
    }

    /** A brand user with the messaging permission (as the host builds one at login). */
    public static CurrentUser brandUser(long programId, long userId) {
        return new CurrentUser(userId, UserKind.BRAND, "Bench manager", "bench@parley.test", programId, null,
                Set.of("Community Manager"), Set.of(Permissions.MESSAGING), false, ZoneOffset.UTC, Locale.ENGLISH);
    }

    // ---- inbox --------------------------------------------------------------------------------------

    /**
     * Adds {@code conversations} conversations with {@code messages} messages in all to the program,
     * with their inbox index rows (as the plugin writes them), over fake partners.
     *
     * @param managers brand user ids to assign conversations to (a quarter stay unassigned)
     * @return "seconds" and "conversations", "messages", "keys" (row counts afterwards)
     */
    public static Map<String, Double> fillInbox(long programId, long[] managers, int conversations, int messages)
            throws Exception {
        DataSource ds = services().host().dataSource();
        Map<String, Double> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            long base;
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1000 FROM msg_conversation")) {
                rs.next();
                base = rs.getLong(1);
            }
            StringBuilder assignee = new StringBuilder("CASE seq % 4 WHEN 0 THEN NULL");
            for (int i = 0; i < 3; i++) {
                assignee.append(" WHEN ").append(i + 1).append(" THEN ").append(managers[i % managers.length]);
            }
            assignee.append(" END");
            st.execute("INSERT INTO msg_conversation (id, program_id, partner_id, member_id, partner_name, member_name, subject,"
                    + " status, priority, assignee_id, brand_unread, partner_unread, started_by, reply_token, last_message_at,"
                    + " last_preview, message_count, created_at) SELECT " + base + " + seq, " + programId
                    + ", 1000000 + seq % 5000, NULL, CONCAT('Partner ', seq % 5000), NULL, CONCAT('Subject ', seq),"
                    + " IF(seq % 10 = 0, 'DONE', IF(seq % 97 = 0, 'SPAM', 'OPEN')), seq % 50 = 0, " + assignee
                    + ", seq % 20 = 3, FALSE, 'PARTNER', CONCAT('bench', LPAD(seq, 19, '0')),"
                    + " TIMESTAMP('2026-01-01') + INTERVAL seq * 37 SECOND, 'preview', " + Math.max(1, messages / Math.max(1, conversations))
                    + ", TIMESTAMP('2026-01-01') FROM seq_1_to_" + conversations);
            st.execute("INSERT INTO msg_message (conversation_id, program_id, author_kind, author_id, author_name, channel, body,"
                    + " created_at) SELECT " + base + " + 1 + seq % " + conversations + ", " + programId
                    + ", 'PARTNER', 1, 'Someone', 'APP', REPEAT('lorem ipsum ', 16), TIMESTAMP('2026-01-01') FROM seq_1_to_" + messages);
            String[][] dims = {{"'A'", "''", "TRUE"}, {"'P'", "partner_id", "TRUE"}, {"'M'", "IFNULL(assignee_id, 0)", "TRUE"},
                {"'S'", "ELT(partner_id % 3 + 1, 'APPROVED', 'PENDING', 'DECLINED')", "TRUE"},
                {"'T'", "ELT(partner_id % 8 + 1, 'VIP','Influencers','Content','Loyalty','EMEA','APAC','Newsletter','Coupon sites')", "TRUE"},
                {"'T'", "'Rare'", "partner_id % 97 = 0"}, {"'O'", "partner_id % 5 + 1", "TRUE"},
                {"'O'", "(partner_id + 2) % 5 + 1", "TRUE"},
                {"'C'", "ELT(partner_id % 3 + 1, 'Acme Apparel','Acme Outdoor','Acme Water')", "TRUE"}};
            for (String[] d : dims) {
                String where = " FROM msg_conversation WHERE id > " + base + " AND " + d[2];
                st.execute("INSERT INTO msg_inbox_key (conversation_id, dim, val, box, program_id, last_message_at) SELECT id, "
                        + d[0] + ", " + d[1] + ", status, program_id, last_message_at" + where);
                st.execute("INSERT INTO msg_inbox_key (conversation_id, dim, val, box, program_id, last_message_at) SELECT id, "
                        + d[0] + ", " + d[1] + ", 'UNREAD', program_id, last_message_at" + where
                        + " AND status = 'OPEN' AND brand_unread");
            }
            st.execute("ANALYZE TABLE msg_conversation, msg_inbox_key, msg_message");
            out.put("seconds", (System.nanoTime() - t0) / 1e9);
            try (ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM msg_conversation), (SELECT COUNT(*) FROM msg_message),"
                    + " (SELECT COUNT(*) FROM msg_inbox_key)")) {
                rs.next();
                out.put("conversations", (double) rs.getLong(1));
                out.put("messages", (double) rs.getLong(2));
                out.put("keys", (double) rs.getLong(3));
            }
        }
        return out;
    }

    /**
     * Inbox page cases: for each filter, the plugin's first page of 50 ({@link InboxService#page}) and
     * the raw keyset SQL of the same shape over JDBC (one inbox-index range joined to the
     * conversations, 51 full rows read), each as a callable returning the row count.
     *
     * @return case name to {parley, raw}
     */
    public static Map<String, Callable<Object>[]> inboxCases(long programId, long userId, long manager) {
        InboxService inbox = services().inbox();
        DataSource ds = services().host().dataSource();
        CurrentUser u = brandUser(programId, userId);
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("all", new Object[] {InboxFilter.all(), "A", "", "OPEN"});
        cases.put("unread", new Object[] {InboxFilter.all().withView(InboxView.UNREAD), "A", "", "UNREAD"});
        cases.put("done", new Object[] {InboxFilter.all().withView(InboxView.DONE), "A", "", "DONE"});
        cases.put("tag", new Object[] {new InboxFilter(InboxView.ALL, "VIP", null, null, null, null, null), "T", "VIP", "OPEN"});
        cases.put("rare tag", new Object[] {new InboxFilter(InboxView.ALL, "Rare", null, null, null, null, null), "T", "Rare", "OPEN"});
        cases.put("manager", new Object[] {new InboxFilter(InboxView.ALL, null, manager, null, null, null, null), "M",
            String.valueOf(manager), "OPEN"});
        cases.put("partnership status", new Object[] {new InboxFilter(InboxView.ALL, null, null, PartnershipStatus.PENDING, null,
            null, null), "S", "PENDING", "OPEN"});
        cases.put("offer", new Object[] {new InboxFilter(InboxView.ALL, null, null, null, 3L, null, null), "O", "3", "OPEN"});
        cases.put("client", new Object[] {new InboxFilter(InboxView.ALL, null, null, null, null, "Acme Water", null), "C",
            "Acme Water", "OPEN"});
        cases.put("partner", new Object[] {new InboxFilter(InboxView.ALL, null, null, null, null, null, 1_000_042L), "P",
            "1000042", "OPEN"});
        Map<String, Callable<Object>[]> out = new LinkedHashMap<>();
        for (var e : cases.entrySet()) {
            Object[] c = e.getValue();
            InboxFilter filter = (InboxFilter) c[0];
            @SuppressWarnings("unchecked")
            Callable<Object>[] pair = new Callable[] {
                () -> inbox.page(u, filter, (InboxCursor) null, 50).rows().size(),
                () -> rawPage(ds, programId, (String) c[1], (String) c[2], (String) c[3])};
            out.put(e.getKey(), pair);
        }
        return out;
    }

    static int rawPage(DataSource ds, long program, String dim, String val, String box) throws Exception {
        String sql = "SELECT STRAIGHT_JOIN c.id, c.program_id, c.partner_id, c.member_id, c.partner_name, c.member_name, c.subject,"
                + " c.status, c.priority, c.assignee_id, c.brand_unread, c.partner_unread, c.started_by, c.reply_token,"
                + " c.last_message_at, c.last_preview, c.message_count, c.created_at"
                + " FROM msg_inbox_key k FORCE INDEX (ix_msg_inbox_key_list) JOIN msg_conversation c ON c.id = k.conversation_id"
                + " WHERE k.program_id = ? AND k.dim = ? AND k.val = ? AND k.box = ?"
                + " ORDER BY k.last_message_at DESC, k.conversation_id DESC LIMIT 51";
        int n = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, program);
            ps.setString(2, dim);
            ps.setString(3, val);
            ps.setString(4, box);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 18; i++) {
                        rs.getObject(i);
                    }
                    n++;
                }
            }
        }
        return Math.min(n, 50);
    }

    // ---- bulk fan-out -------------------------------------------------------------------------------

    /**
     * One round of bulk in-app send to {@code recipients} partners against a raw JDBC batch insert of
     * the same rows (same table shape, same batch size and commit interval) on the same database.
     * The plugin's send job runs whole (snapshot, fan-out, counters) with a directory answering from
     * memory, so the directory's SQL is not part of the figure; the raw insert runs first.
     *
     * @param round which round of the caller's (not used by the measurement)
     * @return "raw.s", "job.s" (whole send job), "fanout.s" (after the snapshot), "heap.peak.mb"
     *         (peak heap of the JVM during the send job), "heap.before.mb", "delivered"
     */
    public static Map<String, Double> fanOut(long programId, long userId, int recipients, int round) throws Exception {
        MessagingServices running = services();
        HostServices base = running.host();
        TreeMap<Long, Partner> partners = new TreeMap<>();
        for (long i = 1; i <= recipients; i++) {
            partners.put(i, new Partner(i, programId, "Partner " + i, "p" + i + "@bench.test", PartnershipStatus.APPROVED,
                    List.of(), null, null, Instant.EPOCH, null));
        }
        HostServices host = new MemoryDirectoryHost(base, new MemoryDirectory(base.partners(), partners));
        DataSource ds = base.dataSource();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS bench_raw_delivery LIKE msg_bulk_delivery");
            st.execute("CREATE TABLE IF NOT EXISTS bench_scheduled_tasks LIKE msg_scheduled_tasks");
        }
        String subject = "Monthly news";
        String body = "Hello {partner_name}, this is the monthly newsletter of {program_name}. "
                + "Read about our new offers, payouts and the summer campaign calendar inside.";
        Map<String, Double> out = new LinkedHashMap<>();
        long rawBulk;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(bulk_id), 0) + 1 FROM bench_raw_delivery")) {
            rs.next();
            rawBulk = rs.getLong(1);
        }
        long rawStart = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_raw_delivery (bulk_id, partner_id, member_id,"
                    + " program_id, partner_name, subject, body, delivered_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?)")) {
                int k = 0;
                for (Partner p : partners.values()) {
                    ps.setLong(1, rawBulk);
                    ps.setLong(2, p.id());
                    ps.setLong(3, programId);
                    ps.setString(4, p.name());
                    ps.setString(5, subject);
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
        out.put("raw.s", (System.nanoTime() - rawStart) / 1e9);

        // Own services over the memory directory; its scheduler writes to a table nobody polls, so the
        // running plugin's scheduler does not pick this message up: the job runs here, in this thread.
        MessagingServices services = new MessagingServices(host, MessagingConfig.from(host), new LoggingSmsGateway(),
                (d, tasks) -> Scheduler.create(d, tasks).tableName("bench_scheduled_tasks").alwaysPersistTimestampInUTC()
                        .build());
        try {
            CurrentUser manager = brandUser(programId, userId);
            BulkDraft d = services.broadcasts().newDraft(manager);
            d.subject = subject;
            d.body = body;
            d.emailCopy = false;
            long id = services.broadcasts().sendNow(manager, d);
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            out.put("heap.before.mb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long[] fanStart = new long[1];
            int[] delivered = new int[1];
            long start = System.nanoTime();
            services.broadcasts().job().run(id, new SendJob.Hooks() {
                @Override
                public void afterBatch(long bulkId, long cursor, int count) {
                    if (fanStart[0] == 0) {
                        fanStart[0] = System.nanoTime();
                    }
                    delivered[0] = count;
                }
            });
            long end = System.nanoTime();
            out.put("heap.peak.mb", heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0);
            out.put("job.s", (end - start) / 1e9);
            // the first batch is inside the snapshot phase's timing: extrapolate the fan-out from batch 2 on
            out.put("fanout.s", recipients > SendJob.BATCH
                    ? (end - fanStart[0]) / 1e9 * recipients / (recipients - SendJob.BATCH) : (end - start) / 1e9);
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM msg_bulk_delivery WHERE bulk_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put("delivered", (double) rs.getLong(1));
                }
            }
        } finally {
            services.close();
        }
        return out;
    }

    /** The host's services with another partner directory. */
    private record MemoryDirectoryHost(HostServices base, PartnerDirectory directory) implements HostServices {
        @Override public Optional<CurrentUser> currentUser() { return base.currentUser(); }
        @Override public PartnerDirectory partners() { return directory; }
        @Override public dev.parley.api.feature.FeatureGate features() { return base.features(); }
        @Override public DataSource dataSource() { return base.dataSource(); }
        @Override public java.time.Clock clock() { return base.clock(); }
        @Override public dev.parley.api.mail.Mailer mailer() { return base.mailer(); }
        @Override public dev.parley.api.tracking.TrackingLinks trackingLinks() { return base.trackingLinks(); }
        @Override public dev.parley.api.event.EventBus events() { return base.events(); }
        @Override public dev.parley.api.schema.SchemaMigrations schema() { return base.schema(); }
        @Override public java.nio.file.Path dataDirectory(String id) { return base.dataDirectory(id); }
        @Override public <T> List<T> extensions(Class<T> type) { return base.extensions(type); }
        @Override public Optional<String> setting(String key) { return base.setting(key); }
    }

    /** Partners from a map: what the host's SQL directory answers, without its cost. */
    private record MemoryDirectory(PartnerDirectory base, TreeMap<Long, Partner> partners) implements PartnerDirectory {
        @Override public Optional<Program> program(long programId) { return base.program(programId); }
        @Override public Optional<Partner> partner(long programId, long partnerId) { return Optional.ofNullable(partners.get(partnerId)); }
        @Override public List<Partner> partners(long programId, Set<Long> ids) {
            List<Partner> out = new ArrayList<>(ids.size());
            ids.forEach(i -> {
                Partner p = partners.get(i);
                if (p != null) {
                    out.add(p);
                }
            });
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
        @Override public List<BrandUser> managers(long programId) { return base.managers(programId); }
        @Override public Optional<BrandUser> brandUser(long programId, long userId) { return base.brandUser(programId, userId); }
    }
}
