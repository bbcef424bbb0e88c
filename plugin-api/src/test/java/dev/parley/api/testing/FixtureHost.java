package dev.parley.api.testing;

import dev.parley.api.event.EventBus;
import dev.parley.api.event.ParleyEvent;
import dev.parley.api.feature.FeatureGate;
import dev.parley.api.mail.Mailer;
import dev.parley.api.mail.OutboundMail;
import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.schema.SchemaMigrations;
import dev.parley.api.tracking.TrackingLinks;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.UserKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A host for plugin tests: a fresh real MariaDB database, Flyway migrations with the plugin's own
 * history table, fixture partners, a settable clock and current user, a feature gate tests switch,
 * and a mailer that delegates to whatever the test sets (GreenMail over SMTP, or a recorder).
 */
public final class FixtureHost implements HostServices {

    private final DataSource dataSource;
    private final FixtureDirectory directory = new FixtureDirectory();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    private final Set<String> enabled = ConcurrentHashMap.newKeySet();
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private final List<OutboundMail> recordedMail = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Path dataDir;
    private final Map<Class<?>, List<Object>> extensions = new ConcurrentHashMap<>();
    private volatile Mailer mailer;
    private volatile CurrentUser currentUser;

    private FixtureHost(DataSource dataSource, Path dataDir) {
        this.dataSource = dataSource;
        this.dataDir = dataDir;
        this.mailer = mail -> {
            recordedMail.add(mail);
            return "<" + recordedMail.size() + "@fixture>";
        };
    }

    /** @return a host on a new, empty database */
    public static FixtureHost create(String name) {
        try {
            return new FixtureHost(TestDatabase.newDatabase(name), Files.createTempDirectory("parley-plugin-" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FixtureDirectory directory() {
        return directory;
    }

    public MutableClock mutableClock() {
        return clock;
    }

    /** Turns a feature on for a program (features are off until enabled). */
    public void enableFeature(long programId, String feature) {
        enabled.add(programId + ":" + feature);
    }

    public void disableFeature(long programId, String feature) {
        enabled.remove(programId + ":" + feature);
    }

    public void setMailer(Mailer mailer) {
        this.mailer = mailer;
    }

    /** @return mail sent while the default recording mailer was in place */
    public List<OutboundMail> recordedMail() {
        return recordedMail;
    }

    public void setSetting(String key, String value) {
        settings.put(key, value);
    }

    /** Sets who {@link #currentUser()} returns (null for nobody). */
    public void actAs(CurrentUser user) {
        this.currentUser = user;
    }

    /** @return a brand user of the program holding the permissions */
    public static CurrentUser brandUser(long userId, long programId, String name, String... permissions) {
        return new CurrentUser(userId, UserKind.BRAND, name, name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@brand.test",
                programId, null, Set.of("Community Manager"), Set.of(permissions), false, ZoneId.of("UTC"), Locale.ENGLISH);
    }

    /** @return a partner member acting in the program */
    public static CurrentUser partnerMember(long memberId, long programId, long partnerId, String name) {
        return new CurrentUser(memberId, UserKind.PARTNER, name, name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@partner.test",
                programId, partnerId, Set.of(), Set.of(), false, ZoneId.of("UTC"), Locale.ENGLISH);
    }

    @Override
    public Optional<CurrentUser> currentUser() {
        return Optional.ofNullable(currentUser);
    }

    @Override
    public PartnerDirectory partners() {
        return directory;
    }

    @Override
    public FeatureGate features() {
        return (programId, feature) -> enabled.contains(programId + ":" + feature);
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Mailer mailer() {
        return mail -> {
            Mailer m = mailer;
            return m.send(mail);
        };
    }

    @Override
    public TrackingLinks trackingLinks() {
        return (programId, offerId, partnerId) -> {
            if (directory.offers(programId).stream().noneMatch(o -> o.id() == offerId)
                    || directory.partner(programId, partnerId).isEmpty()) {
                throw new IllegalArgumentException("Offer or partner not in program " + programId);
            }
            return "https://track.test/t/" + offerId + "/" + partnerId + "/" + Long.toHexString((offerId * 31 + partnerId) * 7919);
        };
    }

    @Override
    public EventBus events() {
        return new EventBus() {
            @Override
            public <E extends ParleyEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
                Listener l = new Listener(type, e -> listener.accept(type.cast(e)));
                listeners.add(l);
                return () -> listeners.remove(l);
            }

            @Override
            public void publish(ParleyEvent event) {
                listeners.stream().filter(l -> l.type().isInstance(event)).forEach(l -> l.consumer().accept(event));
            }
        };
    }

    @Override
    public SchemaMigrations schema() {
        return (pluginId, classLoader, location) -> {
            var result = Flyway.configure(classLoader).dataSource(dataSource).locations("classpath:" + location)
                    .table("schema_history_" + pluginId.replaceAll("[^A-Za-z0-9]", "_")).baselineOnMigrate(true)
                    .baselineVersion("0").load().migrate();
            return result.targetSchemaVersion;
        };
    }

    @Override
    public Path dataDirectory(String pluginId) {
        try {
            return Files.createDirectories(dataDir.resolve(pluginId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes an extension visible through {@link #extensions(Class)}, as if another plugin offered it. */
    public <T> void addExtension(Class<T> type, T extension) {
        extensions.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>()).add(extension);
    }

    @Override
    public <T> List<T> extensions(Class<T> type) {
        return extensions.getOrDefault(type, List.of()).stream().map(type::cast).toList();
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    private record Listener(Class<?> type, Consumer<ParleyEvent> consumer) {
    }
}
