package dev.parley.host.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.HostConfig;
import dev.parley.host.ParleyHost;
import dev.parley.host.demo.DemoDataGenerator;
import dev.parley.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The host on an external MariaDB server that checks passwords (the embedded one does not): set
 * PARLEY_EXTERNAL_DB_URL, _USER and _PASSWORD (CI starts Debian's mariadb-server for this).
 */
@EnabledIfEnvironmentVariable(named = "PARLEY_EXTERNAL_DB_URL", matches = ".+")
class ExternalMariaDbTest {

    private static Map<String, String> settings(String password) throws Exception {
        Path dir = Files.createTempDirectory("parley-external");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestHost.copyBuiltPlugins(plugins);
        Map<String, String> s = new HashMap<>();
        s.put("db.url", System.getenv("PARLEY_EXTERNAL_DB_URL"));
        s.put("db.user", System.getenv("PARLEY_EXTERNAL_DB_USER"));
        s.put("db.password", password);
        s.put("db.name", "parley_external_" + ProcessHandle.current().pid());
        s.put("data.dir", dir.resolve("data").toString());
        s.put("plugins.dir", plugins.toString());
        return s;
    }

    @Test
    void theHostMigratesStartsItsPluginsAndServesLoginsOnAnExternalServer() throws Exception {
        Map<String, String> s = settings(System.getenv("PARLEY_EXTERNAL_DB_PASSWORD"));
        try (ParleyHost host = ParleyHost.start(HostConfig.of(s), Clock.systemUTC())) {
            new DemoDataGenerator(host.sessions(), host.dataSource(), host.clock(), 5).generate(10, n -> { });
            assertTrue(host.accounts().authenticate("cm@acme.test", DemoDataGenerator.DEMO_PASSWORD).isPresent());
            assertTrue(host.pluginManager().statuses().stream().allMatch(p -> p.state().equals("STARTED")),
                    host.pluginManager().statuses().toString());
            try (Connection c = host.dataSource().getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                            + "DATABASE() AND table_name LIKE 'schema_history_%'")) {
                rs.next();
                assertEquals(3, rs.getInt(1), "host and both plugins keep their own migration history");
            }
            try (Connection c = host.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE " + s.get("db.name"));
            }
        }
    }

    @Test
    void aWrongDatabasePasswordEndsWithExitCode2() throws Exception {
        Map<String, String> s = settings("not-the-password");
        int code = dev.parley.host.MainAccess.run(new String[] {"--port=0", "--db.url=" + s.get("db.url"),
            "--db.user=" + s.get("db.user"), "--db.password=not-the-password", "--data.dir=" + s.get("data.dir"),
            "--plugins.dir=" + s.get("plugins.dir")});
        assertEquals(2, code);
    }
}
