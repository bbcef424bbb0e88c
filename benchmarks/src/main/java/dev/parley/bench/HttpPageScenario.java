package dev.parley.bench;

import dev.parley.host.ParleyHost;
import dev.parley.host.web.JettyServer;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inbox page rendered over HTTP by the host's Jetty, {@code connections} clients at once (each
 * its own logged-in session and connection, java.net.http), against a trivial Wicket page mounted
 * in the same application and reached by the same logged-in clients. Closed loop: each client sends
 * its next request when the previous answer is read; redirects (Wicket's redirect to the rendered
 * page version) are followed and count as part of one page view.
 */
final class HttpPageScenario {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern INPUT_NAME = Pattern.compile("<input[^>]*name=\"([^\"]+)\"");

    private HttpPageScenario() {
    }

    static List<Result> run(ParleyHost host, int connections, double seconds, String inboxPath, String scale)
            throws Exception {
        try (JettyServer server = JettyServer.start(new BenchApplication(host), "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                clients.add(login(base, "cm@acme.test", "demo1234"));
            }
            String inbox = base + inboxPath;
            String trivial = base + BenchApplication.TRIVIAL;
            String body = get(clients.get(0), inbox);
            if (!body.contains("Subject ")) {
                throw new IllegalStateException("The inbox page shows no conversation: " + body.substring(0, Math.min(400, body.length())));
            }
            get(clients.get(0), trivial);
            double warm = Math.max(0.5, seconds / 3);
            load(clients, trivial, warm);
            load(clients, inbox, warm);
            // two alternating rounds each, so background load hits both alike
            Load t1 = load(clients, trivial, seconds / 2);
            Load i1 = load(clients, inbox, seconds / 2);
            Load t2 = load(clients, trivial, seconds / 2);
            Load i2 = load(clients, inbox, seconds / 2);
            Load t = t1.plus(t2);
            Load in = i1.plus(i2);
            List<Result> results = new ArrayList<>();
            double ratio = in.perSecond() / t.perSecond();
            results.add(new Result("inbox page over HTTP", connections + " connections, " + scale, "req/s", in.perSecond(),
                    t.perSecond(), ratio, ">= 0.25x", ratio >= 0.25,
                    String.format("p50 %.1f vs %.1f ms; %d vs %d pages; baseline: trivial Wicket page in the same app",
                            in.stats().p50(), t.stats().p50(), in.count(), t.count())));
            results.add(new Result("inbox page over HTTP", connections + " connections, " + scale, "p99 ms", in.stats().p99(),
                    t.stats().p99(), in.stats().p99() / t.stats().p99(), "(recorded)", true,
                    "latency of one page view incl. Wicket's redirect to the page version"));
            return results;
        }
    }

    record Load(long[] nanos, int count, double seconds) {
        double perSecond() {
            return count / seconds;
        }

        Stats stats() {
            return Stats.of(java.util.Arrays.copyOf(nanos, count));
        }

        Load plus(Load o) {
            long[] all = java.util.Arrays.copyOf(nanos, count + o.count);
            System.arraycopy(o.nanos, 0, all, count, o.count);
            return new Load(all, count + o.count, seconds + o.seconds);
        }
    }

    private static Load load(List<HttpClient> clients, String url, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients.size()];
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(clients.size());
        long start = System.nanoTime();
        for (int i = 0; i < clients.size(); i++) {
            long[] mine = new long[1 << 16];
            perThread.add(mine);
            HttpClient client = clients.get(i);
            int index = i;
            Thread th = new Thread(() -> {
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
                    int n = 0;
                    while (System.nanoTime() < end && n < mine.length) {
                        long s = System.nanoTime();
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(url + " answered " + r.statusCode());
                        }
                        mine[n++] = System.nanoTime() - s;
                    }
                    counts[index] = n;
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "bench-http-" + i);
            th.setDaemon(true);
            th.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int k = 0;
        for (int i = 0; i < counts.length; i++) {
            System.arraycopy(perThread.get(i), 0, all, k, counts[i]);
            k += counts[i];
        }
        return new Load(all, total, elapsed);
    }

    private static String get(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    /** Logs in through the host's real login form; the client keeps the session cookie. */
    static HttpClient login(String base, String email, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("No login form at " + page.uri());
        }
        String emailField = null;
        String passwordField = null;
        Matcher input = INPUT_NAME.matcher(page.body());
        while (input.find()) {
            String name = input.group(1);
            if (emailField == null && name.contains("email")) {
                emailField = name;
            } else if (passwordField == null && name.contains("password")) {
                passwordField = name;
            }
        }
        URI target = page.uri().resolve(action.group(1).replace("&amp;", "&"));
        String form = URLEncoder.encode(emailField, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&" + URLEncoder.encode(passwordField, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> after = client.send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (after.statusCode() != 200 || after.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("Login as " + email + " failed: " + after.statusCode() + " at " + after.uri());
        }
        return client;
    }
}
