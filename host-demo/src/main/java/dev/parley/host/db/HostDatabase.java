package dev.parley.host.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The host's connection pool on MariaDB, creating the database on first use. */
public final class HostDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;

    private HostDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param serverUrl JDBC URL of the server, without a database name, e.g. {@code jdbc:mariadb://db:3306/}
     * @param database database name, created when missing
     * @throws DatabaseUnavailableException when the server cannot be reached or refuses the login
     */
    public static HostDatabase connect(String serverUrl, String database, String user, String password) {
        if (!database.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("Database names use letters, digits and '_' only: " + database);
        }
        String base = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        try (Connection c = DriverManager.getConnection(base + "?connectTimeout=5000", user, password);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot reach MariaDB at " + base + " as '" + user + "': "
                    + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(base + database);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(24);
        config.setMinimumIdle(2);
        config.setPoolName("parley");
        config.setConnectionTimeout(5_000);
        // Keep trying in the background when the server is down for a while; requests fail fast meanwhile.
        config.setInitializationFailTimeout(-1);
        try {
            return new HostDatabase(new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseUnavailableException("Cannot open connections to " + base + database, e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
