package dev.parley.host.testing;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.testing.MutableClock;
import dev.parley.api.testing.TestClamd;
import dev.parley.api.testing.TestDatabase;
import dev.parley.host.HostConfig;
import dev.parley.host.ParleyHost;
import dev.parley.host.demo.DemoDataGenerator;
import dev.parley.host.demo.DemoDataGenerator.DemoPrograms;
import dev.parley.host.web.HostApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.wicket.pageStore.IPageStore;
import org.apache.wicket.DefaultPageManagerProvider;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real host for tests: the built plugin JARs copied into a fresh plugins folder (as an installer
 * would), a fresh database on the test JVM's MariaDB, small demo data, and WicketTesters whose every
 * request reads pages back from the page store (so serialization across plugin class loaders is
 * exercised all the time).
 */
public final class TestHost implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Consumer<Path> pluginsSetup;
    private final Map<String, String> settings;
    private ParleyHost host;
    private DemoPrograms programs;
    private Path pluginsDir;
    private MutableClock clock;
    private final java.util.List<String> serializationFailures = new java.util.concurrent.CopyOnWriteArrayList<>();

    private TestHost(Consumer<Path> pluginsSetup, Map<String, String> settings) {
        this.pluginsSetup = pluginsSetup;
        this.settings = settings;
    }

    /**
     * The host for one test class, started before its first test (before the class's own
     * {@code @BeforeAll} methods) and stopped after its last:
     * {@code @RegisterExtension static final TestHost host = TestHost.perClass();}
     */
    public static TestHost perClass() {
        return new TestHost(dir -> { }, Map.of());
    }

    /** A host with both Parley plugins and demo data; the caller closes it. */
    public static TestHost start() {
        return start(dir -> { }, Map.of());
    }

    /**
     * @param pluginsSetup may add or remove files in the plugins folder before the host starts
     * @param settings extra host settings
     */
    public static TestHost start(Consumer<Path> pluginsSetup, Map<String, String> settings) {
        TestHost t = new TestHost(pluginsSetup, settings);
        t.open();
        return t;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void open() {
        try {
            Path root = Files.createTempDirectory("parley-host-test");
            Path plugins = Files.createDirectories(root.resolve("plugins"));
            copyBuiltPlugins(plugins);
            pluginsSetup.accept(plugins);
            Map<String, String> values = new HashMap<>();
            values.put("db.url", TestDatabase.serverUrl());
            values.put("db.user", TestDatabase.user());
            values.put("db.password", TestDatabase.password());
            values.put("db.name", "host_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
            values.put("data.dir", root.resolve("data").toString());
            values.put("plugins.dir", plugins.toString());
            values.putAll(settings);
            clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
            pluginsDir = plugins;
            host = ParleyHost.start(HostConfig.of(values), clock);
            programs = new DemoDataGenerator(host.sessions(), host.dataSource(), clock, 7).generate(60, n -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the plugin JARs built by this reactor into the folder. */
    public static void copyBuiltPlugins(Path target) throws IOException {
        Path built = Path.of(System.getProperty("parley.test.plugins", "target/test-plugins"));
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(built, "*.jar")) {
            for (Path jar : jars) {
                Files.copy(jar, target.resolve(jar.getFileName()));
            }
        }
    }

    public ParleyHost host() {
        return host;
    }

    public DemoPrograms programs() {
        return programs;
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    public MutableClock clock() {
        return clock;
    }

    /** @return a tester on a new application instance of this host */
    public WicketTester newTester() {
        return testerFor(host, serializationFailures);
    }

    /**
     * A tester for any running host: browser-like fetch metadata on every request, no live page
     * cache, and pages that cannot be serialized recorded in {@code serializationFailures}.
     */
    public static WicketTester testerFor(ParleyHost host, java.util.List<String> serializationFailures) {
        HostApplication app = new HostApplication(host) {
            @Override
            protected void init() {
                super.init();
                getStoreSettings().setAsynchronous(false);
                getFrameworkSettings().setSerializer(new org.apache.wicket.serialize.java.JavaSerializer(getApplicationKey()) {
                    @Override
                    public byte[] serialize(Object object) {
                        byte[] data = super.serialize(object);
                        if (data == null) {
                            serializationFailures.add(String.valueOf(object));
                        }
                        return data;
                    }
                });
                setPageManagerProvider(new DefaultPageManagerProvider(this) {
                    @Override
                    protected IPageStore newCachingStore(IPageStore store) {
                        // No live page cache: every request deserializes its page.
                        return store;
                    }
                });
            }
        };
        return new WicketTester(app) {
            @Override
            protected boolean processRequest(org.apache.wicket.protocol.http.mock.MockHttpServletRequest forced,
                    org.apache.wicket.request.IRequestHandler handler, boolean redirect) {
                // Several testers may take turns on one thread: each request runs with this tester's
                // own application and session, never the last-created tester's.
                org.apache.wicket.ThreadContext.setApplication(getApplication());
                org.apache.wicket.ThreadContext.setSession(getSession());
                // Like a browser: fetch metadata on every request, or resource isolation refuses POSTs.
                var r = forced != null ? forced : getRequest();
                if (r != null && r.getHeader("sec-fetch-site") == null) {
                    r.addHeader("sec-fetch-site", "same-origin");
                }
                return super.processRequest(forced, handler, redirect);
            }

            @Override
            protected org.apache.wicket.IPageManagerProvider newTestPageManagerProvider() {
                return null;
            }
        };
    }

    /** @return a tester on a new application instance, logged in as the demo user with this e-mail */
    public WicketTester loggedIn(String email) {
        WicketTester t = newTester();
        login(t, email);
        return t;
    }

    /** @return the id of the demo program Acme's partner whose name, contact or member e-mail contains the text */
    public long acmePartner(String text) {
        return host.partners().page(programs.acme(), PartnerFilter.all().withText(text), 0, 1).get(0).id();
    }

    /**
     * Acme's Community Manager writes to the partner through the real "new conversation" form.
     *
     * @return the new conversation's id
     */
    public long startConversation(long partnerId, String subject, String body) {
        WicketTester cm = loggedIn("cm@acme.test");
        cm.executeUrl("inbox/new?partner=" + partnerId);
        FormTester form = cm.newFormTester("compose");
        form.setValue("subject", subject);
        form.setValue("body", body);
        form.submit();
        return cm.getLastRenderedPage().getPageParameters().get("id").toLong();
    }

    /** @return the first column of the only row the query returns (a count, a maximum) */
    public long queryLong(String sql) {
        try (Connection c = host.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** @return host settings that point the messaging plugin at the test JVM's ClamAV daemon */
    public static Map<String, String> clamdSettings() {
        TestClamd clamd = TestClamd.get();
        return Map.of("messaging.clamd.host", clamd.host(), "messaging.clamd.port", String.valueOf(clamd.port()));
    }

    /**
     * Several testers take turns on one thread: gives the thread back to this one's application,
     * session and request cycle (for calls outside a request, such as {@code newFormTester}).
     */
    public static WicketTester use(WicketTester t) {
        org.apache.wicket.ThreadContext.setApplication(t.getApplication());
        org.apache.wicket.ThreadContext.setSession(t.getSession());
        org.apache.wicket.ThreadContext.setRequestCycle(t.getRequestCycle());
        return t;
    }

    /** @return the page the tester gets from the URL with a GET (after a form's POST, say) */
    public static String get(WicketTester t, String url) {
        use(t);
        t.getRequest().setMethod("GET");
        t.executeUrl(url);
        return t.getLastResponseAsString();
    }

    /** Logs in through the real login form with the demo password. */
    public static void login(WicketTester tester, String email) {
        tester.startPage(dev.parley.host.account.LoginPage.class);
        FormTester form = tester.newFormTester("form");
        form.setValue("email", email);
        form.setValue("password", DemoDataGenerator.DEMO_PASSWORD);
        form.submit();
    }

    /** Stops the host; fails when any page could not be stored (a page holding a service, say). */
    @Override
    public void close() {
        host.close();
        if (!serializationFailures.isEmpty()) {
            throw new AssertionError("Pages that could not be serialized: " + serializationFailures);
        }
    }
}
