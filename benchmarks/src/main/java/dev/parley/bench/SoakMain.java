package dev.parley.bench;

import dev.parley.host.HostConfig;
import dev.parley.host.ParleyHost;
import dev.parley.host.db.EmbeddedMariaDb;
import dev.parley.host.demo.DemoDataGenerator;
import dev.parley.host.demo.DemoDataGenerator.DemoPrograms;
import dev.parley.host.web.HostApplication;
import dev.parley.host.web.JettyServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Soak run: concurrent simulated users (community managers and partner members) against a real host
 * on loopback — started in this JVM on a fresh embedded MariaDB with demo data — each with its own
 * browser ({@link SoakBrowser}), logging in through the real login form and using the pages as a
 * person would. Managers read the inbox and conversations, reply and search; partner members read
 * their messages, reply in their conversation, and read (open) the program's bulk messages as they
 * arrive, answering some. Meanwhile one more manager sends bulk messages to every partner of the
 * program through the compose page, with quiet periods between sends ({@link SoakBulkSends}).
 *
 * <p>Afterwards: every reply a user saw confirmed is stored exactly once, every bulk message is
 * SENT with exactly one copy per partner and exact counters, opens seen by partners are recorded,
 * neither InnoDB nor the JVM saw a deadlock, and the heap after GC did not grow over the run.
 * Latency is reported while a send runs and while none does; send throughput with users working and
 * with nobody else on the host (a send before the users start).
 *
 * <pre>
 * java -cp benchmarks/target/parley-benchmarks.jar dev.parley.bench.SoakMain --users=50 --minutes=5 --partners=20000 \
 *     --rampup.seconds=20 --bulk.quiet.seconds=15 --heap.every.seconds=15
 * </pre>
 */
public final class SoakMain {

    private static final String PASSWORD = DemoDataGenerator.DEMO_PASSWORD;
    private static final String[] WORDS = {"catalogue", "launch", "invoice", "summer", "shipping", "promo", "soak"};
    private static final Pattern ANNOUNCEMENT = Pattern.compile("announcement/(\\d+)");
    private static final Pattern CONVERSATION = Pattern.compile("/(?:portal|inbox)/conversation/(\\d+)");

    /**
     * The scale of a run.
     *
     * @param users simulated users working at once (a fifth managers, the rest partner members)
     * @param duration how long they work (longer if the last bulk send is still under way)
     * @param maxRequests requests after which users stop early
     * @param partners partners in the main program: the audience of every bulk message
     * @param rampUp users start one after the other over this time, not all in the same instant
     * @param bulkQuiet quiet period before each bulk send
     * @param heapEvery how often the heap after GC is sampled
     */
    public record Settings(int users, Duration duration, long maxRequests, int partners, Duration rampUp,
            Duration bulkQuiet, Duration heapEvery, Path data, Path plugins) {
    }

    /** Latency of a set of requests. */
    public record Latency(long requests, double p50Millis, double p99Millis) {

        static Latency of(long[] nanos) {
            Stats s = Stats.of(nanos);
            return new Latency(nanos.length, s.p50(), s.p99());
        }

        @Override
        public String toString() {
            return String.format("%d requests, p50 %.1f ms, p99 %.1f ms", requests, p50Millis, p99Millis);
        }
    }

    /** Figures of one run. */
    public record Figures(Settings settings, double seconds, long errors, List<String> errorSamples, long getsRetried,
            Latency all, Latency quiet, Latency duringSend, SoakChecks.Replies replies, List<SoakBulkSends.Send> sends,
            List<SoakChecks.Bulk> bulks, long opensSeen, HeapTrend.Figures heap, int deadlockedThreads,
            long innodbDeadlocks, String latestDeadlock, double loadAverage) {

        public long requests() {
            return all.requests();
        }

        /** @return send rate with nobody else on the host (the last send before the users started) */
        double unloadedRate() {
            return sends.stream().filter(s -> !s.underLoad()).reduce((a, b) -> b)
                    .map(SoakBulkSends.Send::recipientsPerSecond).orElse(Double.NaN);
        }

        /** @return median send rate while the users worked */
        double loadedRate() {
            double[] r = sends.stream().filter(SoakBulkSends.Send::underLoad)
                    .mapToDouble(SoakBulkSends.Send::recipientsPerSecond).sorted().toArray();
            return r.length == 0 ? Double.NaN : r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
        }

        long sendsUnderLoad() {
            return sends.stream().filter(SoakBulkSends.Send::underLoad).count();
        }

        /** @return every invariant the run broke; empty when it held them all */
        public List<String> violations() {
            List<String> v = new ArrayList<>();
            if (errors > 0) {
                v.add(errors + " errors, first: " + errorSamples);
            }
            if (replies.lost() > 0 || replies.duplicated() > 0 || replies.unconfirmed() > 0) {
                v.add("replies lost " + replies.lost() + ", duplicated " + replies.duplicated() + ", stored unconfirmed "
                        + replies.unconfirmed());
            }
            if (sendsUnderLoad() == 0) {
                v.add("no bulk message was sent while the users worked");
            }
            bulks.forEach(b -> v.addAll(b.violations()));
            if (deadlockedThreads > 0) {
                v.add(deadlockedThreads + " deadlocked JVM threads");
            }
            if (innodbDeadlocks > 0 || latestDeadlock != null) {
                v.add(innodbDeadlocks + " InnoDB deadlocks" + (latestDeadlock == null ? "" : ":\n" + latestDeadlock));
            }
            if (heap.growing()) {
                v.add("heap after GC grows: " + heap);
            }
            return v;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("users=%d (started over %d s) duration=%.0f s requests=%d (%.0f/s) errors=%d GETs retried on a closed keep-alive"
                    + " connection=%d load average at the end %.1f%n", settings.users(), settings.rampUp().toSeconds(), seconds, requests(),
                    requests() / Math.max(seconds, 0.001), errors, getsRetried, loadAverage));
            b.append("latency all: ").append(all).append('\n');
            b.append("latency without a send: ").append(quiet).append('\n');
            b.append("latency while sending: ").append(duringSend).append(String.format(" (p50 %.2fx, p99 %.2fx)%n",
                    duringSend.p50Millis() / quiet.p50Millis(), duringSend.p99Millis() / quiet.p99Millis()));
            b.append(String.format("replies confirmed=%d lost=%d duplicated=%d stored unconfirmed=%d%n", replies.confirmed(),
                    replies.lost(), replies.duplicated(), replies.unconfirmed()));
            b.append(String.format("bulk sends: %d under load, %d before the users; rate %.0f recipients/s under load (median)"
                    + " vs %.0f/s alone (%.2fx); bulk messages opened by partner users: %d%n", sendsUnderLoad(),
                    sends.size() - sendsUnderLoad(), loadedRate(), unloadedRate(), loadedRate() / unloadedRate(), opensSeen));
            for (int i = 0; i < bulks.size(); i++) {
                SoakChecks.Bulk k = bulks.get(i);
                SoakBulkSends.Send s = sends.get(i);
                b.append(String.format("  bulk %d %s%s: %s, %d copies / %d distinct / %d partners, delivered counter %d,"
                        + " job %.1f s (%.0f/s), click to sent %.1f s, opens %d (counter %d, %d during fan-out),"
                        + " replies %d (counter %d)%n", k.id(), s.underLoad() ? "under load" : "alone",
                        k.violations().isEmpty() ? "" : " VIOLATED", k.status(), k.copies(), k.distinctPartners(), k.audience(),
                        k.deliveredCounter(), s.jobSeconds(), s.recipientsPerSecond(), s.wallSeconds(), k.opened(),
                        k.opensCounter(), k.opensDuringFanOut(), k.replied(), k.repliesCounter()));
            }
            b.append(heap).append(" samples ").append(heap.samples().stream().map(HeapTrend.Sample::mb).toList()).append('\n');
            b.append(String.format("deadlocked JVM threads=%d, InnoDB deadlocks during the run=%d%s", deadlockedThreads,
                    innodbDeadlocks, latestDeadlock == null ? "" : "\n" + latestDeadlock));
            List<String> v = violations();
            b.append(v.isEmpty() ? "\nall invariants held" : "\nVIOLATED: " + String.join("\n", v));
            return b.toString();
        }
    }

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        HostConfig options = HostConfig.load(args);
        Settings settings = new Settings(options.getInt("users", 50),
                Duration.ofSeconds(options.getInt("minutes", 5) * 60L + options.getInt("seconds", 0)),
                options.getInt("max.requests", 10_000_000), options.getInt("partners", 20_000),
                Duration.ofSeconds(options.getInt("rampup.seconds", 20)),
                Duration.ofSeconds(options.getInt("bulk.quiet.seconds", 15)),
                Duration.ofSeconds(options.getInt("heap.every.seconds", 15)),
                Path.of(options.get("data", "benchmarks/target/soak-data")).toAbsolutePath(),
                Path.of(options.get("plugins", System.getProperty("parley.bench.plugins", "host-demo/target/plugins")))
                        .toAbsolutePath());
        Figures f = run(settings);
        System.out.println(f);
        System.exit(f.violations().isEmpty() ? 0 : 1);
    }

    public static Figures run(Settings s) throws Exception {
        deleteRecursively(s.data());
        Files.createDirectories(s.data());
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(s.data())) {
            HostConfig config = HostConfig.of(Map.of("db.url", db.serverUrl(), "db.name", "soak", "plugins.dir",
                    s.plugins().toString(), "data.dir", s.data().resolve("host").toString()));
            try (ParleyHost host = ParleyHost.start(config, Clock.systemUTC())) {
                DemoPrograms programs = new DemoDataGenerator(host.sessions(), host.dataSource(), host.clock(), 42)
                        .generate(s.partners(), n -> { });
                try (JettyServer server = JettyServer.start(new HostApplication(host), "127.0.0.1", 0)) {
                    return soak(host, programs, "http://127.0.0.1:" + server.port(), s);
                }
            }
        }
    }

    /** A partner member and what it knows: its partner, its conversation, the bulk messages it has read. */
    private record Member(String email, long partnerId, long conversation, Set<Long> read) {
    }

    private static Figures soak(ParleyHost host, DemoPrograms programs, String base, Settings s) throws Exception {
        int brandCount = Math.max(1, s.users() / 5);
        String[] managers = {"cm@acme.test", "cm2@acme.test"};

        // Dozens of simulated people share two manager accounts: allow the most sends per hour the settings allow.
        try (Connection c = host.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO msg_program_settings (program_id, partners_may_start, "
                        + "max_length, sends_per_hour, updated_at) VALUES (?, TRUE, 5000, 10000, UTC_TIMESTAMP(3)) "
                        + "ON DUPLICATE KEY UPDATE sends_per_hour = 10000")) {
            ps.setLong(1, programs.acme());
            ps.executeUpdate();
        }
        Counters stats = new Counters(s.maxRequests());
        long innodbBefore = SoakChecks.innodbDeadlocks(host.dataSource());

        // Setup: every simulated partner member gets a conversation with the brand (started on the inbox page).
        SoakBrowser setup = new SoakBrowser(base, stats);
        setup.login(managers[0], PASSWORD);
        List<Member> members = new ArrayList<>();
        for (String email : acmeOnlyMembers(host, programs.acme(), s.users() - brandCount)) {
            long partnerId = partnerOf(host, email);
            members.add(new Member(email, partnerId, startConversation(setup, partnerId, "Soak with " + email),
                    ConcurrentHashMap.newKeySet()));
        }
        List<Long> conversations = members.stream().map(Member::conversation).toList();

        // The bulk sender; its first two sends run with nobody else on the host (the first warms up).
        SoakBrowser senderBrowser = new SoakBrowser(base, stats);
        senderBrowser.login(managers[0], PASSWORD);
        SoakBulkSends sender = new SoakBulkSends(senderBrowser, host.dataSource(), stats);
        stats.sending = sender::sending;
        sender.sendOne(false);
        sender.sendOne(false);
        if (stats.errors.get() > 0) {
            throw new IllegalStateException("setup failed: " + stats.errorSamples);
        }
        stats.reset();

        HeapTrend heap = new HeapTrend();
        AtomicInteger deadlocked = new AtomicInteger(deadlockedThreads());
        heap.sample();
        long deadline = System.nanoTime() + s.duration().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(s.users() + 1);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            heap.sample();
            deadlocked.accumulateAndGet(deadlockedThreads(), Math::max);
        }, s.heapEvery().toMillis(), s.heapEvery().toMillis(), TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        running.add(pool.submit(() -> sender.sendUntil(deadline, s.bulkQuiet())));
        BooleanSupplier working = () -> (System.nanoTime() < deadline || !sender.done()) && stats.hasBudget();
        for (int i = 0; i < s.users(); i++) {
            boolean brand = i < brandCount;
            String name = (brand ? "b" : "p") + i;
            int index = i;
            long startAt = started + s.rampUp().toNanos() * i / s.users();
            running.add(pool.submit(() -> {
                SoakBrowser c = new SoakBrowser(base, stats);
                try {
                    Thread.sleep(Math.max(0, (startAt - System.nanoTime()) / 1_000_000));
                    Member me = brand ? null : members.get(index - brandCount);
                    c.login(brand ? managers[index % managers.length] : me.email(), PASSWORD);
                    int n = 0;
                    do { // every user does at least one round, however slow the machine
                        try {
                            if (brand) {
                                brandRound(c, stats, name, n++, conversations);
                            } else {
                                partnerRound(c, stats, name, index, n++, me);
                            }
                        } catch (IOException e) {
                            stats.error(name + ": " + e);
                        }
                    } while (working.getAsBoolean());
                } catch (Exception e) {
                    stats.error(name + ": " + e);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        sampler.shutdownNow();
        sampler.awaitTermination(1, TimeUnit.MINUTES);
        deadlocked.accumulateAndGet(deadlockedThreads(), Math::max);
        heap.sample();

        List<SoakBulkSends.Send> sends = sender.sends();
        List<SoakChecks.Bulk> bulks = new ArrayList<>();
        for (SoakBulkSends.Send send : sends) {
            bulks.add(SoakChecks.bulk(host.dataSource(), programs.acme(), send.bulkId(),
                    stats.opened.getOrDefault(send.bulkId(), Set.of())));
        }
        long innodb = SoakChecks.innodbDeadlocks(host.dataSource()) - innodbBefore;
        return new Figures(s, seconds, stats.errors.get(), List.copyOf(stats.errorSamples), stats.retried.get(),
                Latency.of(stats.latencies(null)), Latency.of(stats.latencies(false)), Latency.of(stats.latencies(true)),
                SoakChecks.replies(host.dataSource(), stats.confirmed), sends, bulks,
                stats.opened.values().stream().mapToLong(Set::size).sum(), heap.figures(), deadlocked.get(), innodb,
                SoakChecks.latestDeadlock(host.dataSource()),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** A community manager: inbox, a conversation, a reply now and then, a search. */
    private static void brandRound(SoakBrowser c, Counters stats, String name, int n, List<Long> conversations)
            throws IOException, InterruptedException {
        c.get("/inbox");
        long id = conversations.get(ThreadLocalRandom.current().nextInt(conversations.size()));
        SoakBrowser.Page thread = c.get("/inbox/conversation/" + id);
        if (n % 3 == 0) {
            reply(c, stats, thread, "reply-body", name, n, "Your message was sent.");
        }
        c.get("/inbox?q=" + URLEncoder.encode(WORDS[n % WORDS.length], StandardCharsets.UTF_8));
        if (n % 5 == 0) {
            c.get("/partners?q=" + URLEncoder.encode("a", StandardCharsets.UTF_8));
        }
    }

    /**
     * A partner member: dashboard, messages, the newest bulk message not read yet (every other one
     * answered), their conversation, a reply now and then.
     */
    private static void partnerRound(SoakBrowser c, Counters stats, String name, int index, int n, Member me)
            throws IOException, InterruptedException {
        if (n % 4 == 0) {
            c.get("/portal");
        }
        SoakBrowser.Page messages = c.get("/portal/messages");
        Matcher listed = ANNOUNCEMENT.matcher(messages.html());
        Long unread = null;
        while (unread == null && listed.find()) {
            long id = Long.parseLong(listed.group(1));
            unread = me.read().contains(id) ? null : id;
        }
        if (unread != null) {
            SoakBrowser.Page announcement = c.get("/portal/announcement/" + unread);
            me.read().add(unread);
            if (announcement.status() == 200 && SoakBrowser.shownText(announcement).contains("Soak announcement")) {
                stats.opened.computeIfAbsent(unread, k -> ConcurrentHashMap.newKeySet()).add(me.partnerId());
                if ((unread + index) % 2 == 0) {
                    reply(c, stats, announcement, "a-reply", name, n, "Your reply was sent.");
                }
            } else {
                stats.error("bulk message " + unread + " not shown to " + me.email() + " (" + announcement.status() + ")");
            }
        }
        SoakBrowser.Page thread = c.get("/portal/conversation/" + me.conversation());
        if (n % 2 == 0) {
            reply(c, stats, thread, "reply-body", name, n, "Your message was sent.");
        }
    }

    /** Sends a reply carrying a unique token; confirmed when the success message and the token are shown. */
    private static void reply(SoakBrowser c, Counters stats, SoakBrowser.Page page, String field, String name, int n,
            String success) throws IOException, InterruptedException {
        String token = "soak-" + name + "-" + n + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
        SoakBrowser.Page after = c.submit(page, field, Map.of(field, token + " reply from the soak run"));
        // Sent means: the success message, and the token in the thread (not merely kept in the form's text area).
        String shown = SoakBrowser.shownText(after);
        if (after.status() == 200 && shown.contains(success) && shown.contains(token)) {
            stats.confirmed.add(token);
        } else {
            stats.error("reply " + token + " not shown after sending (" + after.status() + " " + after.uri() + ")");
        }
    }

    private static long startConversation(SoakBrowser c, long partnerId, String subject)
            throws IOException, InterruptedException {
        SoakBrowser.Page compose = c.get("/inbox/new?partner=" + partnerId);
        SoakBrowser.Page sent = c.submit(compose, "compose-subject", Map.of("compose-subject", subject, "compose-body",
                "Hello, this conversation is for the soak run."));
        Matcher m = CONVERSATION.matcher(sent.uri().getPath());
        if (!m.find()) {
            throw new IllegalStateException("conversation not started: " + sent.uri());
        }
        return Long.parseLong(m.group(1));
    }

    /** Shared counters of all simulated users. */
    private static final class Counters implements SoakBrowser.Recorder {
        private final long maxRequests;
        private final AtomicLong issued = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong retried = new AtomicLong();
        private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Long> quietNanos = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Long> sendingNanos = new ConcurrentLinkedQueue<>();
        private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
        /** Bulk message id: partners whose member saw it on its page. */
        private final Map<Long, Set<Long>> opened = new ConcurrentHashMap<>();
        private volatile BooleanSupplier sending = () -> false;

        Counters(long maxRequests) {
            this.maxRequests = maxRequests;
        }

        boolean hasBudget() {
            return issued.get() < maxRequests;
        }

        void reset() {
            issued.set(0);
            errors.set(0);
            retried.set(0);
            errorSamples.clear();
            quietNanos.clear();
            sendingNanos.clear();
        }

        @Override
        public void issued() {
            issued.incrementAndGet();
        }

        @Override
        public void answered(long nanos, boolean duringSend) {
            (duringSend ? sendingNanos : quietNanos).add(nanos);
        }

        @Override
        public void retried() {
            retried.incrementAndGet();
        }

        @Override
        public boolean sending() {
            return sending.getAsBoolean();
        }

        @Override
        public void error(String what) {
            errors.incrementAndGet();
            if (errorSamples.size() < 10) {
                errorSamples.add(what);
            }
        }

        /** @param duringSend true: while a bulk message was sent; false: while none was; null: all */
        long[] latencies(Boolean duringSend) {
            Stream<Long> all = duringSend == null ? Stream.concat(quietNanos.stream(), sendingNanos.stream())
                    : (duringSend ? sendingNanos : quietNanos).stream();
            return all.mapToLong(Long::longValue).toArray();
        }
    }

    private static int deadlockedThreads() {
        long[] ids = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        return ids == null ? 0 : ids.length;
    }

    private static List<String> acmeOnlyMembers(ParleyHost host, long acme, int count) throws Exception {
        List<String> emails = new ArrayList<>();
        try (Connection c = host.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT MIN(m.email) FROM partner_member m JOIN partnership ps "
                        + "ON ps.partner_id = m.partner_id AND ps.program_id = ? AND ps.status = 'APPROVED' "
                        + "WHERE NOT EXISTS (SELECT 1 FROM partnership o WHERE o.partner_id = m.partner_id AND o.program_id <> ?) "
                        + "GROUP BY m.partner_id ORDER BY m.partner_id LIMIT ?")) {
            ps.setLong(1, acme);
            ps.setLong(2, acme);
            ps.setInt(3, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    emails.add(rs.getString(1));
                }
            }
        }
        if (emails.size() < count) {
            throw new IllegalStateException("only " + emails.size() + " partner members of Acme alone; generate more partners");
        }
        return emails;
    }

    private static long partnerOf(ParleyHost host, String email) throws Exception {
        try (Connection c = host.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT partner_id FROM partner_member WHERE email = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
