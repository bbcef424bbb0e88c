package dev.parley.host;

import dev.parley.host.db.DatabaseUnavailableException;
import dev.parley.host.demo.DemoDataGenerator;
import dev.parley.host.web.HostApplication;
import dev.parley.host.web.JettyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the demo: MariaDB (embedded unless {@code --db.url} is given), the plugins from the plugins
 * folder, demo data on first start, and the web server. Exit codes: 2 database unavailable, 3 HTTP
 * port taken, 4 bad settings.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args) {
        HostConfig config;
        try {
            config = HostConfig.load(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Parley: " + e.getMessage());
            return 4;
        }
        String problem = portProblem(config.bindAddress(), config.httpPort());
        if (problem != null) {
            System.err.println("Parley: " + problem);
            return 3;
        }
        ParleyHost host;
        try {
            host = ParleyHost.start(config, Clock.systemUTC());
        } catch (DatabaseUnavailableException e) {
            System.err.println("Parley: " + e.getMessage());
            return 2;
        }
        try {
            DemoDataGenerator demo = new DemoDataGenerator(host.sessions(), host.dataSource(), host.clock(), 42);
            if (config.getBoolean("demo.data", true) && demo.isEmpty()) {
                int partners = config.getInt("demo.partners", 300);
                LOG.info("Generating demo data ({} partners)...", partners);
                var programs = demo.generate(partners, n -> LOG.info("  {} partners written", n));
                // Plugins add their own sample content (conversations, banners) for the demo programs.
                for (long program : new long[] {programs.acme(), programs.bolt(), programs.cedar()}) {
                    host.events().publish(new dev.parley.api.event.SampleDataCreated(program));
                }
            }
            JettyServer server = JettyServer.start(new HostApplication(host), config.bindAddress(), config.httpPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception ignored) {
                    // shutting down anyway
                }
                host.close();
            }));
            System.out.println();
            System.out.println("Parley demo is running: http://" + config.bindAddress() + ":" + server.port() + "/");
            System.out.println("Log in with any demo account, password " + DemoDataGenerator.DEMO_PASSWORD + ":");
            System.out.println("  brand:   owner@acme.test (Account Admin), cm@acme.test (Community Manager), analyst@acme.test (Analyst)");
            System.out.println("  partner: maya@trailblazers.test, leo@summitdeals.test");
            System.out.println("  platform admin: admin@parley.test");
            System.out.println("Data: " + config.dataDir() + "   Plugins: " + config.pluginsDir());
            server.join();
            return 0;
        } catch (Exception e) {
            LOG.error("Parley failed to start", e);
            System.err.println("Parley: failed to start: " + e.getMessage());
            host.close();
            return 1;
        }
    }

    /** @return why the port cannot be used, or null when it is free */
    static String portProblem(String bind, int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(bind))) {
            return null;
        } catch (IOException e) {
            return "port " + port + " on " + bind + " is already in use (" + e.getMessage()
                    + "); choose another with --port=NNNN";
        }
    }
}
