package dev.parley.api.schema;

/**
 * Runs a plugin's versioned SQL migrations ({@code V1__create_tables.sql}, ...) against the host's
 * database, with a migration history of the plugin's own, so plugins never share or clash on
 * schema versions. Called from the plugin's {@code start()}.
 *
 * @since 1.0
 */
public interface SchemaMigrations {

    /**
     * Applies pending migrations.
     *
     * @param pluginId the plugin's id; names its history table
     * @param classLoader the loader that sees the plugin's migration scripts (the plugin's own)
     * @param location classpath folder of the scripts, e.g. {@code dev/parley/messaging/db}
     * @return the schema version after migrating
     * @throws IllegalStateException when a migration fails; the plugin should then fail to start
     */
    String migrate(String pluginId, ClassLoader classLoader, String location);
}
