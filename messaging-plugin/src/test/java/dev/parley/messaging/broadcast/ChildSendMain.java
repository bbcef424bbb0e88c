package dev.parley.messaging.broadcast;

import dev.parley.api.event.EventBus;
import dev.parley.api.event.ParleyEvent;
import dev.parley.api.feature.FeatureGate;
import dev.parley.api.mail.Mailer;
import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.schema.SchemaMigrations;
import dev.parley.api.testing.FixtureDirectory;
import dev.parley.api.testing.MutableClock;
import dev.parley.api.tracking.TrackingLinks;
import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.MessagingConfig;
import dev.parley.messaging.MessagingServices;
import dev.parley.messaging.channel.sms.LoggingSmsGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * Runs one bulk message's send job in its own JVM, so a test can kill the process mid-way
 * ({@code Process.destroyForcibly()}, SIGKILL). Prints {@code BATCH <cursor>} after each committed
 * fan-out batch and then waits a moment, so the test can kill it between or inside batches.
 *
 * <p>Arguments: JDBC URL of the test database, user, password, bulk id, number of fixture partners.
 */
public final class ChildSendMain {

    /** The fixture program and partners, built the same way (same ids) in the test and in the child. */
    static void populate(FixtureDirectory dir, long programId, int partners) {
        for (int i = 0; i < partners; i++) {
            dir.addPartner(programId, "Partner " + i, "p" + i + "@kill.test", PartnershipStatus.APPROVED);
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        MariaDbPoolDataSource ds = new MariaDbPoolDataSource(url + "?maxPoolSize=4&minPoolSize=0");
        ds.setUser(args[1]);
        ds.setPassword(args[2]);
        long bulkId = Long.parseLong(args[3]);
        int partners = Integer.parseInt(args[4]);
        FixtureDirectory dir = new FixtureDirectory();
        long programId = dir.addProgram("Acme Outdoor", "advanced").id();
        populate(dir, programId, partners);
        ChildHost host = new ChildHost(ds, dir, Files.createTempDirectory("parley-child"));
        MessagingServices services = new MessagingServices(host, MessagingConfig.from(host), new LoggingSmsGateway(),
                BroadcastFixture.manual(host.clock));
        services.broadcasts().job().run(bulkId, new SendJob.Hooks() {
            @Override
            public void afterBatch(long id, long cursor, int delivered) {
                System.out.println("BATCH " + cursor);
                System.out.flush();
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }

    /** The smallest host: the test database, fixture partners, the fixture clock's start. */
    private static final class ChildHost implements HostServices {
        final DataSource ds;
        final FixtureDirectory dir;
        final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
        final Path data;

        ChildHost(DataSource ds, FixtureDirectory dir, Path data) {
            this.ds = ds;
            this.dir = dir;
            this.data = data;
        }

        @Override
        public Optional<CurrentUser> currentUser() {
            return Optional.empty();
        }

        @Override
        public PartnerDirectory partners() {
            return dir;
        }

        @Override
        public FeatureGate features() {
            return (programId, feature) -> true;
        }

        @Override
        public DataSource dataSource() {
            return ds;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public Mailer mailer() {
            return mail -> "<child@test>";
        }

        @Override
        public TrackingLinks trackingLinks() {
            return (programId, offerId, partnerId) -> "https://track.test/t/" + offerId + "/" + partnerId;
        }

        @Override
        public EventBus events() {
            return new EventBus() {
                @Override
                public <E extends ParleyEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
                    return () -> { };
                }

                @Override
                public void publish(ParleyEvent event) {
                }
            };
        }

        @Override
        public SchemaMigrations schema() {
            return (pluginId, loader, location) -> "unchanged";
        }

        @Override
        public Path dataDirectory(String pluginId) {
            return data;
        }

        @Override
        public <T> List<T> extensions(Class<T> type) {
            return List.of();
        }

        @Override
        public Optional<String> setting(String key) {
            return "messaging.tracking.secret".equals(key) ? Optional.of("test-secret") : Optional.empty();
        }
    }
}
