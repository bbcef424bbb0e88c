package dev.parley.host;

import dev.parley.api.event.EventBus;
import dev.parley.api.feature.FeatureGate;
import dev.parley.api.mail.Mailer;
import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.schema.SchemaMigrations;
import dev.parley.api.tracking.TrackingLinks;
import dev.parley.api.user.CurrentUser;
import dev.parley.host.web.HostSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/** The host services handed to plugins and used by the host's own pages. */
final class PluginHostServices implements HostServices {

    private final ParleyHost host;

    PluginHostServices(ParleyHost host) {
        this.host = host;
    }

    @Override
    public Optional<CurrentUser> currentUser() {
        return HostSession.currentUserIfAny();
    }

    @Override
    public PartnerDirectory partners() {
        return host.partners();
    }

    @Override
    public FeatureGate features() {
        return host.plans();
    }

    @Override
    public DataSource dataSource() {
        return host.dataSource();
    }

    @Override
    public Clock clock() {
        return host.clock();
    }

    @Override
    public Mailer mailer() {
        return host.mailer();
    }

    @Override
    public TrackingLinks trackingLinks() {
        return host.trackingLinks();
    }

    @Override
    public EventBus events() {
        return host.events();
    }

    @Override
    public SchemaMigrations schema() {
        return host.migrations();
    }

    @Override
    public Path dataDirectory(String pluginId) {
        if (!pluginId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("Bad plugin id: " + pluginId);
        }
        Path dir = host.config().dataDir().resolve("plugins").resolve(pluginId);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> java.util.List<T> extensions(Class<T> type) {
        java.util.List<T> result = new java.util.ArrayList<>();
        for (org.pf4j.PluginWrapper w : host.pluginManager().getStartedPlugins()) {
            result.addAll(host.pluginManager().getExtensions(type, w.getPluginId()));
        }
        return result;
    }

    @Override
    public Optional<String> setting(String key) {
        return host.config().get(key);
    }
}
