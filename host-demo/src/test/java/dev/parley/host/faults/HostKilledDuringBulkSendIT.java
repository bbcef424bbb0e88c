package dev.parley.host.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.testing.TestDatabase;
import dev.parley.host.HostConfig;
import dev.parley.host.ParleyHost;
import dev.parley.host.demo.DemoDataGenerator;
import dev.parley.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, "Faults": the host process is killed with SIGKILL while it sends a bulk message to
 * 100,000 partners, at six different points (during the audience snapshot, early in the fan-out, in
 * the middle, right after a restart, near the end, while the e-mail copies go out), and started
 * again each time. Nobody tells the restarted host what to do: it finds the interrupted send by
 * itself. In the end every partner has exactly one in-app copy, every member who asked for e-mail
 * exactly one e-mail, and the counters are exact.
 *
 * <p>The host runs as {@code java -jar parley-host.jar} on the test MariaDB, as an operator would run
 * it with an external database. The message is composed and scheduled in the real compose page of a
 * host in this JVM, which is then shut down, so the only host left to send it is the child process.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostKilledDuringBulkSendIT {

    private static final int RECIPIENTS = 100_000;
    /** Partners with a member who asked for e-mail copies. */
    private static final int EMAIL_MEMBERS = 300;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POINT_TIMEOUT = Duration.ofSeconds(240);

    /** Where the send is when it is polled. */
    record Progress(String status, boolean snapshotDone, int chunks, int recipients, int delivered, int emailsSent) {
    }

    /**
     * A moment to kill the host at, seen in the database.
     *
     * @param reached whether the send has got there, given where it was at the last kill
     * @param stillIn whether the send is still in that phase (it was killed there, not later)
     */
    record KillPoint(String name, BiPredicate<Progress, Progress> reached, Predicate<Progress> stillIn) {
    }

    private final List<String> timeline = new ArrayList<>();
    private final long t0 = System.nanoTime();

    @Test
    void aHostKilledSixTimesDuringA100kSendFinishesItAfterEachRestartWithExactlyOneCopyPerRecipient() throws Exception {
        Path root = Files.createTempDirectory("parley-faults");
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        TestHost.copyBuiltPlugins(plugins);
        Path logs = Files.createDirectories(Path.of("target", "faults"));
        Map<String, String> settings = new HashMap<>();
        settings.put("db.url", TestDatabase.serverUrl());
        settings.put("db.user", TestDatabase.user());
        settings.put("db.password", TestDatabase.password());
        settings.put("db.name", "faults_" + ProcessHandle.current().pid());
        settings.put("data.dir", root.resolve("data").toString());
        settings.put("plugins.dir", plugins.toString());
        settings.put("demo.data", "false");

        long bulkId = composeAndSchedule(settings);
        note("message " + bulkId + " scheduled; the composing host has stopped");

        List<KillPoint> points = List.of(
                new KillPoint("during the audience snapshot",
                        (p, last) -> "SENDING".equals(p.status()) && p.chunks() >= 1, p -> !p.snapshotDone()),
                new KillPoint("early in the fan-out (5%)",
                        (p, last) -> p.delivered() >= RECIPIENTS * 5 / 100, p -> p.delivered() < RECIPIENTS * 40 / 100),
                new KillPoint("in the middle (40%)",
                        (p, last) -> p.delivered() >= RECIPIENTS * 40 / 100, p -> p.delivered() < RECIPIENTS * 85 / 100),
                new KillPoint("right after the restart (first batch of the restarted host)",
                        (p, last) -> p.delivered() > last.delivered(), p -> p.delivered() < RECIPIENTS * 85 / 100),
                new KillPoint("near the end (85%)",
                        (p, last) -> p.delivered() >= RECIPIENTS * 85 / 100, p -> p.delivered() < RECIPIENTS),
                new KillPoint("while the e-mail copies go out",
                        (p, last) -> p.emailsSent() >= EMAIL_MEMBERS / 3, p -> p.emailsSent() < EMAIL_MEMBERS));

        Path jar = Path.of(System.getProperty("parley.host.jar", "target/parley-host.jar")).toAbsolutePath();
        int start = 0;
        try (Connection db = connect(settings)) {
            Progress last = progress(db, bulkId);
            HostProcess host = startHost(jar, root, logs, settings, ++start);
            try {
                for (KillPoint point : points) {
                    Progress at = awaitPoint(db, host, bulkId, point, last);
                    int status = host.kill();
                    Progress after = progress(db, bulkId);
                    note("killed " + point.name() + ": " + at);
                    assertEquals(HostProcess.KILLED, status, "the host was killed by SIGKILL");
                    assertTrue(point.stillIn().test(after), "killed " + point.name() + ", not later: " + after);
                    assertEquals("SENDING", after.status());
                    assertTrue(after.delivered() >= last.delivered(), "nothing delivered is lost");
                    assertEquals(after.delivered(), count(db, "SELECT COUNT(*) FROM msg_bulk_delivery WHERE bulk_id = ?",
                            bulkId), "the delivered counter commits with the copies it counts");
                    last = after;
                    host = startHost(jar, root, logs, settings, ++start);
                }
                host.awaitListening(START_TIMEOUT);
                note("host start " + start + " is listening");
                Progress sent = awaitSent(db, host, bulkId);
                note("sent: " + sent);
            } finally {
                host.close();
                timeline.forEach(System.out::println);
            }

            assertFinishedWithOneCopyEach(db, bulkId);
        }
    }

    private static void assertFinishedWithOneCopyEach(Connection db, long bulkId) throws SQLException {
        assertEquals(RECIPIENTS, count(db, "SELECT COUNT(*) FROM msg_bulk_delivery WHERE bulk_id = ?", bulkId));
        assertEquals(RECIPIENTS, count(db, "SELECT COUNT(DISTINCT partner_id) FROM msg_bulk_delivery WHERE bulk_id = ?",
                bulkId));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM partnership p WHERE p.program_id = (SELECT program_id FROM"
                + " msg_bulk WHERE id = ?) AND NOT EXISTS (SELECT 1 FROM msg_bulk_delivery d WHERE d.bulk_id = ?"
                + " AND d.partner_id = p.partner_id)", bulkId, bulkId), "every partner of the program has a copy");
        assertEquals(RECIPIENTS / 1000, count(db, "SELECT COUNT(*) FROM msg_bulk_chunk WHERE bulk_id = ?", bulkId),
                "the audience snapshot was completed once, not restarted or doubled");
        Progress end = progress(db, bulkId);
        assertEquals("SENT", end.status());
        assertEquals(RECIPIENTS, end.recipients());
        assertEquals(RECIPIENTS, end.delivered());
        assertEquals(EMAIL_MEMBERS, end.emailsSent());
        assertEquals(EMAIL_MEMBERS, count(db, "SELECT COUNT(*) FROM msg_bulk_email WHERE bulk_id = ? AND status = 'SENT'",
                bulkId));
        assertEquals(EMAIL_MEMBERS, count(db, "SELECT COUNT(*) FROM mail_outbox WHERE to_addr LIKE '%.faults.test'"),
                "one e-mail copy per member who asked for it, also when killed while mailing");
        assertEquals(EMAIL_MEMBERS, count(db, "SELECT COUNT(DISTINCT to_addr) FROM mail_outbox"
                + " WHERE to_addr LIKE '%.faults.test'"));
    }

    // ---- the message, composed and scheduled in the real compose page -------------------------------

    /**
     * Starts the host in this JVM on a new database, adds the partners, schedules the message a few
     * seconds ahead in the compose page, and stops the host before the message is due.
     */
    private long composeAndSchedule(Map<String, String> settings) throws Exception {
        List<String> serializationFailures = new ArrayList<>();
        long bulkId;
        try (ParleyHost composer = ParleyHost.start(HostConfig.of(settings), Clock.systemUTC());
                Connection db = composer.dataSource().getConnection()) {
            long acme = new DemoDataGenerator(composer.sessions(), composer.dataSource(), composer.clock(), 9)
                    .generate(0, n -> { }).acme();
            addPartners(composer, acme);
            note("100,000 partners written");
            assertEquals(RECIPIENTS, count(db, "SELECT COUNT(*) FROM partnership WHERE program_id = ?", acme));

            WicketTester t = TestHost.testerFor(composer, serializationFailures);
            TestHost.login(t, "cm@acme.test");
            t.executeUrl("messages/compose");
            FormTester f = t.newFormTester("form");
            f.setValue("subject", "Autumn news for {partner_name}");
            f.setValue("body", "Hello **{partner_name}**, our autumn offers are live.");
            f.setValue("emailCopy", "true");
            ZoneId zone = ZoneId.of(string(db, "SELECT time_zone FROM brand_user WHERE email = 'cm@acme.test'"));
            LocalDateTime due = LocalDateTime.now(zone).plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
            f.setValue("scheduleAt", due.toString());
            f.submit("schedule");
            bulkId = count(db, "SELECT MAX(id) FROM msg_bulk WHERE program_id = ?", acme);
            assertEquals("SCHEDULED", progress(db, bulkId).status(), t.getLastResponseAsString());
        }
        assertEquals(List.of(), serializationFailures);
        try (Connection db = connect(settings)) {
            assertEquals("SCHEDULED", progress(db, bulkId).status(), "not picked by the composing host");
        }
        return bulkId;
    }

    /** The program's partners (plain JDBC batches), some with a member who asked for e-mail copies. */
    private static void addPartners(ParleyHost host, long program) throws SQLException {
        try (Connection c = host.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long existing;
            long firstId;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM partnership WHERE program_id = " + program
                            + "), (SELECT COALESCE(MAX(id), 0) + 1 FROM partner)")) {
                rs.next();
                existing = rs.getLong(1);
                firstId = rs.getLong(2);
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement partner = c.prepareStatement(
                    "INSERT INTO partner (id, name, email, created_at) VALUES (?, ?, ?, ?)");
                    PreparedStatement ship = c.prepareStatement("INSERT INTO partnership (program_id, partner_id, status,"
                            + " joined_at) VALUES (?, ?, 'APPROVED', ?)")) {
                long count = RECIPIENTS - existing;
                for (long i = 0; i < count; i++) {
                    long id = firstId + i;
                    partner.setLong(1, id);
                    partner.setString(2, "Partner " + id);
                    partner.setString(3, "contact@p" + id + ".faults.test");
                    partner.setTimestamp(4, now);
                    partner.addBatch();
                    ship.setLong(1, program);
                    ship.setLong(2, id);
                    ship.setTimestamp(3, now);
                    ship.addBatch();
                    if ((i + 1) % 5000 == 0 || i == count - 1) {
                        partner.executeBatch();
                        ship.executeBatch();
                        c.commit();
                    }
                }
            }
            try (PreparedStatement member = c.prepareStatement("INSERT INTO partner_member (partner_id, name, first_name,"
                    + " email, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', ?)", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement pref = c.prepareStatement(
                            "INSERT INTO msg_member_pref (program_id, member_id, email_notify) VALUES (?, ?, TRUE)")) {
                for (int i = 0; i < EMAIL_MEMBERS; i++) {
                    long partnerId = firstId + i * (RECIPIENTS / EMAIL_MEMBERS);
                    member.setLong(1, partnerId);
                    member.setString(2, "Member " + partnerId);
                    member.setString(3, "Member");
                    member.setString(4, "member@p" + partnerId + ".faults.test");
                    member.setTimestamp(5, now);
                    member.executeUpdate();
                    try (ResultSet keys = member.getGeneratedKeys()) {
                        keys.next();
                        pref.setLong(1, program);
                        pref.setLong(2, keys.getLong(1));
                        pref.addBatch();
                    }
                }
                pref.executeBatch();
            }
            // like every partner write: searches in the program find the new partners (PartnerSearchIndex);
            // a raise without rows in partner_search_change makes every host node load the program whole
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO partner_search_version (program_id, version) VALUES (" + program
                        + ", 1) ON DUPLICATE KEY UPDATE version = version + 1");
            }
            c.commit();
        }
    }

    // ---- the host process -----------------------------------------------------------------------

    private HostProcess startHost(Path jar, Path root, Path logs, Map<String, String> settings, int n) throws Exception {
        note("host start " + n);
        return HostProcess.start(jar, root, logs.resolve("host-" + n + ".log"), settings);
    }

    /** Polls the message while the host starts and works; the host is not waited for (it resumes before it listens). */
    private static Progress awaitPoint(Connection db, HostProcess host, long bulkId, KillPoint point, Progress last)
            throws Exception {
        long deadline = System.nanoTime() + POINT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Progress p = progress(db, bulkId);
            if (point.reached().test(p, last)) {
                return p;
            }
            if ("SENT".equals(p.status()) || !host.isAlive()) {
                throw new AssertionError("The send went past the point \"" + point.name() + "\" (" + p
                        + ", host alive: " + host.isAlive() + "):\n" + host.logTail());
            }
            Thread.sleep(5);
        }
        throw new AssertionError("The host did not get to \"" + point.name() + "\" within " + POINT_TIMEOUT + " ("
                + progress(db, bulkId) + "):\n" + host.logTail());
    }

    private static Progress awaitSent(Connection db, HostProcess host, long bulkId) throws Exception {
        long deadline = System.nanoTime() + POINT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Progress p = progress(db, bulkId);
            if ("SENT".equals(p.status())) {
                return p;
            }
            assertTrue(host.isAlive(), host::logTail);
            Thread.sleep(50);
        }
        throw new AssertionError("Not sent within " + POINT_TIMEOUT + " (" + progress(db, bulkId) + "):\n"
                + host.logTail());
    }

    // ---- the database, read directly --------------------------------------------------------------

    private static Connection connect(Map<String, String> settings) throws SQLException {
        return DriverManager.getConnection(settings.get("db.url") + settings.get("db.name"), settings.get("db.user"),
                settings.get("db.password"));
    }

    private static Progress progress(Connection db, long bulkId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT status, snapshot_done, snapshot_chunks, recipients,"
                + " delivered, emails_sent FROM msg_bulk WHERE id = ?")) {
            ps.setLong(1, bulkId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Progress("NONE", false, 0, 0, 0, 0);
                }
                return new Progress(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6));
            }
        }
    }

    private static long count(Connection db, String sql, long... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setLong(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String string(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void note(String what) {
        timeline.add(String.format("%7.1f s  %s", (System.nanoTime() - t0) / 1e9, what));
    }
}
