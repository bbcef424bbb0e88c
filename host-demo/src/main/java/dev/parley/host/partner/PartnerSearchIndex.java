package dev.parley.host.partner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names and e-mails of each program's partners (company name, contact e-mail, member e-mails) in
 * memory, for the partner text search. A {@code LIKE '%word%'} cannot use an index and read the
 * whole directory on every search (~300 ms at 100,000 partners, and busy managers kept the
 * connection pool busy); here a search is one pass of {@link String#indexOf} over a few compact
 * strings per program.
 *
 * <p>Freshness: every write that changes what a search can find raises the program's row in
 * {@code partner_search_version} and logs the partner in {@code partner_search_change} at that version,
 * in its own transaction ({@link PartnerMapper#insertPartnership}, {@link PartnerMapper#insertMember},
 * {@link PartnerMapper#renamePartner}, the demo generator). Each search reads the version row (a
 * primary-key read); when it moved, the node reads, in one consistent snapshot, the partners logged
 * since the version it holds and replaces only their entries, so a change costs reading the changed
 * partners, not the program. The program is loaded whole when that is cheaper or the log cannot tell:
 * more than {@code maxLoggedChanges} changes (a demo generation batch), changes older than the log
 * keeps ({@code log_floor}), or a version raised without logged partners (a hand-written writer).
 *
 * <p>Waiting: a search whose program has not changed since the snapshot this node holds never waits.
 * A search that read a newer version waits for a snapshot at least that new (the catch-up above,
 * milliseconds, or a full load), because the snapshot it holds may lack a change committed before the
 * search began, which the search must find. Snapshots are immutable and swapped in whole, so waiting
 * searches of other programs and searches at the current version run alongside a load.
 *
 * <p>Matching is what the database's {@code utf8mb4_unicode_ci} LIKE did for plain text: a substring,
 * case- and accent-insensitive ({@link #fold}), with {@code %} and {@code _} taken literally.
 */
final class PartnerSearchIndex {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerSearchIndex.class);

    /** Between two partners and between the fields of one: search text never contains it. */
    private static final char SEPARATOR = '\u0000';
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Rough upper bound of the memory the indexes of all programs may take, in characters. */
    private static final long MAX_CHARS = 100_000_000L;
    /** More logged changes than this since the snapshot: loading the program whole is cheaper. */
    static final int MAX_LOGGED_CHANGES = 5_000;
    /**
     * Partners per segment: a change rebuilds the segments of the changed partners only (a few dozen
     * kilobytes), and 100,000 partners take ~100 strings.
     */
    private static final int SEGMENT = 1_024;
    /** Changed partners read with one statement. */
    private static final int READ_CHUNK = 1_000;
    /** Log rows deleted per statement when pruning, so writers of the program are not held up long. */
    private static final int PRUNE_CHUNK = 10_000;

    private final SqlSessionFactory sessions;
    private final int maxLoggedChanges;
    /** Versions a node lets pass between two looks at the size of a program's log. */
    private final long pruneCheckEvery;
    private final Cache<Long, Snapshot> snapshots;
    private final ConcurrentHashMap<Long, Object> loadLocks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Long> pruneCheckedAt = new ConcurrentHashMap<>();
    private final AtomicLong fullLoads = new AtomicLong();
    private final AtomicLong changedPartnersRead = new AtomicLong();

    PartnerSearchIndex(SqlSessionFactory sessions) {
        this(sessions, MAX_LOGGED_CHANGES);
    }

    /** @param maxLoggedChanges more changes than this since a snapshot load the program whole */
    PartnerSearchIndex(SqlSessionFactory sessions, int maxLoggedChanges) {
        this.sessions = sessions;
        this.maxLoggedChanges = maxLoggedChanges;
        this.pruneCheckEvery = Math.max(1, maxLoggedChanges / 50);
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

    /** How many times this node loaded a program whole. */
    long fullLoads() {
        return fullLoads.get();
    }

    /** How many partners this node read again because the change log named them. */
    long changedPartnersRead() {
        return changedPartnersRead.get();
    }

    private Snapshot current(long programId) {
        long version;
        try (SqlSession s = sessions.openSession(true)) {
            version = s.getMapper(PartnerMapper.class).searchVersion(programId);
        }
        Snapshot known = snapshots.getIfPresent(programId);
        if (known != null && known.version >= version) {
            return known;
        }
        Snapshot next;
        // one catch-up per program at a time: managers searching together after a change wait for it
        synchronized (loadLocks.computeIfAbsent(programId, k -> new Object())) {
            known = snapshots.getIfPresent(programId);
            if (known != null && known.version >= version) {
                return known;
            }
            next = catchUp(programId, known);
            snapshots.put(programId, next);
        }
        Long checked = pruneCheckedAt.get(programId);
        if (checked == null || next.version - checked >= pruneCheckEvery) {
            pruneCheckedAt.put(programId, next.version);
            try {
                prune(programId, maxLoggedChanges);
            } catch (RuntimeException e) {
                // the log only grows until the next look; the search itself has its answer
                LOG.warn("Could not prune the partner search log of program {}", programId, e);
            }
        }
        return next;
    }

    /**
     * The program as the database has it now: the known snapshot with the logged changes applied, or
     * loaded whole. Everything is read in one consistent snapshot of the database.
     */
    private Snapshot catchUp(long programId, Snapshot known) {
        try (SqlSession s = sessions.openSession(false)) {
            Connection c = s.getConnection();
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long version = 0;
            long floor = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, log_floor FROM partner_search_version WHERE program_id = ?")) {
                ps.setLong(1, programId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        version = rs.getLong(1);
                        floor = rs.getLong(2);
                    }
                }
            }
            Snapshot next;
            if (known != null && known.version >= version) {
                next = known;
            } else if (known == null || known.version < floor) {
                next = load(c, programId, version);
            } else {
                long[] changed = changedSince(c, programId, known.version, version);
                next = changed == null ? load(c, programId, version)
                        : known.with(version, changed, read(c, programId, changed));
            }
            s.commit(true);
            return next;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the partner search of program " + programId, e);
        }
    }

    /**
     * @return the distinct partners logged after {@code from} up to {@code to}, ascending; null when the
     *         log cannot tell (too many changes, or a version without logged partners)
     */
    private long[] changedSince(Connection c, long programId, long from, long to) throws SQLException {
        long[] ids = new long[16];
        int n = 0;
        long versionsSeen = 0;
        long lastVersion = from;
        try (PreparedStatement ps = c.prepareStatement("SELECT version, partner_id FROM partner_search_change"
                + " WHERE program_id = ? AND version > ? AND version <= ? ORDER BY version LIMIT ?")) {
            ps.setLong(1, programId);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setInt(4, maxLoggedChanges + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == maxLoggedChanges) {
                        return null;
                    }
                    long v = rs.getLong(1);
                    if (v != lastVersion) {
                        versionsSeen++;
                        lastVersion = v;
                    }
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = rs.getLong(2);
                }
            }
        }
        if (versionsSeen != to - from) {
            return null;
        }
        long[] sorted = Arrays.copyOf(ids, n);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || sorted[distinct - 1] != sorted[i]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** The folded text of each changed partner now, null for one no longer in the program. */
    private String[] read(Connection c, long programId, long[] ids) throws SQLException {
        String[] texts = new String[ids.length];
        for (int from = 0; from < ids.length; from += READ_CHUNK) {
            int to = Math.min(ids.length, from + READ_CHUNK);
            StringBuilder in = new StringBuilder();
            for (int i = from; i < to; i++) {
                in.append(i == from ? "?" : ",?");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ps.partner_id, p.name, p.email, m.email FROM partnership ps"
                            + " JOIN partner p ON p.id = ps.partner_id"
                            + " LEFT JOIN partner_member m ON m.partner_id = ps.partner_id"
                            + " WHERE ps.program_id = ? AND ps.partner_id IN (" + in + ") ORDER BY ps.partner_id")) {
                ps.setLong(1, programId);
                for (int i = from; i < to; i++) {
                    ps.setLong(2 + i - from, ids[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    PartnerTexts rows = new PartnerTexts();
                    rows.readAll(rs, (id, text) -> texts[Arrays.binarySearch(ids, id)] = text);
                }
            }
        }
        changedPartnersRead.addAndGet(ids.length);
        return texts;
    }

    private Snapshot load(Connection c, long programId, long version) throws SQLException {
        SegmentsBuilder segments = new SegmentsBuilder();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ps.partner_id, p.name, p.email, m.email FROM partnership ps"
                        + " JOIN partner p ON p.id = ps.partner_id"
                        + " LEFT JOIN partner_member m ON m.partner_id = ps.partner_id"
                        + " WHERE ps.program_id = ? ORDER BY ps.partner_id",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setLong(1, programId);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                new PartnerTexts().readAll(rs, segments::add);
            }
        }
        fullLoads.incrementAndGet();
        return new Snapshot(version, segments.build());
    }

    /**
     * Deletes the program's log rows that no node can use any more: a node that would need them has
     * more than {@code keep} changes to catch up on and loads the program whole anyway. Raises
     * {@code log_floor} first, so a node never applies a log with rows missing.
     */
    void prune(long programId, int keep) {
        try (SqlSession s = sessions.openSession(true)) {
            Connection c = s.getConnection();
            long upTo;
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM partner_search_change"
                    + " WHERE program_id = ? ORDER BY version DESC LIMIT 1 OFFSET ?")) {
                ps.setLong(1, programId);
                // only when the log holds twice what is kept, so pruning happens in batches
                ps.setInt(2, 2 * keep);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                }
                ps.setInt(2, keep);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    upTo = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE partner_search_version SET log_floor = GREATEST(log_floor, ?) WHERE program_id = ?")) {
                ps.setLong(1, upTo);
                ps.setLong(2, programId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM partner_search_change WHERE program_id = ? AND version <= ? LIMIT " + PRUNE_CHUNK)) {
                ps.setLong(1, programId);
                ps.setLong(2, upTo);
                while (ps.executeUpdate() > 0) {
                    // next chunk
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prune the partner search log of program " + programId, e);
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

    private interface PartnerText {
        void accept(long id, String text);
    }

    /** Rows (partner id, name, e-mail, member e-mail) ordered by partner id, folded into one text per partner. */
    private static final class PartnerTexts {

        void readAll(ResultSet rs, PartnerText out) throws SQLException {
            long last = Long.MIN_VALUE;
            StringBuilder text = new StringBuilder(128);
            while (rs.next()) {
                long id = rs.getLong(1);
                if (id != last) {
                    if (last != Long.MIN_VALUE) {
                        out.accept(last, text.toString());
                    }
                    text.setLength(0);
                    text.append(fold(rs.getString(2))).append(SEPARATOR).append(fold(rs.getString(3)));
                    last = id;
                }
                String member = rs.getString(4);
                if (member != null) {
                    text.append(SEPARATOR).append(fold(member));
                }
            }
            if (last != Long.MIN_VALUE) {
                out.accept(last, text.toString());
            }
        }
    }

    /** Partners in ascending id order, cut into segments of {@link #SEGMENT}. */
    private static final class SegmentsBuilder {
        private final List<Segment> done = new ArrayList<>();
        private long[] ids = new long[SEGMENT];
        private int[] starts = new int[SEGMENT + 1];
        private int count;
        private final StringBuilder text = new StringBuilder(1 << 16);

        void add(long id, String partnerText) {
            if (count == SEGMENT) {
                flush();
            }
            if (count > 0) {
                text.append(SEPARATOR);
            }
            starts[count] = text.length();
            ids[count++] = id;
            text.append(partnerText);
        }

        private void flush() {
            if (count > 0) {
                starts[count] = text.length() + 1;
                done.add(new Segment(Arrays.copyOf(ids, count), Arrays.copyOf(starts, count + 1), text.toString()));
            }
            count = 0;
            text.setLength(0);
        }

        Segment[] build() {
            flush();
            return done.toArray(new Segment[0]);
        }
    }

    /**
     * Some partners of a program: ids ascending, and the folded fields of partner i in {@code text}
     * from {@code starts[i]} to just before {@code starts[i + 1] - 1} (the separator).
     */
    private record Segment(long[] ids, int[] starts, String text) {

        String textOf(int i) {
            return text.substring(starts[i], starts[i + 1] - 1);
        }

        int matching(String needle, Snapshot.Growable out, int n) {
            int from = 0;
            while (true) {
                int at = text.indexOf(needle, from);
                if (at < 0) {
                    return n;
                }
                int i = Arrays.binarySearch(starts, 0, ids.length, at);
                if (i < 0) {
                    i = -i - 2;
                }
                n = out.add(ids[i], n);
                from = starts[i + 1];
            }
        }
    }

    /** One program's partners at one version, in segments by ascending id. */
    private record Snapshot(long version, Segment[] segments) {

        /** A growing array of ids. */
        private static final class Growable {
            long[] ids = new long[16];

            int add(long id, int n) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                }
                ids[n] = id;
                return n + 1;
            }
        }

        long[] matching(String needle) {
            Growable found = new Growable();
            int n = 0;
            for (Segment segment : segments) {
                if (needle.isEmpty()) {
                    for (long id : segment.ids) {
                        n = found.add(id, n);
                    }
                } else {
                    n = segment.matching(needle, found, n);
                }
            }
            return Arrays.copyOf(found.ids, n);
        }

        /**
         * This snapshot with the given partners' texts replaced (null: no longer in the program); only
         * the segments holding changed partners are built again.
         *
         * @param ids ascending, distinct
         */
        Snapshot with(long newVersion, long[] ids, String[] texts) {
            List<Segment> out = new ArrayList<>(segments.length + 1);
            int c = 0;
            for (int s = 0; s < segments.length; s++) {
                long upper = s + 1 < segments.length ? segments[s + 1].ids[0] : Long.MAX_VALUE;
                int end = c;
                while (end < ids.length && ids[end] < upper) {
                    end++;
                }
                if (end == c) {
                    out.add(segments[s]);
                } else {
                    rebuild(segments[s], ids, texts, c, end, out);
                }
                c = end;
            }
            if (c < ids.length) {
                // an empty program: everything is new
                rebuild(new Segment(new long[0], new int[] {0}, ""), ids, texts, c, ids.length, out);
            }
            return new Snapshot(newVersion, out.toArray(new Segment[0]));
        }

        private static void rebuild(Segment old, long[] ids, String[] texts, int from, int to, List<Segment> out) {
            SegmentsBuilder built = new SegmentsBuilder();
            int i = 0;
            int c = from;
            while (i < old.ids.length || c < to) {
                if (c == to || (i < old.ids.length && old.ids[i] < ids[c])) {
                    built.add(old.ids[i], old.textOf(i));
                    i++;
                } else {
                    if (i < old.ids.length && old.ids[i] == ids[c]) {
                        i++;
                    }
                    if (texts[c] != null) {
                        built.add(ids[c], texts[c]);
                    }
                    c++;
                }
            }
            out.addAll(Arrays.asList(built.build()));
        }

        int weight() {
            int w = 0;
            for (Segment s : segments) {
                w += s.text.length() + s.ids.length * 12 + 64;
            }
            return w;
        }
    }
}
