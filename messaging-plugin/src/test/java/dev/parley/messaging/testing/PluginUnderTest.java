package dev.parley.messaging.testing;

import dev.parley.api.testing.FixtureHost;
import dev.parley.api.testing.TestWicketApplication;
import dev.parley.api.ui.PageMount;
import dev.parley.api.ui.ResourceMount;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.MessagingServices;
import dev.parley.messaging.MessagingUi;
import org.apache.wicket.util.tester.WicketTester;

/** The plugin started on a fixture host as the host starts it, with its pages and resources mounted in a tester. */
public final class PluginUnderTest implements AutoCloseable {

    private final MessagingPlugin plugin;
    public final WicketTester tester;

    public PluginUnderTest(MessagingFixture f) {
        this(f.host);
    }

    public PluginUnderTest(FixtureHost host) {
        plugin = new MessagingPlugin();
        plugin.attach(host);
        plugin.start();
        TestWicketApplication app = new TestWicketApplication(host) {
            @Override
            protected void init() {
                super.init();
                MessagingUi ui = new MessagingUi();
                for (PageMount m : ui.pageMounts()) {
                    mountPage(m.path(), m.pageClass().asSubclass(org.apache.wicket.Page.class));
                }
                for (ResourceMount m : ui.resourceMounts()) {
                    mountResource(m.path(), m.reference());
                }
            }
        };
        tester = new WicketTester(app);
    }

    public MessagingServices services() {
        return plugin.services();
    }

    @Override
    public void close() {
        tester.destroy();
        plugin.stop();
    }
}
