package dev.parley.host.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.testing.TestDatabase;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations at start: Flyway applies and validates them, and a start whose history already holds
 * every migration unchanged is recognised with one query (so Flyway is not loaded), never a start
 * with a new or an edited migration.
 */
class FlywayMigrationsTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondStartOfTheHostFindsItsSchemaUpToDateWithoutFlyway() throws Exception {
        DataSource db = TestDatabase.newDatabase("flyway_host");
        ClassLoader host = FlywayMigrations.class.getClassLoader();
        String location = "dev/parley/host/db/migration";
        assertEquals(Optional.empty(), AppliedMigrationsCheck.upToDateVersion(db, "schema_history_host", host, location),
                "empty database");

        new FlywayMigrations(db).migrateHost();

        Map<String, Integer> files = AppliedMigrationsCheck.available(host, location);
        assertTrue(files.keySet().containsAll(java.util.List.of("1", "2", "3")), files.toString());
        assertEquals(Optional.of(highest(files)),
                AppliedMigrationsCheck.upToDateVersion(db, "schema_history_host", host, location),
                "the checksums Flyway stored are the ones computed from the files");
        new FlywayMigrations(db).migrateHost();
        assertEquals(files.size(), count(db, "SELECT COUNT(*) FROM schema_history_host WHERE type = 'SQL'"));
    }

    @Test
    void aPluginsNewMigrationIsAppliedAndAnEditedOneStillStopsTheStart() throws Exception {
        DataSource db = TestDatabase.newDatabase("flyway_plugin");
        FlywayMigrations migrations = new FlywayMigrations(db);
        Path v1 = pluginJar("v1.jar", Map.of("V1__first.sql", "CREATE TABLE probe_one (id INT);\n"));
        assertEquals("1", migrations.migrate("probe-plugin", loader(v1), "probe/db"));
        assertEquals(Optional.of("1"), AppliedMigrationsCheck.upToDateVersion(db, "schema_history_probe_plugin",
                loader(v1), "probe/db"));

        // An upgraded plugin JAR brings V2: not up to date, so Flyway applies it.
        Path v2 = pluginJar("v2.jar", Map.of("V1__first.sql", "CREATE TABLE probe_one (id INT);\n",
                "V2__second.sql", "CREATE TABLE probe_two (id INT);\n"));
        assertEquals(Optional.empty(), AppliedMigrationsCheck.upToDateVersion(db, "schema_history_probe_plugin",
                loader(v2), "probe/db"));
        assertEquals("2", migrations.migrate("probe-plugin", loader(v2), "probe/db"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM probe_two"));
        assertEquals(Optional.of("2"), AppliedMigrationsCheck.upToDateVersion(db, "schema_history_probe_plugin",
                loader(v2), "probe/db"));

        // A JAR whose applied V1 was edited: Flyway's validation refuses it, as before.
        Path edited = pluginJar("edited.jar", Map.of("V1__first.sql", "CREATE TABLE probe_one (id BIGINT);\n",
                "V2__second.sql", "CREATE TABLE probe_two (id INT);\n"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> migrations.migrate("probe-plugin", loader(edited), "probe/db"));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    private Path pluginJar(String name, Map<String, String> migrations) throws Exception {
        Path jar = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("probe/"));
            j.putNextEntry(new JarEntry("probe/db/"));
            for (Map.Entry<String, String> m : migrations.entrySet()) {
                j.putNextEntry(new JarEntry("probe/db/" + m.getKey()));
                j.write(m.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static ClassLoader loader(Path jar) throws Exception {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, FlywayMigrationsTest.class.getClassLoader());
    }

    private static String highest(Map<String, Integer> files) {
        return files.keySet().stream().max(java.util.Comparator.comparingInt(Integer::parseInt)).orElseThrow();
    }

    private static long count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
