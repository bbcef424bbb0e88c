package dev.parley.host.partner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.demo.DemoDataGenerator;
import dev.parley.host.testing.TestHost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A host node keeps its partner search current by reading only the partners written since its last
 * look (partner_search_change), and loads a program whole when the log is too long, pruned, or silent
 * about a change. Every answer is checked against the database itself.
 */
class PartnerSearchChangeLogTest {


    private static TestHost host;

    @BeforeAll
    static void setUp() {
        host = TestHost.start();
    }

    @AfterAll
    static void tearDown() {
        host.close();
    }

    @Test
    void afterAFullLoadAPartnerWrittenLaterIsReadAloneAndFound() throws Exception {
        long program = program("Log One");
        for (int i = 0; i < 40; i++) {
            TestPartners.add(host, program, "Kestrel Outlet " + i, "k" + i + "@kestrel.test");
        }
        PartnerSearchIndex index = new PartnerSearchIndex(host.host().sessions());
        assertEquals(40, index.matching(program, "kestrel").length);
        assertEquals(1, index.fullLoads());

        long added = TestPartners.add(host, program, "Wombat Deals", "hi@wombat.test");
        assertArrayEquals(new long[] {added}, index.matching(program, "WOMBAT"));
        assertEquals(1, index.changedPartnersRead(), "only the new partner was read");

        try (SqlSession s = host.host().sessions().openSession(false)) {
            s.getMapper(PartnerMapper.class).renamePartner(added, "Numbat Deals");
            s.getMapper(PartnerMapper.class).insertMember(added, "Bea Bilby", "Bea", "bea@bilby.test", null, "!", TestPartners.JOINED);
            s.commit();
        }
        assertArrayEquals(new long[] {added}, index.matching(program, "numbat"));
        assertArrayEquals(new long[0], index.matching(program, "wombat deals"));
        assertArrayEquals(new long[] {added}, index.matching(program, "bilby"));
        assertEquals(2, index.changedPartnersRead(), "the renamed partner once more, for both changes");
        assertEquals(1, index.fullLoads(), "never loaded whole again");
        assertMatchesDatabase(index, program, "kestrel", "deals", "bilby", "", "@");
    }

    @Test
    void changesSpreadOverALargeProgramReplaceOnlyTheirOwnEntries() throws Exception {
        long program = program("Log Large");
        List<Long> ids = TestPartners.addMany(host, program, 2_100, i -> "Plover Media " + i, i -> "p" + i + "@plover.test",
                i -> "APPROVED");
        PartnerSearchIndex index = new PartnerSearchIndex(host.host().sessions());
        assertEquals(2_100, index.matching(program, "plover").length);

        try (SqlSession s = host.host().sessions().openSession(false)) {
            PartnerMapper m = s.getMapper(PartnerMapper.class);
            m.renamePartner(ids.get(0), "Rail Media first");
            m.renamePartner(ids.get(1_500), "Rail Media middle");
            m.insertMember(ids.get(2_099), "Ray Rail", "Ray", "ray@rail.test", null, "!", TestPartners.JOINED);
            s.commit();
        }
        long added = TestPartners.add(host, program, "Rail Media added", "added@rail.test");

        assertEquals(4, index.matching(program, "rail").length);
        assertEquals(4, index.changedPartnersRead(), "two renamed, one given a member, one added");
        assertEquals(1, index.fullLoads());
        assertMatchesDatabase(index, program, "plover", "rail", "media", "plover media 1", "p2099@", "", "added");
        assertArrayEquals(new long[] {added}, index.matching(program, "added"));
    }

    @Test
    void aBatchLargerThanTheLogIsWorthIsLoadedWholeAndComplete() throws Exception {
        long program = program("Log Batch");
        long before = TestPartners.add(host, program, "Gannet Before", "before@gannet.test");
        PartnerSearchIndex index = new PartnerSearchIndex(host.host().sessions(), 50);
        assertArrayEquals(new long[] {before}, index.matching(program, "gannet"));

        List<Long> batch = TestPartners.addMany(host, program, 51, i -> "Gannet Batch " + i, i -> "b" + i + "@gannet.test",
                i -> "APPROVED");

        assertEquals(52, index.matching(program, "gannet").length);
        assertEquals(51, index.matching(program, "gannet batch").length);
        assertEquals(2, index.fullLoads(), "51 changes are more than the 50 worth reading one by one");
        assertEquals(0, index.changedPartnersRead());
        assertMatchesDatabase(index, program, "gannet", "batch 1", "before");
    }

    @Test
    void demoGeneratedPartnersAreLoggedLikeEveryOtherWrite() throws Exception {
        long program = program("Log Demo");
        try (Connection c = host.host().dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO offer (program_id, name, client) VALUES (" + program + ", 'Demo offer', 'Demo')");
            st.executeUpdate("INSERT INTO brand_user (program_id, email, name, password_hash, created_at) VALUES ("
                    + program + ", 'mgr@log-demo.test', 'Dee Demo', 'x', NOW())");
        }
        PartnerSearchIndex reading = new PartnerSearchIndex(host.host().sessions());
        PartnerSearchIndex loadingWhole = new PartnerSearchIndex(host.host().sessions(), 10);
        assertEquals(0, reading.matching(program, "").length);
        assertEquals(0, loadingWhole.matching(program, "").length);

        new DemoDataGenerator(host.host().sessions(), host.host().dataSource(), Clock.system(ZoneOffset.UTC), 7)
                .addPartners(program, 30, done -> { });

        assertEquals(30, reading.matching(program, "").length);
        assertEquals(30, reading.changedPartnersRead(), "each generated partner read once, through the log");
        assertEquals(1, reading.fullLoads());
        assertEquals(30, loadingWhole.matching(program, "").length);
        assertEquals(2, loadingWhole.fullLoads());
        assertMatchesDatabase(reading, program, "@", "more.test", "a");
        assertMatchesDatabase(loadingWhole, program, "@", "more.test", "a");
    }

    @Test
    void aNodeBehindThePrunedLogLoadsWholeWhileANodeWithinItReadsTheLog() throws Exception {
        long program = program("Log Pruned");
        PartnerSearchIndex behind = new PartnerSearchIndex(host.host().sessions());
        assertEquals(0, behind.matching(program, "puffin").length);
        List<Long> puffins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            puffins.add(TestPartners.add(host, program, "Puffin Club " + i, "p" + i + "@puffin.test"));
        }
        PartnerSearchIndex within = new PartnerSearchIndex(host.host().sessions());
        assertEquals(4, within.matching(program, "puffin").length);
        long last = TestPartners.add(host, program, "Puffin Club Last", "last@puffin.test");

        behind.prune(program, 1);

        assertEquals(1, host.queryLong("SELECT COUNT(*) FROM partner_search_change WHERE program_id = " + program),
                "only the newest change is kept");
        assertEquals(5, behind.matching(program, "puffin").length);
        assertEquals(2, behind.fullLoads(), "its changes are gone from the log");
        assertEquals(0, behind.changedPartnersRead());
        assertArrayEquals(new long[] {last}, within.matching(program, "last@"));
        assertEquals(1, within.fullLoads());
        assertEquals(1, within.changedPartnersRead(), "the kept change was enough");
        assertMatchesDatabase(behind, program, "puffin", "club 3");
        assertMatchesDatabase(within, program, "puffin", "club 3");
    }

    @Test
    void theLogIsPrunedAsSearchesGoOnAndSearchesStayExact() throws Exception {
        long program = program("Log Small");
        PartnerSearchIndex index = new PartnerSearchIndex(host.host().sessions(), 10);
        for (int i = 0; i < 40; i++) {
            TestPartners.add(host, program, "Tern Shop " + i, "t" + i + "@tern.test");
            assertEquals(i + 1, index.matching(program, "tern shop").length);
        }

        assertTrue(host.queryLong("SELECT COUNT(*) FROM partner_search_change WHERE program_id = " + program) <= 21,
                "at most twice what is kept, and one more");
        assertEquals(1, index.fullLoads(), "one change at a time is always read from the log");
        assertMatchesDatabase(index, program, "tern", "shop 3", "@tern.test");
        PartnerSearchIndex fresh = new PartnerSearchIndex(host.host().sessions(), 10);
        assertMatchesDatabase(fresh, program, "tern", "shop 3", "@tern.test");
    }

    @Test
    void twoHostNodesStayInStep() throws Exception {
        long program = program("Log Nodes");
        PartnerSearchIndex one = new PartnerSearchIndex(host.host().sessions());
        PartnerSearchIndex two = new PartnerSearchIndex(host.host().sessions());
        assertEquals(0, one.matching(program, "").length);
        assertEquals(0, two.matching(program, "").length);

        long a = TestPartners.add(host, program, "Albatross Travel", "a@albatross.test");
        assertArrayEquals(new long[] {a}, one.matching(program, "albatross"));
        long b = TestPartners.add(host, program, "Booby Bargains", "b@booby.test");
        assertArrayEquals(new long[] {b}, two.matching(program, "booby"));
        assertArrayEquals(new long[] {a}, two.matching(program, "albatross"));
        try (SqlSession s = host.host().sessions().openSession(false)) {
            s.getMapper(PartnerMapper.class).renamePartner(a, "Condor Travel");
            s.commit();
        }
        assertArrayEquals(new long[] {a}, two.matching(program, "condor"));
        assertArrayEquals(new long[] {a}, one.matching(program, "condor"));
        assertArrayEquals(new long[] {b}, one.matching(program, "booby"));
        assertArrayEquals(new long[0], one.matching(program, "albatross travel"));

        assertEquals(1, one.fullLoads());
        assertEquals(1, two.fullLoads());
        assertMatchesDatabase(one, program, "", "travel", "@", "booby");
        assertMatchesDatabase(two, program, "", "travel", "@", "booby");
    }

    @Test
    void aVersionRaisedWithoutLoggedPartnersLoadsTheProgramWhole() throws Exception {
        long program = program("Log Silent");
        PartnerSearchIndex index = new PartnerSearchIndex(host.host().sessions());
        assertEquals(0, index.matching(program, "").length);

        // a hand-written writer that raises the version only (like HostKilledDuringBulkSendIT)
        long id;
        try (Connection c = host.host().dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            id = TestPartners.insert(st, "INSERT INTO partner (name, email, created_at) VALUES ('Silent Swift', 's@swift.test', NOW())");
            st.executeUpdate("INSERT INTO partnership (program_id, partner_id, status, joined_at) VALUES ("
                    + program + ", " + id + ", 'APPROVED', NOW())");
            st.executeUpdate("INSERT INTO partner_search_version (program_id, version) VALUES (" + program
                    + ", 1) ON DUPLICATE KEY UPDATE version = version + 1");
            c.commit();
        }

        assertArrayEquals(new long[] {id}, index.matching(program, "swift"));
        assertEquals(2, index.fullLoads());
    }

    /** The index answers exactly what a LIKE over the database answers (ASCII texts). */
    private static void assertMatchesDatabase(PartnerSearchIndex index, long program, String... texts) throws Exception {
        for (String text : texts) {
            List<Long> expected = new ArrayList<>();
            try (Connection c = host.host().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT ps.partner_id FROM partnership ps JOIN partner p ON p.id = ps.partner_id"
                            + " WHERE ps.program_id = ? AND (p.name LIKE ? OR p.email LIKE ? OR EXISTS (SELECT 1"
                            + " FROM partner_member m WHERE m.partner_id = p.id AND m.email LIKE ?))"
                            + " ORDER BY ps.partner_id")) {
                ps.setLong(1, program);
                for (int i = 2; i <= 4; i++) {
                    ps.setString(i, "%" + text + "%");
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        expected.add(rs.getLong(1));
                    }
                }
            }
            assertEquals(expected, java.util.Arrays.stream(index.matching(program, text)).boxed().toList(),
                    "search for '" + text + "'");
        }
    }

    private static long program(String name) throws Exception {
        try (Connection c = host.host().dataSource().getConnection(); Statement st = c.createStatement()) {
            return TestPartners.insert(st, "INSERT INTO program (name, plan_key, created_at) VALUES ('" + name + "', 'advanced', NOW())");
        }
    }
}
