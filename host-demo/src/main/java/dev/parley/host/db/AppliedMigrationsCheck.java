package dev.parley.host.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Tells, with one query, whether a Flyway history table already holds exactly the SQL migrations of a
 * location, with the same checksums: then a start need not load Flyway at all (its first use costs a
 * second or more of class loading and scanning in a fresh JVM). Anything else (a new, edited, failed,
 * missing or unreadable migration, a Java or repeatable migration, no history table) answers "unknown",
 * and Flyway migrates and validates as always.
 */
final class AppliedMigrationsCheck {

    /** Flyway's default names for versioned SQL migrations: V1__name.sql, V1_2__name.sql. */
    private static final Pattern VERSIONED_SQL = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_]+");

    private AppliedMigrationsCheck() {
    }

    /** @return the schema version when the history holds exactly the location's migrations, else empty */
    static Optional<String> upToDateVersion(DataSource dataSource, String table, ClassLoader classLoader,
            String location) {
        if (!TABLE.matcher(table).matches()) {
            return Optional.empty();
        }
        Map<String, Integer> available = available(classLoader, location);
        if (available == null || available.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> applied = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, checksum, type, success FROM `" + table + "`")) {
            while (rs.next()) {
                String type = rs.getString(3);
                if (!rs.getBoolean(4)) {
                    return Optional.empty();
                }
                if ("SQL".equals(type)) {
                    int checksum = rs.getInt(2);
                    applied.put(rs.getString(1), rs.wasNull() ? null : checksum);
                } else if (!"BASELINE".equals(type) && !"SCHEMA".equals(type)) {
                    return Optional.empty();
                }
            }
        } catch (SQLException e) {
            return Optional.empty(); // no history table yet, or not readable: Flyway decides
        }
        if (!applied.equals(available)) {
            return Optional.empty();
        }
        return available.keySet().stream().max(AppliedMigrationsCheck::compareVersions);
    }

    /**
     * @return version to Flyway checksum of each versioned SQL migration in the location, or {@code null}
     *         when the location holds something else or cannot be listed
     */
    static Map<String, Integer> available(ClassLoader classLoader, String location) {
        Map<String, Integer> found = new HashMap<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(location);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (!addFrom(root, location, found)) {
                    return null;
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
        return found;
    }

    private static boolean addFrom(URL root, String location, Map<String, Integer> found)
            throws IOException, URISyntaxException {
        if ("file".equals(root.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                for (Path f : files.toList()) {
                    if (Files.isDirectory(f)) {
                        return false; // Flyway would also read sub-folders
                    }
                    try (InputStream in = Files.newInputStream(f)) {
                        if (!add(f.getFileName().toString(), in, found)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
        if ("jar".equals(root.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            String prefix = location.endsWith("/") ? location : location + "/";
            try (JarFile jar = connection.getJarFile()) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                    JarEntry e = entries.nextElement();
                    if (!e.getName().startsWith(prefix) || e.getName().equals(prefix)) {
                        continue;
                    }
                    String name = e.getName().substring(prefix.length());
                    if (name.contains("/")) {
                        return false;
                    }
                    try (InputStream in = jar.getInputStream(e)) {
                        if (!add(name, in, found)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
        return false;
    }

    private static boolean add(String fileName, InputStream content, Map<String, Integer> found) throws IOException {
        Matcher m = VERSIONED_SQL.matcher(fileName);
        if (!m.matches()) {
            return false;
        }
        String version = m.group(1).replace('_', '.');
        return found.put(version, checksum(content)) == null;
    }

    /**
     * Flyway's checksum of a SQL migration: CRC-32 of the UTF-8 bytes of its lines without line breaks
     * (a leading byte order mark dropped), as a signed int.
     */
    static int checksum(InputStream content) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null) {
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            do {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            } while ((line = reader.readLine()) != null);
        }
        return (int) crc.getValue();
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
