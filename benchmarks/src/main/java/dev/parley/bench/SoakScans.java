package dev.parley.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Which statements read many rows while the soak runs: MariaDB's slow log (as a table) keeps every
 * statement that examined at least {@code minRows} rows, whatever its time. Grouped by the statement's
 * shape (literals replaced), this names the full scans the simulated users' pages cause.
 */
final class SoakScans {

    private static final Pattern STRINGS = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern NUMBERS = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");
    private static final Pattern LISTS = Pattern.compile("\\?(\\s*,\\s*\\?)+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** One statement shape: how often it read at least the limit, its most rows, its total time. */
    record Scan(String statement, long count, long maxRows, double avgRows, double totalSeconds, double maxSeconds) {

        @Override
        public String toString() {
            return String.format("%,d x, rows examined max %,d avg %,.0f, time total %.1f s max %.3f s: %s", count, maxRows,
                    avgRows, totalSeconds, maxSeconds, statement);
        }
    }

    private SoakScans() {
    }

    /**
     * Turns the log on for connections opened from now on (call it before the host's pool connects).
     *
     * @param serverUrl JDBC URL of the server, without a database
     */
    static void enable(String serverUrl, int minRows) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, "root", ""); Statement st = c.createStatement()) {
            st.execute("SET GLOBAL log_output = 'TABLE'");
            st.execute("SET GLOBAL long_query_time = 0");
            st.execute("SET GLOBAL min_examined_row_limit = " + minRows);
            st.execute("SET GLOBAL slow_query_log = ON");
        }
    }

    /** Forgets what was logged so far (the demo data, the setup). */
    static void reset(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE TABLE mysql.slow_log");
        }
    }

    /** @return the statement shapes logged since {@link #reset}, most total time first */
    static List<Scan> report(DataSource db, int top) throws SQLException {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, double[]> times = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT sql_text, rows_examined, TIME_TO_SEC(query_time) FROM mysql.slow_log")) {
            while (rs.next()) {
                String shape = shape(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                long rows = rs.getLong(2);
                double seconds = rs.getDouble(3);
                long[] n = counts.computeIfAbsent(shape, k -> new long[3]);
                n[0]++;
                n[1] = Math.max(n[1], rows);
                n[2] += rows;
                double[] t = times.computeIfAbsent(shape, k -> new double[2]);
                t[0] += seconds;
                t[1] = Math.max(t[1], seconds);
            }
        }
        List<Scan> scans = new ArrayList<>();
        counts.forEach((shape, n) -> {
            double[] t = times.get(shape);
            scans.add(new Scan(shape, n[0], n[1], (double) n[2] / n[0], t[0], t[1]));
        });
        scans.sort(Comparator.comparingDouble(Scan::totalSeconds).reversed());
        return scans.subList(0, Math.min(top, scans.size()));
    }

    static String shape(String sql) {
        String s = STRINGS.matcher(sql).replaceAll("?");
        s = NUMBERS.matcher(s).replaceAll("?");
        s = SPACE.matcher(s).replaceAll(" ").strip();
        s = LISTS.matcher(s).replaceAll("?..");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
