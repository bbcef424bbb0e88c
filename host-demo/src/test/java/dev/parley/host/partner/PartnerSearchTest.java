package dev.parley.host.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.api.user.UserKind;
import dev.parley.host.testing.TestHost;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The partner text search (name, contact e-mail, member e-mails) finds what was written a moment ago,
 * also by another host node, and never a partner of another program.
 */
class PartnerSearchTest {


    private static TestHost host;
    private static HostPartnerDirectory directory;
    private static long program;
    private static long otherProgram;
    private static long brandUser;

    @BeforeAll
    static void setUp() throws Exception {
        host = TestHost.start();
        directory = host.host().partners();
        try (Connection c = host.host().dataSource().getConnection(); Statement st = c.createStatement()) {
            program = TestPartners.insert(st, "INSERT INTO program (name, plan_key, created_at) VALUES ('Search Test', 'advanced', NOW())");
            otherProgram = TestPartners.insert(st, "INSERT INTO program (name, plan_key, created_at) VALUES ('Search Other', 'advanced', NOW())");
            brandUser = TestPartners.insert(st, "INSERT INTO brand_user (program_id, email, name, password_hash, created_at) VALUES ("
                    + program + ", 'mgr@search.test', 'Sam Searcher', 'x', NOW())");
        }
    }

    @AfterAll
    static void tearDown() {
        host.close();
    }

    @Test
    void aPartnerAddedThroughTheHostIsFoundByTheNextSearch() {
        assertEquals(List.of(), names(program, "Quokka"), "the search has run (and loaded the program) before the add");

        long id = host.host().partnerAdmin().addPartner(manager(), "Quokka Deals", "Quinn Quokka", "Quinn@Quokka-Deals.test");

        assertEquals(List.of("Quokka Deals"), names(program, "quokka"));
        assertEquals(List.of(id), ids(program, "QUINN@QUOKKA-DEALS"), "the member e-mail, any case");
        assertEquals(1, directory.count(program, PartnerFilter.all().withText("quokka")));
        assertEquals(List.of(), names(otherProgram, "quokka"));
    }

    @Test
    void aRenamedPartnerIsFoundByItsNewNameAndNoLongerByItsOldOne() {
        long id = TestPartners.add(host, program, "Walrus Media", "hello@walrus.test");
        assertEquals(List.of(id), ids(program, "walrus media"));

        try (SqlSession s = host.host().sessions().openSession(false)) {
            s.getMapper(PartnerMapper.class).renamePartner(id, "Narwhal Media");
            s.commit();
        }

        assertEquals(List.of(id), ids(program, "narwhal"));
        assertEquals(List.of(), ids(program, "walrus media"));
        assertEquals(List.of(id), ids(program, "walrus.test"), "the contact e-mail is unchanged");
    }

    @Test
    void aMemberEmailGivenToAPartnerIsFoundAtOnce() {
        long id = TestPartners.add(host, program, "Ibis Coupons", "team@ibis.test");
        assertEquals(List.of(), ids(program, "flamingo"));

        try (SqlSession s = host.host().sessions().openSession(false)) {
            s.getMapper(PartnerMapper.class).insertMember(id, "Fay Flamingo", "Fay", "fay@flamingo-mail.test", null, "!",
                    TestPartners.JOINED);
            s.commit();
        }

        assertEquals(List.of(id), ids(program, "flamingo"));
        assertEquals(List.of(id), ids(program, "Fay@Flamingo"));
    }

    @Test
    void partnersOfOtherProgramsAreNeverReturned() {
        long mine = TestPartners.add(host, program, "Otter Reviews", "otter@mine.test");
        long theirs = TestPartners.add(host, otherProgram, "Otter Reviews", "otter@theirs.test");
        long shared = TestPartners.add(host, program, "Otter Shared", "otter@shared.test");

        assertEquals(List.of(mine, shared), ids(program, "otter"));
        assertEquals(List.of(theirs), ids(otherProgram, "otter"));
        assertEquals(List.of(), ids(program, "theirs.test"));
        assertEquals(0, directory.count(program, PartnerFilter.all().withText("theirs.test")));
        assertEquals(List.of(), directory.page(program, PartnerFilter.allOf(PartnerRule.status(PartnershipStatus.APPROVED))
                .withText("theirs.test"), 0, 10));

        // a partner joining the other program later is found there, and still only there for its new e-mail
        try (SqlSession s = host.host().sessions().openSession(false)) {
            PartnerMapper m = s.getMapper(PartnerMapper.class);
            m.insertPartnership(otherProgram, shared, "APPROVED", null, TestPartners.JOINED);
            m.insertMember(theirs, "Olga Otter", "Olga", "olga@only-theirs.test", null, "!", TestPartners.JOINED);
            s.commit();
        }
        assertEquals(List.of(theirs, shared), ids(otherProgram, "otter"));
        assertEquals(List.of(theirs), ids(otherProgram, "only-theirs"));
        assertEquals(List.of(), ids(program, "only-theirs"));
    }

    @Test
    void anotherHostNodeFindsWhatThisOneWrote() {
        HostPartnerDirectory otherNode = new HostPartnerDirectory(host.host().sessions(), Clock.system(ZoneOffset.UTC));
        assertEquals(List.of(), otherNode.page(program, PartnerFilter.all().withText("pelican"), 0, 10));

        long id = host.host().partnerAdmin().addPartner(manager(), "Pelican Cashback", "Pat Pelican", "pat@pelican.test");

        assertEquals(List.of(id), otherNode.page(program, PartnerFilter.all().withText("pelican"), 0, 10).stream()
                .map(Partner::id).toList());
    }

    @Test
    void searchIgnoresCaseAndAccentsAsTheDatabaseCollationDid() {
        long id = TestPartners.add(host, program, "Café Émile Ørsted", "emile@cafe.test");

        assertEquals(List.of(id), ids(program, "cafe emile"));
        assertEquals(List.of(id), ids(program, "CAFÉ ÉMILE"));
        assertEquals(List.of(id), ids(program, "ÉMILE@"));
    }

    @Test
    void manyMatchesCombinedWithRulesAreCountedAndPagedExactly() {
        List<Long> written = TestPartners.addMany(host, program, 2_500, i -> "Heron Network " + i,
                i -> "heron" + i + "@herons.test", i -> i % 3 == 0 ? "APPROVED" : "PENDING");
        List<Long> approved = new ArrayList<>();
        for (int i = 0; i < written.size(); i += 3) {
            approved.add(written.get(i));
        }
        PartnerFilter herons = PartnerFilter.all().withText("herons.test");
        PartnerFilter approvedHerons = PartnerFilter.allOf(PartnerRule.status(PartnershipStatus.APPROVED))
                .withText("herons.test");

        assertEquals(2_500, directory.count(program, herons));
        assertEquals(approved.size(), directory.count(program, approvedHerons));
        List<Long> paged = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Partner> page = directory.page(program, approvedHerons, after, 300);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(p -> paged.add(p.id()));
            after = page.get(page.size() - 1).id();
        }
        assertEquals(approved, paged, "every approved heron once, in id order");
        List<Long> streamed = new ArrayList<>();
        directory.stream(program, approvedHerons, p -> streamed.add(p.id()));
        assertEquals(approved, streamed);

        Set<Long> excluded = Set.of(approved.get(0), approved.get(approved.size() - 1));
        assertEquals(approved.size() - 2, directory.count(program, approvedHerons.withExcluded(excluded)));
        assertEquals(2_498, directory.count(program, herons.withExcluded(excluded)));
        assertTrue(directory.page(program, herons.withExcluded(excluded), 0, 1_000).stream()
                .noneMatch(p -> excluded.contains(p.id())));
    }

    private static List<Long> ids(long programId, String text) {
        List<Long> ids = new ArrayList<>();
        directory.stream(programId, PartnerFilter.all().withText(text), p -> ids.add(p.id()));
        assertEquals(ids, directory.page(programId, PartnerFilter.all().withText(text), 0, 1_000).stream()
                .map(Partner::id).toList(), "stream and page agree");
        assertEquals(ids.size(), directory.count(programId, PartnerFilter.all().withText(text)), "count agrees");
        return ids;
    }

    private static List<String> names(long programId, String text) {
        return directory.page(programId, PartnerFilter.all().withText(text), 0, 100).stream().map(Partner::name).toList();
    }


    private static CurrentUser manager() {
        return new CurrentUser(brandUser, UserKind.BRAND, "Sam Searcher", "mgr@search.test", program, null, Set.of(),
                Set.of(Permissions.MANAGE_PARTNERS), false, ZoneOffset.UTC, Locale.ENGLISH);
    }

}
