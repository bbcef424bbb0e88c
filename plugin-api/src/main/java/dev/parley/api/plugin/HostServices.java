package dev.parley.api.plugin;

import dev.parley.api.event.EventBus;
import dev.parley.api.feature.FeatureGate;
import dev.parley.api.mail.Mailer;
import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.schema.SchemaMigrations;
import dev.parley.api.tracking.TrackingLinks;
import dev.parley.api.user.CurrentUser;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Everything a plugin may ask of its host. Narrow on purpose: no host internals leak through it.
 *
 * @since 1.0
 */
public interface HostServices {

    /** @return the user of the current request, empty outside a request or when nobody is logged in */
    Optional<CurrentUser> currentUser();

    /** @return the partner directory: partners, members, offers, approvals, performance */
    PartnerDirectory partners();

    /** @return the plan/feature gate */
    FeatureGate features();

    /** @return the pooled MariaDB data source; plugins keep their own tables in it */
    DataSource dataSource();

    /** @return the clock to use for every "now" (UTC instants) */
    Clock clock();

    /** @return the host's outbound mailer */
    Mailer mailer();

    /** @return per-partner tracking links for offers */
    TrackingLinks trackingLinks();

    /** @return the host's event bus */
    EventBus events();

    /** @return runs a plugin's own schema migrations with its own history */
    SchemaMigrations schema();

    /**
     * @param pluginId the plugin asking
     * @return a private, existing directory for the plugin's files (indexes, caches)
     */
    Path dataDirectory(String pluginId);

    /**
     * Extensions of a type contributed by running plugins, e.g. another plugin's
     * {@link dev.parley.api.audience.SavedAudiences}. Empty when no running plugin offers one.
     *
     * @param type an extension point of this API
     */
    <T> java.util.List<T> extensions(Class<T> type);

    /**
     * @param key a setting name such as {@code messaging.inbound.secret}
     * @return the host's configuration value, if set
     */
    Optional<String> setting(String key);
}
