package dev.parley.messaging.broadcast;

import dev.parley.api.mail.MailDeliveryException;
import dev.parley.api.mail.OutboundMail;
import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.Program;
import dev.parley.api.plugin.HostServices;
import dev.parley.messaging.audience.Audience;
import dev.parley.messaging.audience.Codec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one bulk message, resumably:
 * <ol>
 * <li><b>Snapshot</b>: the audience as it is when sending starts is written before any copy: the
 * recipients packed 1,000 to a row with what their copies are rendered from ({@code msg_bulk_chunk}:
 * id, name, contact e-mail, manager), and the chosen partners left
 * out with the reason ({@code msg_bulk_recipient}: excluded by hand, not approved for an included
 * offer, a macro value missing without fallback). Resumable from its cursor.</li>
 * <li><b>Fan-out</b>: one chunk per transaction: the personalised in-app copies are batch-inserted
 * (plain JDBC on one connection, {@code INSERT IGNORE} on the key (bulk, partner, member), no query
 * per recipient), with the e-mail copies due for members who asked for e-mail, the counter and the
 * cursor. A process that dies loses at most the open transaction; the next run continues after the
 * cursor, so every recipient gets exactly one copy.</li>
 * <li><b>E-mail</b>: each copy is marked, sent through the host's mailer and recorded; a copy whose
 * process died between the mailer and the record is sent again with the same Message-ID, which the
 * host's mailer uses to send it once where it can tell (its outbox); failures are
 * retried with exponential backoff (30 s, 1, 2, 4 min; five attempts), and when at least half of
 * the last 20+ attempts failed the job pauses itself instead of hammering the mail server.</li>
 * </ol>
 * Only one host works on a message at a time (a MariaDB named lock held by the job's connection,
 * released by the server when that process dies). Pausing is seen between batches.
 */
public final class SendJob {

    /** Recipients per fan-out transaction. */
    public static final int BATCH = 1000;
    /** Attempts per e-mail copy before it counts as failed. */
    public static final int MAX_EMAIL_ATTEMPTS = 5;
    /** First retry delay; doubled per attempt. */
    public static final Duration BACKOFF = Duration.ofSeconds(30);
    /** Attempts looked at for the error rate. */
    static final int ERROR_WINDOW = 50;
    /** Fewest attempts before the error rate can pause a job. */
    static final int ERROR_MIN_ATTEMPTS = 20;
    /** Failure share that pauses the job. */
    static final double ERROR_RATE_PAUSE = 0.5;
    /** Pause reason for a high e-mail error rate. */
    public static final String PAUSED_ERROR_RATE = "ERROR_RATE";
    /** Pause reason when a user paused. */
    public static final String PAUSED_BY_USER = "USER";

    private static final Logger LOG = LoggerFactory.getLogger(SendJob.class);

    /** What a run ended with. */
    public enum Outcome {
        SENT, PAUSED, WAITING_FOR_RETRIES, NOT_SENDING, NOT_DUE, BUSY, STOPPED
    }

    /** Test and progress hooks. */
    public interface Hooks {
        Hooks NONE = new Hooks() {
        };

        /** Called after each committed fan-out batch. */
        default void afterBatch(long bulkId, long cursor, int delivered) {
        }
    }

    private final SqlSessionFactory sessions;
    private final HostServices host;
    private final OpenTokens tokens;
    private final String baseUrl;
    private volatile BulkScheduler scheduler;
    private volatile boolean stopping;

    public SendJob(SqlSessionFactory sessions, HostServices host, OpenTokens tokens, String baseUrl) {
        this.sessions = sessions;
        this.host = host;
        this.tokens = tokens;
        this.baseUrl = baseUrl;
    }

    /** Where retries are planned; without one, retries wait for the next run. */
    public void setScheduler(BulkScheduler scheduler) {
        this.scheduler = scheduler;
    }

    public Outcome run(long bulkId) {
        return run(bulkId, Hooks.NONE);
    }

    /**
     * The plugin is stopping: running jobs end after their current transaction. The messages stay
     * SENDING and are resumed when the plugin starts again ({@link #resumeInterrupted}).
     */
    public void stop() {
        stopping = true;
    }

    /**
     * Plans a run for every message left SENDING (its host stopped or died while sending) and every due
     * message not started yet. A host killed right after db-scheduler picked a message leaves that
     * execution picked until db-scheduler declares it dead (a minute of missed heartbeats); this run
     * starts the message at once instead. A second run of the same message waits for the first's lock.
     */
    public int resumeInterrupted() {
        Instant now = host.clock().instant();
        List<Long> ids;
        try (SqlSession s = sessions.openSession()) {
            ids = s.getMapper(BroadcastMapper.class).interrupted(now);
        }
        BulkScheduler sch = scheduler;
        if (sch != null) {
            ids.forEach(id -> sch.scheduleRun(id, now));
        }
        return ids.size();
    }

    public Outcome run(long bulkId, Hooks hooks) {
        try (Connection lockConnection = host.dataSource().getConnection()) {
            if (!lock(lockConnection, bulkId)) {
                LOG.info("Bulk {} is being sent by another host", bulkId);
                return Outcome.BUSY;
            }
            try {
                return runLocked(bulkId, hooks);
            } finally {
                unlock(lockConnection, bulkId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Send job of bulk " + bulkId + " failed: " + e.getMessage(), e);
        }
    }

    private Outcome runLocked(long bulkId, Hooks hooks) throws SQLException {
        Instant now = host.clock().instant();
        Bulk b;
        try (SqlSession s = sessions.openSession(true)) {
            BroadcastMapper m = s.getMapper(BroadcastMapper.class);
            b = m.byId(bulkId);
            if (b == null || !Bulk.MESSAGE.equals(b.kind())) {
                return Outcome.NOT_SENDING;
            }
            if (b.status() == BulkStatus.SCHEDULED) {
                if (b.scheduledAt() != null && b.scheduledAt().isAfter(now)) {
                    return Outcome.NOT_DUE;
                }
                m.start(bulkId, now);
                b = m.byId(bulkId);
            }
        }
        if (b.status() != BulkStatus.SENDING) {
            return b.status() == BulkStatus.PAUSED ? Outcome.PAUSED : Outcome.NOT_SENDING;
        }
        List<Offer> offers = offers(b);
        Map<String, String> fallbacks = fallbacks(b);
        Personalizer personalizer = new Personalizer(host, b.programId(), offers, fallbacks, b.subject(), b.body());
        if (!b.snapshotDone()) {
            snapshot(b, offers, personalizer);
        }
        if (!fanOut(b, personalizer, hooks)) {
            return stopping ? Outcome.STOPPED : Outcome.PAUSED;
        }
        return emails(b, fallbacks);
    }

    // ---- snapshot -----------------------------------------------------------------------------

    /** @return the offers the message includes, in the order chosen */
    List<Offer> offers(Bulk b) {
        List<Long> ids = parseIds(b.offerIds());
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Offer> all = host.partners().offers(b.programId()).stream()
                .collect(Collectors.toMap(Offer::id, Function.identity()));
        return ids.stream().map(all::get).filter(o -> o != null).toList();
    }

    static List<Long> parseIds(String csv) {
        List<Long> ids = new ArrayList<>();
        if (csv != null) {
            for (String p : csv.split(",")) {
                if (!p.isBlank()) {
                    ids.add(Long.parseLong(p.strip()));
                }
            }
        }
        return ids;
    }

    static Map<String, String> fallbacks(Bulk b) {
        return fallbacksOf(b.fallbacks());
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> fallbacksOf(String encoded) {
        return encoded == null || encoded.isEmpty() ? Map.of() : Codec.decode(encoded, LinkedHashMap.class);
    }

    private void snapshot(Bulk b, List<Offer> offers, Personalizer personalizer) throws SQLException {
        Audience audience = Codec.decode(b.audience(), Audience.class);
        RecipientCheck check = RecipientCheck.forSending(host, b.programId(), offers, personalizer, audience.excluded());
        long cursor = b.snapshotCursor();
        Snapshot snap = new Snapshot(b.id(), b.snapshotChunks());
        SQLException[] failure = new SQLException[1];
        host.partners().stream(b.programId(), audience.chosen(), p -> {
            if (p.id() <= cursor || failure[0] != null) {
                return;
            }
            String reason = check.reason(p);
            if (reason == null) {
                snap.ids.add(p);
            } else {
                snap.excluded.add(new Object[] {p.id(), p.name(), reason});
            }
            snap.last = p.id();
            if (snap.ids.size() >= BATCH || snap.excluded.size() >= BATCH) {
                try {
                    snap.flush();
                } catch (SQLException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        snap.flush();
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(BroadcastMapper.class).snapshotDone(b.id());
        }
    }

    /** Collects the snapshot and writes it a chunk at a time, with the cursor, in one transaction each. */
    private final class Snapshot {
        final long bulkId;
        int chunkNo;
        long last;
        final List<Partner> ids = new ArrayList<>(BATCH);
        final List<Object[]> excluded = new ArrayList<>();

        Snapshot(long bulkId, int chunks) {
            this.bulkId = bulkId;
            this.chunkNo = chunks;
        }

        void flush() throws SQLException {
            if (ids.isEmpty() && excluded.isEmpty()) {
                return;
            }
            try (Connection c = host.dataSource().getConnection()) {
                c.setAutoCommit(false);
                if (!ids.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO msg_bulk_chunk (bulk_id, chunk_no,"
                            + " first_partner_id, last_partner_id, partners) VALUES (?, ?, ?, ?, ?)")) {
                        ps.setLong(1, bulkId);
                        ps.setInt(2, chunkNo);
                        ps.setLong(3, ids.get(0).id());
                        ps.setLong(4, ids.get(ids.size() - 1).id());
                        ps.setBytes(5, pack(ids));
                        ps.executeUpdate();
                    }
                }
                if (!excluded.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO msg_bulk_recipient (bulk_id,"
                            + " partner_id, partner_name, excluded_reason) VALUES (?, ?, ?, ?)")) {
                        for (Object[] r : excluded) {
                            ps.setLong(1, bulkId);
                            ps.setLong(2, (Long) r[0]);
                            ps.setString(3, truncate((String) r[1], 200));
                            ps.setString(4, truncate((String) r[2], 300));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE msg_bulk SET snapshot_cursor = ?, snapshot_chunks = ?,"
                        + " recipients = recipients + ?, excluded = excluded + ? WHERE id = ?")) {
                    ps.setLong(1, last);
                    ps.setInt(2, ids.isEmpty() ? chunkNo : chunkNo + 1);
                    ps.setInt(3, ids.size() + excluded.size());
                    ps.setInt(4, excluded.size());
                    ps.setLong(5, bulkId);
                    ps.executeUpdate();
                }
                c.commit();
            }
            if (!ids.isEmpty()) {
                chunkNo++;
            }
            ids.clear();
            excluded.clear();
        }
    }

    /**
     * Packs the recipients with what their copies are rendered from (id, name, contact e-mail,
     * status, manager), so the fan-out asks the directory nothing and renders the partners as they
     * were when sending started.
     */
    static byte[] pack(List<Partner> partners) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(partners.size() * 80);
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            for (Partner p : partners) {
                out.writeLong(p.id());
                out.writeUTF(truncate(p.name(), 200));
                out.writeUTF(p.email() == null ? "" : truncate(p.email(), 320));
                out.writeByte(p.status() == null ? 0 : p.status().ordinal() + 1);
                out.writeLong(p.managerId() == null ? -1 : p.managerId());
                out.writeBoolean(p.managerName() != null);
                if (p.managerName() != null) {
                    out.writeUTF(truncate(p.managerName(), 200));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Partner> unpack(long programId, byte[] bytes) {
        List<Partner> partners = new ArrayList<>(BATCH);
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            while (in.available() > 0) {
                long id = in.readLong();
                String name = in.readUTF();
                String email = in.readUTF();
                int status = in.readByte();
                long managerId = in.readLong();
                String managerName = in.readBoolean() ? in.readUTF() : null;
                partners.add(new Partner(id, programId, name, email,
                        status == 0 ? null : dev.parley.api.partner.PartnershipStatus.values()[status - 1], List.of(),
                        managerId < 0 ? null : managerId, managerName, Instant.EPOCH, null));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return partners;
    }

    // ---- fan-out ------------------------------------------------------------------------------

    /** @return false when the message stopped being sent (paused, cancelled) */
    private boolean fanOut(Bulk b, Personalizer personalizer, Hooks hooks) throws SQLException {
        Map<Long, List<PartnerMember>> emailMembers = b.emailCopy() ? optedInMembers(b.programId()) : Map.of();
        try (Connection c = host.dataSource().getConnection();
                PreparedStatement next = c.prepareStatement("SELECT b.status, b.fanout_cursor, ch.partners"
                        + " FROM msg_bulk b LEFT JOIN msg_bulk_chunk ch ON ch.bulk_id = b.id AND ch.chunk_no = ("
                        + "SELECT MIN(x.chunk_no) FROM msg_bulk_chunk x WHERE x.bulk_id = b.id AND x.last_partner_id > b.fanout_cursor)"
                        + " WHERE b.id = ?");
                PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO msg_bulk_delivery (bulk_id, partner_id,"
                        + " member_id, program_id, partner_name, subject, body, delivered_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?)");
                PreparedStatement es = c.prepareStatement("INSERT IGNORE INTO msg_bulk_email (bulk_id, partner_id,"
                        + " member_id, email, first_name, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?)");
                PreparedStatement progress = c.prepareStatement(
                        "UPDATE msg_bulk SET fanout_cursor = ?, delivered = delivered + ?, updated_at = ? WHERE id = ?")) {
            c.setAutoCommit(false);
            while (true) {
                next.setLong(1, b.id());
                String status;
                long cursor;
                byte[] packed;
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    status = rs.getString(1);
                    cursor = rs.getLong(2);
                    packed = rs.getBytes(3);
                }
                c.commit();
                if (!BulkStatus.SENDING.name().equals(status) || stopping) {
                    return false;
                }
                if (packed == null) {
                    return true;
                }
                List<Partner> chunk = unpack(b.programId(), packed);
                LocalDateTime at = LocalDateTime.ofInstant(host.clock().instant(), ZoneOffset.UTC);
                int delivered = 0;
                int emails = 0;
                for (Partner p : chunk) {
                    long id = p.id();
                    if (id <= cursor) {
                        continue; // delivered before
                    }
                    Personalizer.Copy copy = personalizer.render(p);
                    ps.setLong(1, b.id());
                    ps.setLong(2, id);
                    ps.setLong(3, b.programId());
                    ps.setString(4, truncate(p.name(), 200));
                    ps.setString(5, truncate(copy.subject(), 300));
                    ps.setString(6, copy.body());
                    ps.setObject(7, at);
                    ps.addBatch();
                    delivered++;
                    for (PartnerMember member : emailMembers.getOrDefault(id, List.of())) {
                        es.setLong(1, b.id());
                        es.setLong(2, id);
                        es.setLong(3, member.id());
                        es.setString(4, member.email());
                        es.setString(5, member.firstName() == null ? member.name() : member.firstName());
                        es.setObject(6, at);
                        es.addBatch();
                        emails++;
                    }
                }
                if (delivered > 0) {
                    ps.executeBatch();
                }
                if (emails > 0) {
                    es.executeBatch();
                }
                long to = chunk.get(chunk.size() - 1).id();
                // One transaction per chunk: copies, e-mails due, counter and cursor commit together, so
                // a resumed job never delivers a chunk twice (the key (bulk, partner, member) also forbids it).
                progress.setLong(1, to);
                progress.setInt(2, delivered);
                progress.setObject(3, at);
                progress.setLong(4, b.id());
                progress.executeUpdate();
                c.commit();
                hooks.afterBatch(b.id(), to, delivered);
            }
        }
    }

    private Map<Long, List<PartnerMember>> optedInMembers(long programId) throws SQLException {
        List<Long> memberIds = new ArrayList<>();
        try (Connection c = host.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT member_id FROM msg_member_pref WHERE program_id = ? AND email_notify")) {
            ps.setLong(1, programId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    memberIds.add(rs.getLong(1));
                }
            }
        }
        Map<Long, List<PartnerMember>> byPartner = new HashMap<>();
        for (Long id : memberIds) {
            host.partners().member(programId, id)
                    .ifPresent(m -> byPartner.computeIfAbsent(m.partnerId(), k -> new ArrayList<>()).add(m));
        }
        return byPartner;
    }

    // ---- e-mail copies ------------------------------------------------------------------------

    private Outcome emails(Bulk b, Map<String, String> fallbacks) {
        String program = host.partners().program(b.programId()).map(Program::name).orElse("Parley");
        ResourceBundle texts = ResourceBundle.getBundle("dev.parley.messaging.broadcast.BroadcastEmail", Locale.ENGLISH,
                SendJob.class.getClassLoader());
        ArrayDeque<Boolean> window = new ArrayDeque<>();
        int handled = 0;
        while (true) {
            Instant now = host.clock().instant();
            List<BroadcastMapper.EmailRow> due;
            try (SqlSession s = sessions.openSession()) {
                due = s.getMapper(BroadcastMapper.class).dueEmails(b.id(), now, 100);
            }
            if (due.isEmpty()) {
                break;
            }
            for (BroadcastMapper.EmailRow row : due) {
                if (stopping) {
                    return Outcome.STOPPED;
                }
                if (handled++ % 20 == 0 && status(b.id()) != BulkStatus.SENDING) {
                    return Outcome.PAUSED;
                }
                boolean ok = sendOne(b, row, fallbacks, program, texts);
                window.addLast(!ok);
                if (window.size() > ERROR_WINDOW) {
                    window.removeFirst();
                }
                long failures = window.stream().filter(f -> f).count();
                if (window.size() >= ERROR_MIN_ATTEMPTS && failures >= ERROR_RATE_PAUSE * window.size()) {
                    try (SqlSession s = sessions.openSession(true)) {
                        s.getMapper(BroadcastMapper.class).pause(b.id(), PAUSED_ERROR_RATE, host.clock().instant());
                    }
                    LOG.warn("Bulk {} paused: {} of the last {} e-mail attempts failed", b.id(), failures, window.size());
                    return Outcome.PAUSED;
                }
            }
        }
        Instant next;
        try (SqlSession s = sessions.openSession()) {
            next = s.getMapper(BroadcastMapper.class).nextEmailAttempt(b.id());
        }
        if (next != null) {
            BulkScheduler sch = scheduler;
            if (sch != null) {
                sch.scheduleRun(b.id(), next);
            }
            return Outcome.WAITING_FOR_RETRIES;
        }
        try (SqlSession s = sessions.openSession(false)) {
            s.getMapper(BroadcastMapper.class).finish(b.id(), host.clock().instant());
            // Searchable by its recipients from now on (same transaction as the status change).
            dev.parley.messaging.search.SearchChangeLog.record(s.getConnection(),
                    dev.parley.messaging.search.SearchChangeLog.Kind.BULK, b.id(), host.clock().instant());
            s.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot finish bulk message " + b.id() + ": " + e.getMessage(), e);
        }
        return Outcome.SENT;
    }

    private boolean sendOne(Bulk b, BroadcastMapper.EmailRow row, Map<String, String> fallbacks, String program,
            ResourceBundle texts) {
        Instant now = host.clock().instant();
        int attempts = row.attempts() + 1;
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(BroadcastMapper.class).updateEmail(b.id(), row.partnerId(), row.memberId(), "SENDING",
                    row.attempts(), now, null, null);
        }
        String subject = "[" + program + "] " + Personalizer.forFirstName(row.subject(), row.firstName(), fallbacks);
        String body = Personalizer.forFirstName(row.body(), row.firstName(), fallbacks);
        String portal = baseUrl + "/portal/announcement/" + b.id();
        String text = body + "\n\n-- \n" + texts.getString("email.portal") + "\n" + portal + "\n"
                + texts.getString("email.reason") + "\n";
        String pixel = baseUrl + "/messaging/open?t=" + tokens.token(b.id(), row.partnerId(), row.memberId());
        String html = "<!DOCTYPE html><html><body>" + Markdown.toHtml(body) + "<hr><p><a href=\"" + portal + "\">"
                + escape(texts.getString("email.portal")) + "</a></p><p>" + escape(texts.getString("email.reason"))
                + "</p><img src=\"" + pixel + "\" width=\"1\" height=\"1\" alt=\"\"></body></html>";
        // A process that dies between the mailer and the "SENT" update sends this copy again on resume: the
        // same Message-ID lets the mailer (and the receiving side) recognise the repeat.
        Map<String, String> headers = Map.of("X-Parley-Bulk", Long.toString(b.id()), "Auto-Submitted", "auto-generated",
                "Precedence", "bulk", "Message-ID", messageId(b, row));
        try {
            host.mailer().send(new OutboundMail(row.email(), null, subject, text, html, headers));
            try (SqlSession s = sessions.openSession(true)) {
                BroadcastMapper m = s.getMapper(BroadcastMapper.class);
                m.updateEmail(b.id(), row.partnerId(), row.memberId(), "SENT", attempts, now, null, host.clock().instant());
                m.emailCounts(b.id(), 1, 0);
            }
            return true;
        } catch (MailDeliveryException | RuntimeException e) {
            String error = truncate(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 500);
            boolean last = attempts >= MAX_EMAIL_ATTEMPTS;
            Instant next = now.plus(BACKOFF.multipliedBy(1L << (attempts - 1)));
            try (SqlSession s = sessions.openSession(true)) {
                BroadcastMapper m = s.getMapper(BroadcastMapper.class);
                m.updateEmail(b.id(), row.partnerId(), row.memberId(), last ? "FAILED" : "PENDING", attempts, next, error,
                        null);
                if (last) {
                    m.emailCounts(b.id(), 0, 1);
                }
            }
            LOG.info("Bulk {} e-mail to member {} failed (attempt {}): {}", b.id(), row.memberId(), attempts, error);
            return false;
        }
    }

    /** @return the e-mail copy's Message-ID: the same on every attempt, different for every copy ever sent */
    String messageId(Bulk b, BroadcastMapper.EmailRow row) {
        String domain;
        try {
            domain = java.net.URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            domain = null;
        }
        // the creation time tells apart equal ids from a database that was set up again
        return "<bulk-" + b.id() + "-" + b.createdAt().toEpochMilli() + "." + row.partnerId() + "." + row.memberId()
                + "@" + (domain == null || domain.isBlank() ? "parley.invalid" : domain) + ">";
    }

    private BulkStatus status(long bulkId) {
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(BroadcastMapper.class).byId(bulkId).status();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static boolean lock(Connection c, long bulkId) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT GET_LOCK('msg_bulk_" + bulkId + "', 10)")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static void unlock(Connection c, long bulkId) {
        try (Statement st = c.createStatement()) {
            st.execute("DO RELEASE_LOCK('msg_bulk_" + bulkId + "')");
        } catch (SQLException e) {
            LOG.warn("Releasing the lock of bulk {} failed: {}", bulkId, e.getMessage());
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
