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
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Soak run: concurrent simulated users (community managers and partner members) against a real host
 * on loopback — started in this JVM on a fresh embedded MariaDB with demo data — each with its own
 * HTTP client and cookies, logging in through the real login form and using the pages as a browser
 * would (GET pages, POST Wicket forms as multipart, follow Wicket's redirects, fetch metadata
 * headers). Users read inboxes and conversations, reply and search until the time or the request
 * budget is used up. Each reply carries a unique token; afterwards the database must hold every
 * confirmed token exactly once.
 *
 * <pre>
 * java -cp benchmarks/target/parley-benchmarks.jar dev.parley.bench.SoakMain --users=50 --minutes=5 --partners=2000
 * </pre>
 */
public final class SoakMain {

    private static final String PASSWORD = DemoDataGenerator.DEMO_PASSWORD;
    private static final Pattern TOKEN = Pattern.compile("soak-[0-9a-z]+-[0-9]+-[0-9a-f]{8}");
    private static final String[] WORDS = {"catalogue", "launch", "invoice", "summer", "shipping", "promo", "soak"};

    /** Figures of one run. */
    public record Figures(int users, long requests, long errors, List<String> errorSamples, double p50Millis,
            double p99Millis, double seconds, long getsRetried, List<Long> heapSamplesMb, long repliesConfirmed, long repliesUnconfirmed, long lost, long duplicated,
            long heapBeforeMb, long heapAfterMb, int deadlockedThreads) {

        @Override
        public String toString() {
            return String.format("users=%d requests=%d (%.0f/s) errors=%d p50=%.1f ms p99=%.1f ms duration=%.0f s"
                    + " GETs retried on a closed keep-alive connection=%d%n"
                    + "replies confirmed=%d unconfirmed=%d lost=%d duplicated=%d%n"
                    + "heap after GC: before=%d MB, during=%s MB, after=%d MB; deadlocked threads=%d%s",
                    users, requests, requests / Math.max(seconds, 0.001), errors, p50Millis, p99Millis, seconds,
                    getsRetried, repliesConfirmed, repliesUnconfirmed, lost, duplicated, heapBeforeMb, heapSamplesMb, heapAfterMb, deadlockedThreads,
                    errorSamples.isEmpty() ? "" : "\nfirst errors: " + errorSamples);
        }
    }

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        HostConfig options = HostConfig.load(args);
        Figures f = run(options.getInt("users", 50), Duration.ofSeconds((long) (options.getInt("minutes", 5) * 60L
                + options.getInt("seconds", 0))), options.getInt("max.requests", 1_000_000), options.getInt("partners", 2000),
                Path.of(options.get("data", "benchmarks/target/soak-data")).toAbsolutePath(),
                Path.of(options.get("plugins", System.getProperty("parley.bench.plugins", "host-demo/target/plugins")))
                        .toAbsolutePath());
        System.out.println(f);
        if (f.errors() > 0 || f.lost() > 0 || f.duplicated() > 0 || f.deadlockedThreads() > 0) {
            System.exit(1);
        }
    }

    public static Figures run(int users, Duration duration, long maxRequests, int partners, Path data, Path plugins)
            throws Exception {
        deleteRecursively(data);
        Files.createDirectories(data);
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(data)) {
            HostConfig config = HostConfig.of(Map.of("db.url", db.serverUrl(), "db.name", "soak", "plugins.dir",
                    plugins.toString(), "data.dir", data.resolve("host").toString()));
            try (ParleyHost host = ParleyHost.start(config, Clock.systemUTC())) {
                DemoPrograms programs = new DemoDataGenerator(host.sessions(), host.dataSource(), host.clock(), 42)
                        .generate(partners, n -> { });
                try (JettyServer server = JettyServer.start(new HostApplication(host), "127.0.0.1", 0)) {
                    return soak(host, programs, "http://127.0.0.1:" + server.port(), users, duration, maxRequests);
                }
            }
        }
    }

    private static Figures soak(ParleyHost host, DemoPrograms programs, String base, int users, Duration duration,
            long maxRequests) throws Exception {
        int brandCount = Math.max(1, users / 5);
        List<String> members = acmeOnlyMembers(host, programs.acme(), users - brandCount);
        String[] managers = {"cm@acme.test", "cm2@acme.test"};

        // Dozens of simulated people share two manager accounts: allow the most sends per hour the settings allow.
        try (Connection c = host.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO msg_program_settings (program_id, partners_may_start, "
                        + "max_length, sends_per_hour, updated_at) VALUES (?, TRUE, 5000, 10000, UTC_TIMESTAMP(3)) "
                        + "ON DUPLICATE KEY UPDATE sends_per_hour = 10000")) {
            ps.setLong(1, programs.acme());
            ps.executeUpdate();
        }
        Counters stats = new Counters(maxRequests);
        // Setup: every simulated partner member gets a conversation with the brand (started on the inbox page).
        Client setup = new Client(base, stats);
        setup.login(managers[0]);
        Map<String, Long> memberConversation = new HashMap<>();
        for (String email : members) {
            long partnerId = partnerOf(host, email);
            memberConversation.put(email, setup.startConversation(partnerId, "Soak with " + email));
        }
        List<Long> conversations = new ArrayList<>(memberConversation.values());
        stats.reset();

        long heapBefore = heapAfterGcMb();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        List<Long> heapSamples = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> heapSamples.add(heapAfterGcMb()), 60, 60, java.util.concurrent.TimeUnit.SECONDS);
        for (int i = 0; i < users; i++) {
            boolean brand = i < brandCount;
            String email = brand ? managers[i % managers.length] : members.get(i - brandCount);
            String name = (brand ? "b" : "p") + i;
            running.add(pool.submit(() -> {
                Client c = new Client(base, stats);
                try {
                    c.login(email);
                    int n = 0;
                    do { // every user does at least one round, however slow the machine
                        try {
                            if (brand) {
                                c.brandRound(name, n++, conversations);
                            } else {
                                c.partnerRound(name, n++, memberConversation.get(email));
                            }
                        } catch (IOException e) {
                            stats.error(name + ": " + e);
                        }
                    } while (System.nanoTime() < deadline && stats.hasBudget());
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
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        long heapAfter = heapAfterGcMb();

        // Every confirmed reply exactly once in the database; nothing unexpected either.
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = host.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT body FROM msg_message WHERE body LIKE 'soak-%'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Matcher m = TOKEN.matcher(rs.getString(1));
                if (m.find()) {
                    stored.merge(m.group(), 1, Integer::sum);
                }
            }
        }
        long lost = stats.confirmed.stream().filter(t -> !stored.containsKey(t)).count();
        long duplicated = stored.values().stream().filter(n -> n > 1).count();
        long unconfirmed = stored.keySet().stream().filter(t -> !stats.confirmed.contains(t)).count();
        long[] nanos = stats.latencies();
        dev.parley.bench.Stats percentiles = dev.parley.bench.Stats.of(nanos);
        return new Figures(users, nanos.length, stats.errors.get(), List.copyOf(stats.errorSamples), percentiles.p50(),
                percentiles.p99(), seconds, stats.retried.get(), List.copyOf(heapSamples), stats.confirmed.size(), unconfirmed,
                lost, duplicated, heapBefore, heapAfter,
                deadlocked == null ? 0 : deadlocked.length);
    }

    /** Shared counters of all simulated users. */
    private static final class Counters {
        private final long maxRequests;
        private final AtomicLong issued = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong retried = new AtomicLong();
        private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

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
            nanos.clear();
        }

        void error(String what) {
            errors.incrementAndGet();
            if (errorSamples.size() < 10) {
                errorSamples.add(what);
            }
        }

        long[] latencies() {
            return nanos.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** One simulated user: its own HTTP client and cookies, like one browser. */
    private static final class Client {
        private final String base;
        private final Counters stats;
        private final HttpClient http;

        Client(String base, Counters stats) {
            this.base = base;
            this.stats = stats;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        }

        /** A page the user opens; anything but 200 is an error. */
        Page get(String path) throws IOException, InterruptedException {
            return get(URI.create(base + path), path);
        }

        private Page get(URI uri, String what) throws IOException, InterruptedException {
            try {
                return send(HttpRequest.newBuilder(uri).GET(), what);
            } catch (IOException closedKeepAlive) {
                // Like a browser: a GET on a kept-alive connection the server just closed is tried once more.
                stats.retried.incrementAndGet();
                return send(HttpRequest.newBuilder(uri).GET(), what);
            }
        }

        /** Sends the request and follows Wicket's redirects (always with GET, as browsers do after a POST). */
        private Page send(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
            Page page = exchange(request, what);
            for (int hops = 0; page.status >= 301 && page.status <= 303 && hops < 5; hops++) {
                page = get(page.uri, what + " (redirected)");
            }
            if (page.status != 200) {
                stats.error(what + " -> " + page.status);
            }
            return page;
        }

        /** One request and its response; a redirect comes back as a page whose uri is the target. */
        private Page exchange(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
            stats.issued.incrementAndGet();
            long t0 = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = http.send(request.header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "navigate")
                        .header("Accept-Language", "en").timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IOException(what + ": " + e.getMessage(), e);
            }
            stats.nanos.add(System.nanoTime() - t0);
            if (r.statusCode() >= 301 && r.statusCode() <= 303) {
                URI target = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
                return new Page(target, r.statusCode(), "");
            }
            return new Page(r.uri(), r.statusCode(), r.body());
        }

        /** Submits the form that holds the field with the given id, as a browser would (multipart). */
        Page submit(Page page, String fieldId, Map<String, String> values) throws IOException, InterruptedException {
            int field = page.html.indexOf("id=\"" + fieldId + "\"");
            if (field < 0) {
                stats.error("no field " + fieldId + " on " + page.uri);
                return page;
            }
            int start = page.html.lastIndexOf("<form", field);
            int end = page.html.indexOf("</form>", field);
            String form = page.html.substring(start, end);
            Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(form.substring(0, form.indexOf('>')));
            action.find();
            URI target = page.uri.resolve(action.group(1).replace("&amp;", "&"));
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(form);
            while (hidden.find()) {
                String name = attr(hidden.group(), "name");
                if (name != null) {
                    fields.put(name, attr(hidden.group(), "value") == null ? "" : attr(hidden.group(), "value"));
                }
            }
            for (Map.Entry<String, String> v : values.entrySet()) {
                Matcher named = Pattern.compile("<(?:input|textarea|select)[^>]*id=\"" + Pattern.quote(v.getKey())
                        + "\"[^>]*>").matcher(form);
                if (!named.find()) {
                    stats.error("no field " + v.getKey() + " on " + page.uri);
                    return page;
                }
                fields.put(attr(named.group(), "name"), v.getValue());
            }
            HttpRequest.Builder post = HttpRequest.newBuilder(target).header("Origin", base);
            if (form.substring(0, form.indexOf('>')).contains("multipart/form-data")) {
                String boundary = "----soak" + Long.toHexString(ThreadLocalRandom.current().nextLong());
                StringBuilder body = new StringBuilder();
                fields.forEach((k, v) -> body.append("--").append(boundary)
                        .append("\r\nContent-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n").append(v)
                        .append("\r\n"));
                body.append("--").append(boundary).append("--\r\n");
                post.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            } else {
                StringBuilder body = new StringBuilder();
                fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                        .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
                post.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            }
            return send(post, "POST " + page.uri.getPath());
        }

        void login(String email) throws IOException, InterruptedException {
            Page login = get("/login");
            Page after = submit(login, "email", Map.of("email", email, "password", PASSWORD));
            if (after.uri.getPath().startsWith("/login")) {
                throw new IllegalStateException("login failed for " + email + ": " + after.status + " " + after.uri
                        + " " + stats.errorSamples);
            }
        }

        long startConversation(long partnerId, String subject) throws IOException, InterruptedException {
            Page compose = get("/inbox/new?partner=" + partnerId);
            Page sent = submit(compose, "compose-subject", Map.of("compose-subject", subject, "compose-body",
                    "Hello, this conversation is for the soak run."));
            Matcher m = Pattern.compile("/inbox/conversation/(\\d+)").matcher(sent.uri.getPath());
            if (!m.find()) {
                throw new IllegalStateException("conversation not started: " + sent.uri);
            }
            return Long.parseLong(m.group(1));
        }

        /** A community manager: inbox, a conversation, a reply now and then, a search. */
        void brandRound(String name, int n, List<Long> conversations) throws IOException, InterruptedException {
            get("/inbox");
            long id = conversations.get(ThreadLocalRandom.current().nextInt(conversations.size()));
            Page thread = get("/inbox/conversation/" + id);
            if (n % 3 == 0) {
                reply(thread, name, n);
            }
            get("/inbox?q=" + URLEncoder.encode(WORDS[n % WORDS.length], StandardCharsets.UTF_8));
            if (n % 5 == 0) {
                get("/partners?q=" + URLEncoder.encode("a", StandardCharsets.UTF_8));
            }
        }

        /** A partner member: dashboard, messages, their conversation, a reply now and then. */
        void partnerRound(String name, int n, long conversation) throws IOException, InterruptedException {
            if (n % 4 == 0) {
                get("/portal");
            }
            get("/portal/messages");
            Page thread = get("/portal/conversation/" + conversation);
            if (n % 2 == 0) {
                reply(thread, name, n);
            }
        }

        private void reply(Page thread, String name, int n) throws IOException, InterruptedException {
            String token = "soak-" + name + "-" + n + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
            Page after = submit(thread, "reply-body", Map.of("reply-body", token + " reply from the soak run"));
            // Sent means: the success message, and the token in the thread (not merely kept in the form's text area).
            String shown = after.html.replaceAll("(?s)<textarea.*?</textarea>", "");
            if (after.status == 200 && shown.contains("Your message was sent.") && shown.contains(token)) {
                stats.confirmed.add(token);
            } else {
                stats.error("reply " + token + " not shown after sending (" + after.status + " " + after.uri + ")");
            }
        }
    }

    private record Page(URI uri, int status, String html) {
    }

    private static String attr(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
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

    /** Heap in use right after a full collection, as the collector reports it for each heap pool. */
    private static long heapAfterGcMb() {
        System.gc();
        long used = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used / (1024 * 1024);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
