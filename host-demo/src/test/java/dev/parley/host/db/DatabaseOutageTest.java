package dev.parley.host.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.HostConfig;
import dev.parley.host.ParleyHost;
import dev.parley.host.dashboard.BrandDashboardPage;
import dev.parley.host.demo.DemoDataGenerator;
import dev.parley.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The database goes away for a while: users get a clear page, and the app recovers by itself. */
class DatabaseOutageTest {

    private static final Path DATA = Path.of("target", "outage-test-" + ProcessHandle.current().pid()).toAbsolutePath();

    @AfterAll
    static void cleanUp() throws Exception {
        if (Files.exists(DATA)) {
            try (Stream<Path> files = Files.walk(DATA)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void whileTheDatabaseIsDownPagesSay503AndWorkAgainWhenItIsBack() throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(DATA)) {
            HostConfig config = HostConfig.of(Map.of("db.url", db.serverUrl(), "data.dir", DATA.resolve("host").toString(),
                    "plugins.dir", DATA.resolve("plugins").toString()));
            try (ParleyHost host = ParleyHost.start(config, Clock.systemUTC())) {
                new DemoDataGenerator(host.sessions(), host.dataSource(), host.clock(), 3).generate(5, n -> { });
                java.util.List<String> unserializable = new java.util.ArrayList<>();
                WicketTester t = TestHost.testerFor(host, unserializable);
                try {
                    TestHost.login(t, "cm@acme.test");
                    t.startPage(BrandDashboardPage.class);
                    assertEquals(200, t.getLastResponse().getStatus());

                    db.stop();
                    t.executeUrl("dashboard");
                    assertEquals(503, t.getLastResponse().getStatus());
                    assertTrue(t.getLastResponseAsString().contains("temporarily unavailable"),
                            t.getLastResponseAsString());

                    db.restart();
                    t.executeUrl("dashboard");
                    assertEquals(200, t.getLastResponse().getStatus());
                    t.assertRenderedPage(BrandDashboardPage.class);
                    assertTrue(unserializable.isEmpty(), unserializable.toString());
                } finally {
                    t.destroy();
                }
            }
        }
    }
}
