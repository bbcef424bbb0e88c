package dev.parley.host.partner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The names and e-mails of each program's partners (company name, contact e-mail, member e-mails) in
 * memory, for the partner text search. A {@code LIKE '%word%'} cannot use an index and read the
 * whole directory on every search (~300 ms at 100,000 partners, and busy managers kept the
 * connection pool busy); here a search is one pass of {@link String#indexOf} over one compact string
 * per program.
 *
 * <p>Freshness: every write that changes what a search can find raises the program's row in
 * {@code partner_search_version} in its own transaction ({@link PartnerMapper#insertPartnership},
 * {@link PartnerMapper#insertMember}, {@link PartnerMapper#renamePartner}, the demo generator). Each
 * search reads that row (a primary-key read) and loads the program again when the number differs, so a
 * committed change is found by the next search, also one written by another host node.
 *
 * <p>Matching is what the database's {@code utf8mb4_unicode_ci} LIKE did for plain text: a substring,
 * case- and accent-insensitive ({@link #fold}), with {@code %} and {@code _} taken literally.
 */
final class PartnerSearchIndex {

    /** Between two partners and between the fields of one: search text never contains it. */
    private static final char SEPARATOR = '\u0000';
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Rough upper bound of the memory the indexes of all programs may take, in characters. */
    private static final long MAX_CHARS = 100_000_000L;

    private final SqlSessionFactory sessions;
    private final Cache<Long, Snapshot> snapshots;
    private final ConcurrentHashMap<Long, Object> loadLocks = new ConcurrentHashMap<>();

    PartnerSearchIndex(SqlSessionFactory sessions) {
        this.sessions = sessions;
        this.snapshots = Caffeine.newBuilder()
                .maximumWeight(MAX_CHARS)
                .weigher((Long program, Snapshot s) -> s.weight())
                .expireAfterAccess(Duration.ofHours(1))
                .build();
    }

    /**
     * @return ids of the program's partners whose name, contact e-mail or a member's e-mail contains
     *         the text, ascending
     */
    long[] matching(long programId, String text) {
        Snapshot snapshot = current(programId);
        String needle = fold(text);
        if (needle.indexOf(SEPARATOR) >= 0) {
            return new long[0];
        }
        return snapshot.matching(needle);
    }

    private Snapshot current(long programId) {
        long version;
        try (SqlSession s = sessions.openSession(true)) {
            version = s.getMapper(PartnerMapper.class).searchVersion(programId);
        }
        Snapshot known = snapshots.getIfPresent(programId);
        if (known != null && known.version == version) {
            return known;
        }
        // one load per program at a time: managers searching together after a change wait for it
        synchronized (loadLocks.computeIfAbsent(programId, k -> new Object())) {
            known = snapshots.getIfPresent(programId);
            if (known != null && known.version >= version) {
                return known;
            }
            Snapshot loaded = load(programId);
            snapshots.put(programId, loaded);
            return loaded;
        }
    }

    /** The version and the partners read in one consistent snapshot of the database. */
    private Snapshot load(long programId) {
        try (SqlSession s = sessions.openSession(false)) {
            Connection c = s.getConnection();
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long version = s.getMapper(PartnerMapper.class).searchVersion(programId);
            long[] ids = new long[1024];
            int[] starts = new int[1025];
            int count = 0;
            StringBuilder text = new StringBuilder(1 << 16);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ps.partner_id, p.name, p.email, m.email FROM partnership ps"
                            + " JOIN partner p ON p.id = ps.partner_id"
                            + " LEFT JOIN partner_member m ON m.partner_id = ps.partner_id"
                            + " WHERE ps.program_id = ? ORDER BY ps.partner_id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setLong(1, programId);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    long last = Long.MIN_VALUE;
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (id != last) {
                            if (count == ids.length) {
                                ids = Arrays.copyOf(ids, count * 2);
                                starts = Arrays.copyOf(starts, count * 2 + 1);
                            }
                            if (count > 0) {
                                text.append(SEPARATOR);
                            }
                            starts[count] = text.length();
                            ids[count++] = id;
                            text.append(fold(rs.getString(2))).append(SEPARATOR).append(fold(rs.getString(3)));
                            last = id;
                        }
                        String member = rs.getString(4);
                        if (member != null) {
                            text.append(SEPARATOR).append(fold(member));
                        }
                    }
                }
            }
            s.commit(true);
            starts[count] = text.length() + 1;
            return new Snapshot(version, Arrays.copyOf(ids, count), Arrays.copyOf(starts, count + 1), text.toString());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the partner search of program " + programId, e);
        }
    }

    /** Lower case without accents: "Émile" and "EMILE" both become "emile". */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            return s.toLowerCase(Locale.ROOT);
        }
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * One program's partners at one version: ids ascending, and the folded fields of partner i in
     * {@code text} from {@code starts[i]} to just before {@code starts[i + 1]}.
     */
    private record Snapshot(long version, long[] ids, int[] starts, String text) {

        long[] matching(String needle) {
            if (needle.isEmpty()) {
                return ids.clone();
            }
            long[] found = new long[16];
            int n = 0;
            int from = 0;
            while (true) {
                int at = text.indexOf(needle, from);
                if (at < 0) {
                    break;
                }
                int i = Arrays.binarySearch(starts, 0, ids.length, at);
                if (i < 0) {
                    i = -i - 2;
                }
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = ids[i];
                from = starts[i + 1];
            }
            return Arrays.copyOf(found, n);
        }

        int weight() {
            return text.length() + ids.length * 12;
        }
    }
}
