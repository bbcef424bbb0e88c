package dev.parley.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A community manager who sends bulk messages to all partners of the program during the soak, the
 * way a person does: opens the compose page, types subject and body, clicks "Send now", then
 * watches the message's page until it is sent. Between two sends the manager waits a quiet period,
 * so the run has stretches with and without a send to compare request latency.
 */
final class SoakBulkSends {

    /** Subject of the soak's bulk messages; {@code {partner_name}} shows each recipient its own copy. */
    static final String SUBJECT = "Soak announcement %d for {partner_name}";
    private static final Pattern BULK_PAGE = Pattern.compile("/messages/bulk/(\\d+)");
    private static final Duration WATCH_EVERY = Duration.ofSeconds(2);
    private static final Duration SEND_TIMEOUT = Duration.ofMinutes(10);

    /** One bulk message sent: ids and times as the job recorded them, and whether users were working. */
    record Send(long bulkId, boolean underLoad, long delivered, double jobSeconds, double wallSeconds) {

        double recipientsPerSecond() {
            return jobSeconds <= 0 ? Double.NaN : delivered / jobSeconds;
        }
    }

    private final SoakBrowser browser;
    private final DataSource db;
    private final SoakBrowser.Recorder recorder;
    private final List<Send> sends = new CopyOnWriteArrayList<>();
    private volatile boolean sending;
    private volatile boolean done;
    private int sent;

    SoakBulkSends(SoakBrowser browser, DataSource db, SoakBrowser.Recorder recorder) {
        this.browser = browser;
        this.db = db;
        this.recorder = recorder;
    }

    /** @return whether a bulk message is being sent now (from the click until the job reports it sent) */
    boolean sending() {
        return sending;
    }

    /** @return whether the manager has stopped sending (the run's time is over and the last send finished) */
    boolean done() {
        return done;
    }

    List<Send> sends() {
        return List.copyOf(sends);
    }

    /**
     * Sends one message and waits until it is sent.
     *
     * @throws IllegalStateException when composing fails or the message is not sent in time
     */
    Send sendOne(boolean underLoad) throws IOException, InterruptedException, java.sql.SQLException {
        int n = ++sent;
        long t0 = System.nanoTime();
        sending = true;
        try {
            SoakBrowser.Page compose = browser.get("/messages/compose");
            SoakBrowser.Page after = browser.submit(compose, "c-subject", Map.of("c-subject", String.format(SUBJECT, n),
                    "c-body", "Hello {partner_name}, this is bulk message " + n + " of the soak run. Tell us what you think."),
                    "button[name=send]");
            Matcher m = BULK_PAGE.matcher(after.uri().getPath());
            if (after.status() != 200 || !m.find()) {
                throw new IllegalStateException("bulk message " + n + " not sent from the compose page: " + after.status()
                        + " " + after.uri() + " " + SoakBrowser.shownText(after).lines().findFirst().orElse(""));
            }
            long id = Long.parseLong(m.group(1));
            long watched = System.nanoTime();
            long deadline = t0 + SEND_TIMEOUT.toNanos();
            while (!"SENT".equals(status(id))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("bulk message " + id + " not sent after " + SEND_TIMEOUT + ": " + status(id));
                }
                if (System.nanoTime() - watched > WATCH_EVERY.toNanos()) {
                    browser.get("/messages/bulk/" + id); // the manager follows the progress bar
                    watched = System.nanoTime();
                }
                Thread.sleep(100);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            Send s = recorded(id, underLoad, wall);
            sends.add(s);
            return s;
        } finally {
            sending = false;
        }
    }

    /**
     * Sends until {@code deadlineNanos}, a quiet period before each message; the message under way
     * at the deadline is sent to the end.
     */
    void sendUntil(long deadlineNanos, Duration quiet) {
        try {
            while (true) {
                long wake = Math.min(deadlineNanos, System.nanoTime() + quiet.toNanos());
                while (System.nanoTime() < wake) {
                    Thread.sleep(Math.max(1, Math.min(200, (wake - System.nanoTime()) / 1_000_000)));
                }
                if (System.nanoTime() >= deadlineNanos) {
                    return;
                }
                try {
                    sendOne(true);
                } catch (IOException | IllegalStateException | java.sql.SQLException e) {
                    recorder.error("bulk sender: " + e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done = true;
        }
    }

    private String status(long id) throws java.sql.SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT status FROM msg_bulk WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "MISSING";
            }
        }
    }

    private Send recorded(long id, boolean underLoad, double wall) throws java.sql.SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT delivered, started_at, finished_at FROM msg_bulk WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp started = rs.getTimestamp(2);
                Timestamp finished = rs.getTimestamp(3);
                double job = started == null || finished == null ? Double.NaN
                        : (finished.getTime() - started.getTime()) / 1000.0;
                return new Send(id, underLoad, rs.getLong(1), job, wall);
            }
        }
    }
}
