package dev.parley.bench;

import dev.parley.host.HostConfig;
import dev.parley.host.ParleyHost;
import dev.parley.host.web.HostApplication;
import dev.parley.host.web.JettyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.wicket.Page;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.protocol.http.WebApplication;

/**
 * Run in a fresh JVM: starts either the full host with its plugins or Jetty with a trivial Wicket
 * application, fetches the first page, and prints the milliseconds since the JVM started.
 */
public final class StartProbe {

    private StartProbe() {
    }

    public static void main(String[] args) throws Exception {
        String what = args[0];
        AutoCloseable[] running;
        int port;
        if (what.equals("baseline")) {
            JettyServer server = JettyServer.startPlain(new TrivialApplication(), "127.0.0.1", 0);
            running = new AutoCloseable[] {server};
            port = server.port();
        } else {
            HostConfig config = HostConfig.of(Map.of("db.url", args[1], "db.name", args[2], "plugins.dir", args[3],
                    "data.dir", args[4]));
            ParleyHost host = ParleyHost.start(config, Clock.systemUTC());
            JettyServer server = JettyServer.start(new HostApplication(host), "127.0.0.1", 0);
            running = new AutoCloseable[] {server, host};
            port = server.port();
        }
        // a browser: it keeps the session cookie (the host never puts the session id in a URL)
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String path = what.equals("baseline") ? "/" : "/login";
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        long millis = Duration.between(started, Instant.now()).toMillis();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("First page answered " + response.statusCode());
        }
        System.out.println("FIRST_PAGE_MS=" + millis);
        for (AutoCloseable c : running) {
            c.close();
        }
        System.exit(0);
    }

    /** The baseline: Wicket with one static page. */
    public static final class TrivialApplication extends WebApplication {
        @Override
        public Class<? extends Page> getHomePage() {
            return TrivialPage.class;
        }
    }

    /** A page with nothing but text. */
    public static final class TrivialPage extends WebPage {
        private static final long serialVersionUID = 1L;
    }
}
