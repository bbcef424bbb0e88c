package dev.parley.messaging.broadcast;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.parley.api.partner.Program;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.testing.FixtureHost;
import dev.parley.api.testing.MutableClock;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingConfig;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.MessagingServices;
import dev.parley.messaging.channel.sms.LoggingSmsGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A fixture host with the messaging plugin's tables and services, and db-scheduler's manual scheduler on the host clock. */
final class BroadcastFixture implements AutoCloseable {

    final FixtureHost host;
    final Program program;
    final CurrentUser manager;
    private final List<MessagingServices> started = new ArrayList<>();

    BroadcastFixture(String name) {
        host = FixtureHost.create(name);
        host.schema().migrate(MessagingPlugin.ID, MessagingPlugin.class.getClassLoader(), "dev/parley/messaging/db");
        program = host.directory().addProgram("Acme Outdoor", "advanced");
        host.enableFeature(program.id(), MessagingPlugin.FEATURE);
        manager = FixtureHost.brandUser(1, program.id(), "Mia Manager", Permissions.MESSAGING);
        host.setSetting("base.url", "https://parley.test");
        host.setSetting("messaging.tracking.secret", "test-secret");
    }

    /** A new instance of the plugin's services on the same database, as a second host or after a restart. */
    MessagingServices newServices() {
        HostServices node = ownDataDirectory(host);
        MessagingServices s = new MessagingServices(node, MessagingConfig.from(node), new LoggingSmsGateway(),
                manual(host.mutableClock()));
        s.start(); // as the plugin does: the scheduler, and runs planned for messages left SENDING
        started.add(s);
        return s;
    }

    /** Each simulated host has a data directory of its own (search index), as separate machines do. */
    private static HostServices ownDataDirectory(HostServices shared) {
        java.nio.file.Path dir;
        try {
            dir = java.nio.file.Files.createTempDirectory("parley-node");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return (HostServices) java.lang.reflect.Proxy.newProxyInstance(HostServices.class.getClassLoader(),
                new Class<?>[] {HostServices.class}, (proxy, method, args) -> {
                    if (method.getName().equals("dataDirectory")) {
                        return java.nio.file.Files.createDirectories(dir.resolve((String) args[0]));
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static BulkScheduler.Factory manual(MutableClock clock) {
        return (ds, tasks) -> {
            SettableClock c = new SettableClock() {
                @Override
                public Instant now() {
                    return clock.instant();
                }
            };
            return new TestHelper.ManualSchedulerBuilder(ds, tasks).clock(c).tableName("msg_scheduled_tasks")
                    .alwaysPersistTimestampInUTC().build();
        };
    }

    static ManualScheduler manualOf(MessagingServices s) {
        return (ManualScheduler) s.bulkScheduler().scheduler();
    }

    HostServices hostServices() {
        return host;
    }

    @Override
    public void close() {
        started.forEach(MessagingServices::close);
    }
}
