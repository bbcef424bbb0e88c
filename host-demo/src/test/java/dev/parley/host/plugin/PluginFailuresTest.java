package dev.parley.host.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.admin.PluginsPage;
import dev.parley.host.dashboard.BrandDashboardPage;
import dev.parley.host.testing.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad plugins never take the host down: a plugin for another API version is refused, one whose start
 * throws is marked failed, an unreadable file and a duplicate id are reported; the admin page says why.
 */
class PluginFailuresTest {

    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start(plugins -> {
            PluginJars.write(plugins.resolve("future-plugin.jar"), "future-plugin", ">=2.0.0 & <3.0.0",
                    "future.FuturePlugin", "package future; public class FuturePlugin extends org.pf4j.Plugin {}");
            PluginJars.write(plugins.resolve("broken-start.jar"), "broken-start", ">=1.0.0 & <2.0.0",
                    "broken.BrokenPlugin", "package broken; public class BrokenPlugin extends org.pf4j.Plugin {"
                            + " @Override public void start() { throw new IllegalStateException(\"license key missing\"); } }");
            try {
                Files.write(plugins.resolve("garbage.jar"), "this is not a jar".getBytes());
                Files.copy(plugins.resolve("messaging-plugin.jar"), plugins.resolve("zz-messaging-copy.jar"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Map.of());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static PluginStatus status(String id) {
        return host.host().pluginManager().statuses().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no status for " + id));
    }

    @Test
    void aPluginForAnotherApiVersionIsRefusedWithTheReason() {
        PluginStatus s = status("future-plugin");
        assertEquals("REFUSED", s.state());
        assertTrue(s.reason().contains(">=2.0.0 & <3.0.0") && s.reason().contains("1.0.0"), s.reason());
    }

    @Test
    void aPluginWhoseStartThrowsIsFailedWithTheReason() {
        PluginStatus s = status("broken-start");
        assertEquals("FAILED", s.state());
        assertTrue(s.reason().contains("license key missing"), s.reason());
    }

    @Test
    void unreadableFilesAndDuplicateIdsAreReported() {
        List<PluginStatus> all = host.host().pluginManager().statuses();
        assertTrue(all.stream().anyMatch(s -> s.id().equals("garbage.jar") && s.state().equals("BROKEN")), all.toString());
        assertTrue(all.stream().anyMatch(s -> s.state().equals("BROKEN") && s.reason().contains("parley-messaging")),
                all.toString());
        assertEquals("STARTED", status("parley-messaging").state());
        assertEquals("STARTED", status("parley-banners").state());
    }

    @Test
    void theHostKeepsWorkingAndThePluginsPageExplainsEachProblem() {
        WicketTester t = host.loggedIn("admin@parley.test");
        t.startPage(BrandDashboardPage.class);
        t.assertRenderedPage(BrandDashboardPage.class);
        t.startPage(PluginsPage.class);
        t.assertRenderedPage(PluginsPage.class);
        String html = t.getLastResponseAsString();
        assertTrue(html.contains("license key missing"));
        assertTrue(html.contains("Requires Parley API"));
        assertTrue(html.contains("garbage.jar"));
    }

    @Test
    void onlyPlatformAdminsSeeThePluginsPage() {
        WicketTester t = host.loggedIn("owner@acme.test");
        t.startPage(PluginsPage.class);
        assertEquals(403, t.getLastResponse().getStatus());
    }
}
