package dev.parley.host.db;

import dev.parley.api.schema.SchemaMigrations;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema migrations with Flyway: the host and each plugin keep their own history table
 * ({@code schema_history_<id>}), so their versions never clash. A start whose history already holds
 * every migration unchanged skips Flyway ({@link AppliedMigrationsCheck}).
 */
public final class FlywayMigrations implements SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(FlywayMigrations.class);

    private final DataSource dataSource;

    public FlywayMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Migrates the host's own tables. */
    public void migrateHost() {
        migrate("host", FlywayMigrations.class.getClassLoader(), "dev/parley/host/db/migration");
    }

    @Override
    public String migrate(String pluginId, ClassLoader classLoader, String location) {
        String table = "schema_history_" + pluginId.replaceAll("[^A-Za-z0-9]", "_");
        Optional<String> upToDate = AppliedMigrationsCheck.upToDateVersion(dataSource, table, classLoader, location);
        if (upToDate.isPresent()) {
            LOG.info("Schema of '{}' at version {} (up to date)", pluginId, upToDate.get());
            return upToDate.get();
        }
        try {
            MigrateResult result = Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .locations("classpath:" + location)
                    .table(table)
                    // The schema is shared: a plugin's first migration meets the host's tables.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info("Schema of '{}' at version {} ({} migrations applied)", pluginId, result.targetSchemaVersion,
                    result.migrationsExecuted);
            return result.targetSchemaVersion == null ? "0" : result.targetSchemaVersion;
        } catch (FlywayException e) {
            throw new IllegalStateException("Schema migration of '" + pluginId + "' failed: " + e.getMessage(), e);
        }
    }
}
