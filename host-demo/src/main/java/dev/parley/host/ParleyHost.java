package dev.parley.host;

import dev.parley.api.feature.FeatureDeclaration;
import dev.parley.api.feature.PermissionDeclaration;
import dev.parley.api.mail.Mailer;
import dev.parley.api.plugin.HostServices;
import dev.parley.host.account.AccountMapper;
import dev.parley.host.account.AccountService;
import dev.parley.host.db.EmbeddedMariaDb;
import dev.parley.host.db.FlywayMigrations;
import dev.parley.host.db.HostDatabase;
import dev.parley.host.db.MyBatis;
import dev.parley.host.event.SimpleEventBus;
import dev.parley.host.mail.OutboxMailer;
import dev.parley.host.mail.SmtpMailer;
import dev.parley.host.partner.HostPartnerDirectory;
import dev.parley.host.partner.PartnerAdminService;
import dev.parley.host.partner.PartnerMapper;
import dev.parley.host.plan.PlanMapper;
import dev.parley.host.plan.PlanService;
import dev.parley.host.plugin.HostPluginManager;
import dev.parley.host.plugin.PluginRegistry;
import dev.parley.host.tracking.SignedTrackingLinks;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host without its web server: database, services and plugins, wired once. The Wicket
 * application and the tests both start from here.
 */
public final class ParleyHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParleyHost.class);

    private final HostConfig config;
    private dev.parley.host.demo.DemoGeneration demoGeneration;
    private final Clock clock;
    private EmbeddedMariaDb embedded;
    private HostDatabase database;
    private FlywayMigrations migrations;
    private SqlSessionFactory sessions;
    private HostPartnerDirectory partners;
    private PlanService plans;
    private AccountService accounts;
    private PartnerAdminService partnerAdmin;
    private SimpleEventBus events;
    private Mailer mailer;
    private SignedTrackingLinks trackingLinks;
    private HostPluginManager pluginManager;
    private PluginRegistry registry;
    private HostServices services;

    private ParleyHost(HostConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Connects to (or starts) MariaDB, migrates the host schema, then loads and starts the plugins.
     *
     * @throws dev.parley.host.db.DatabaseUnavailableException when the database cannot be used
     */
    public static ParleyHost start(HostConfig config, Clock clock) {
        ParleyHost host = new ParleyHost(config, clock);
        try {
            long t0 = System.nanoTime();
            host.startDatabase();
            long t1 = System.nanoTime();
            host.startServices();
            long t2 = System.nanoTime();
            host.startPlugins();
            long t3 = System.nanoTime();
            LOG.info("Host ready in {} ms (database and schema {} ms, services {} ms, plugins {} ms)",
                    (t3 - t0) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            return host;
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    private void startDatabase() {
        String url = config.get("db.url").orElse(null);
        String user = config.get("db.user", "root");
        String password = config.get("db.password", "");
        if (url == null) {
            embedded = EmbeddedMariaDb.start(config.dataDir());
            url = embedded.serverUrl();
        }
        database = HostDatabase.connect(url, config.get("db.name", "parley"), user, password);
        migrations = new FlywayMigrations(database.dataSource());
        // Reading the mapper XML runs no query: it overlaps the schema check instead of following it.
        CompletableFuture<SqlSessionFactory> mappers = CompletableFuture.supplyAsync(() -> MyBatis.sessionFactory(
                database.dataSource(), AccountMapper.class, PlanMapper.class, PartnerMapper.class));
        migrations.migrateHost();
        try {
            sessions = mappers.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void startServices() {
        events = new SimpleEventBus();
        partners = new HostPartnerDirectory(sessions, clock);
        accounts = new AccountService(sessions, clock);
        partnerAdmin = new PartnerAdminService(sessions, partners, events, clock);
        mailer = config.get("smtp.host")
                .<Mailer>map(h -> new SmtpMailer(h, config.getInt("smtp.port", 25), config.get("mail.from",
                        "parley@localhost"), config.get("smtp.user").orElse(null),
                        config.get("smtp.password", ""), config.getInt("smtp.timeout.ms", 10_000)))
                .orElseGet(() -> new OutboxMailer(database.dataSource(), clock));
        trackingLinks = new SignedTrackingLinks(partners, config.get("tracking.base.url",
                config.publicBaseUrl()), HexFormat.of().parseHex(secret("tracking.secret")));
        services = new PluginHostServices(this);
    }

    private void startPlugins() {
        pluginManager = new HostPluginManager(config.pluginsDir());
        registry = new PluginRegistry(pluginManager);
        plans = new PlanService(sessions, registry::isFeatureActive);
        pluginManager.setHostServices(id -> services);
        registry.onPluginStarted(this::applyDeclarations);
        pluginManager.loadPlugins();
        pluginManager.startPlugins();
        pluginManager.statuses().forEach(s -> LOG.info("Plugin {} {}: {} {}", s.id(), s.version(), s.state(),
                s.reason()));
    }

    /** A newly running plugin's features and permissions get their defaults the first time they are seen. */
    private void applyDeclarations(String pluginId) {
        for (FeatureDeclaration f : registry.features(pluginId)) {
            plans.applyDefaults(f.key(), f.defaultPlans());
        }
        for (PermissionDeclaration p : registry.permissions(pluginId)) {
            accounts.applyDefaultRoles(p.key(), p.defaultRoles());
        }
    }

    /** A random secret generated once and kept in the database. */
    private String secret(String name) {
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT IGNORE INTO host_setting (name, value) VALUES (?, ?)")) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                insert.setString(1, name);
                insert.setString(2, HexFormat.of().formatHex(random));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT value FROM host_setting WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read host setting " + name, e);
        }
    }

    public HostConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public SqlSessionFactory sessions() {
        return sessions;
    }

    public FlywayMigrations migrations() {
        return migrations;
    }

    public HostPartnerDirectory partners() {
        return partners;
    }

    public PlanService plans() {
        return plans;
    }

    public AccountService accounts() {
        return accounts;
    }

    public PartnerAdminService partnerAdmin() {
        return partnerAdmin;
    }

    public SimpleEventBus events() {
        return events;
    }

    public Mailer mailer() {
        return mailer;
    }

    public SignedTrackingLinks trackingLinks() {
        return trackingLinks;
    }

    public HostPluginManager pluginManager() {
        return pluginManager;
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** @return the background "Generate demo partners" jobs of Settings */
    public synchronized dev.parley.host.demo.DemoGeneration demoGeneration() {
        if (demoGeneration == null) {
            demoGeneration = new dev.parley.host.demo.DemoGeneration(sessions(), dataSource(), clock(), events());
        }
        return demoGeneration;
    }

    public HostServices services() {
        return services;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (demoGeneration != null) {
                demoGeneration.close();
            }
        }
        if (pluginManager != null) {
            try {
                pluginManager.stopPlugins();
            } catch (RuntimeException e) {
                LOG.warn("A plugin failed to stop", e);
            }
        }
        if (database != null) {
            database.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
