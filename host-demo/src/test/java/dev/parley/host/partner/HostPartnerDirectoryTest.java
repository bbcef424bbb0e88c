package dev.parley.host.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.partner.PerformancePeriod;
import dev.parley.host.partner.PartnerMapper.OfferInsert;
import dev.parley.host.partner.PartnerMapper.PartnerInsert;
import dev.parley.host.testing.TestHost;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The host's partner directory on MariaDB: every rule kind, AND/OR, search, exclusions, paging, program scoping. */
class HostPartnerDirectoryTest {

    private static TestHost host;
    private static HostPartnerDirectory directory;
    private static long program;
    private static long otherProgram;
    private static long manager;
    private static long offerA;
    private static long offerB;
    private static long alpha;
    private static long beta;
    private static long gamma;
    private static long delta;
    private static final YearMonth LAST_MONTH = YearMonth.of(2026, 10);

    @BeforeAll
    static void setUp() throws Exception {
        host = TestHost.start();
        directory = host.host().partners();
        try (Connection c = host.host().dataSource().getConnection(); Statement st = c.createStatement()) {
            program = insert(st, "INSERT INTO program (name, plan_key, created_at) VALUES ('Directory Test', 'advanced', NOW())");
            otherProgram = insert(st, "INSERT INTO program (name, plan_key, created_at) VALUES ('Other', 'advanced', NOW())");
            manager = insert(st, "INSERT INTO brand_user (program_id, email, name, password_hash, created_at) VALUES ("
                    + program + ", 'mgr@dir.test', 'Mona Manager', 'x', NOW())");
        }
        try (SqlSession s = host.host().sessions().openSession(true)) {
            PartnerMapper m = s.getMapper(PartnerMapper.class);
            OfferInsert a = new OfferInsert(program, "Offer A", "Client One");
            m.insertOffer(a);
            offerA = a.id;
            OfferInsert b = new OfferInsert(program, "Offer B", "Client Two");
            m.insertOffer(b);
            offerB = b.id;
            alpha = partner(m, "Alpha 50% Media", "alpha@dir.test", PartnershipStatus.APPROVED, manager,
                    "2024-01-10T00:00:00Z", "VIP", "Content");
            beta = partner(m, "Beta Coupons", "beta@dir.test", PartnershipStatus.APPROVED, null, "2025-06-01T00:00:00Z",
                    "Coupon sites");
            gamma = partner(m, "Gamma Reviews", "gamma@dir.test", PartnershipStatus.PENDING, manager,
                    "2026-10-15T00:00:00Z", "Content");
            delta = partner(m, "Delta Declined", "delta@dir.test", PartnershipStatus.DECLINED, null,
                    "2023-03-03T00:00:00Z");
            m.insertMember(beta, "Bea Member", "Bea", "bea.member@coupons.test", "+15559990001", "x", Instant.now());
            m.insertApproval(offerA, alpha, "APPROVED");
            m.insertApproval(offerB, alpha, "APPROVED");
            m.insertApproval(offerA, beta, "APPROVED");
            m.insertApproval(offerB, beta, "PENDING");
            m.insertPerformance(program, alpha, offerA, LAST_MONTH, new BigDecimal("1200.00"), 30, 400);
            m.insertPerformance(program, alpha, offerB, LAST_MONTH, new BigDecimal("300.00"), 5, 100);
            m.insertPerformance(program, beta, offerA, LAST_MONTH, new BigDecimal("900.00"), 40, 800);
            m.insertPerformance(program, beta, offerA, LAST_MONTH.minusMonths(1), new BigDecimal("5000.00"), 90, 900);
            // Beta also belongs to another program, where it is pending and has other tags.
            m.insertPartnership(otherProgram, beta, "PENDING", null, Instant.parse("2026-01-01T00:00:00Z"));
            m.tag(otherProgram, beta, "Elsewhere");
        }
        try (Connection c = host.host().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE partner SET last_login_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.parse("2026-10-30T12:00:00Z")));
            ps.setLong(2, alpha);
            ps.executeUpdate();
        }
    }

    @AfterAll
    static void tearDown() {
        host.close();
    }

    private static long insert(Statement st, String sql) throws Exception {
        st.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
        try (ResultSet rs = st.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long partner(PartnerMapper m, String name, String email, PartnershipStatus status, Long managerId,
            String joined, String... tags) {
        PartnerInsert p = new PartnerInsert(name, email, Instant.parse(joined));
        m.insertPartner(p);
        m.insertPartnership(program, p.id, status.name(), managerId, Instant.parse(joined));
        for (String t : tags) {
            m.tag(program, p.id, t);
        }
        return p.id;
    }

    private static List<Long> ids(PartnerFilter filter) {
        List<Long> ids = new ArrayList<>();
        directory.stream(program, filter, p -> ids.add(p.id()));
        assertEquals(ids.size(), directory.count(program, filter), "count and stream agree");
        return ids;
    }

    private static final PerformancePeriod LAST = new PerformancePeriod(LAST_MONTH, LAST_MONTH);

    @Test
    void everyRuleKindSelectsExactlyTheMatchingPartners() {
        assertEquals(List.of(alpha, beta, gamma, delta), ids(PartnerFilter.all()));
        assertEquals(List.of(alpha, gamma), ids(PartnerFilter.allOf(PartnerRule.tag("Content"))));
        assertEquals(List.of(gamma), ids(PartnerFilter.allOf(PartnerRule.status(PartnershipStatus.PENDING))));
        assertEquals(List.of(alpha, gamma), ids(PartnerFilter.allOf(PartnerRule.manager(manager))));
        assertEquals(List.of(alpha, beta), ids(PartnerFilter.allOf(PartnerRule.runsOffer(offerA))));
        assertEquals(List.of(alpha), ids(PartnerFilter.allOf(PartnerRule.approvedForOffer(offerB))));
        assertEquals(List.of(alpha), ids(PartnerFilter.allOf(PartnerRule.revenueAtLeast(new BigDecimal("1000"), LAST))));
        assertEquals(List.of(alpha, beta), ids(PartnerFilter.allOf(PartnerRule.revenueAtLeast(new BigDecimal("900"), LAST))));
        assertEquals(List.of(beta), ids(PartnerFilter.allOf(PartnerRule.conversionsAtLeast(36, LAST))));
        assertEquals(List.of(beta), ids(PartnerFilter.allOf(PartnerRule.revenueAtLeast(new BigDecimal("5000"),
                new PerformancePeriod(LAST_MONTH.minusMonths(1), LAST_MONTH)))));
        assertEquals(List.of(beta, gamma), ids(PartnerFilter.allOf(PartnerRule.joinedBetween(
                Instant.parse("2025-01-01T00:00:00Z"), null))));
        assertEquals(List.of(alpha), ids(PartnerFilter.allOf(PartnerRule.lastLoginBetween(
                Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")))));
        assertEquals(List.of(beta, gamma, delta), ids(PartnerFilter.allOf(PartnerRule.neverLoggedIn())));
        assertEquals(List.of(beta, delta), ids(PartnerFilter.allOf(PartnerRule.partnerIn(Set.of(beta, delta, 999_999L)))));
    }

    @Test
    void rulesCombineWithAndInsideAGroupAndOrBetweenGroups() {
        PartnerFilter contentAndApproved = PartnerFilter.allOf(PartnerRule.tag("Content"),
                PartnerRule.status(PartnershipStatus.APPROVED));
        assertEquals(List.of(alpha), ids(contentAndApproved));
        PartnerFilter either = new PartnerFilter(List.of(
                List.of(PartnerRule.tag("Content"), PartnerRule.status(PartnershipStatus.APPROVED)),
                List.of(PartnerRule.status(PartnershipStatus.DECLINED))), null, null);
        assertEquals(List.of(alpha, delta), ids(either));
        assertEquals(List.of(delta), ids(either.withExcluded(Set.of(alpha))));
    }

    @Test
    void searchFindsNameContactAndMemberEmailsAndTreatsWildcardsLiterally() {
        assertEquals(List.of(beta), ids(PartnerFilter.all().withText("coupons")));
        assertEquals(List.of(beta), ids(PartnerFilter.all().withText("BEA.MEMBER@")));
        assertEquals(List.of(alpha), ids(PartnerFilter.all().withText("50%")));
        assertEquals(List.of(alpha), ids(PartnerFilter.all().withText("%")));
        assertEquals(List.of(), ids(PartnerFilter.all().withText("_")));
    }

    @Test
    void pagesFollowThePartnerIdWithoutOffsets() {
        List<Partner> first = directory.page(program, PartnerFilter.all(), 0, 3);
        assertEquals(List.of(alpha, beta, gamma), first.stream().map(Partner::id).toList());
        List<Partner> second = directory.page(program, PartnerFilter.all(), first.get(2).id(), 3);
        assertEquals(List.of(delta), second.stream().map(Partner::id).toList());
    }

    @Test
    void everyReadIsScopedToOneProgram() {
        assertEquals(PartnershipStatus.APPROVED, directory.partner(program, beta).orElseThrow().status());
        Partner elsewhere = directory.partner(otherProgram, beta).orElseThrow();
        assertEquals(PartnershipStatus.PENDING, elsewhere.status());
        assertEquals(List.of("Elsewhere"), elsewhere.tags());
        assertTrue(directory.partner(otherProgram, alpha).isEmpty());
        assertTrue(directory.members(otherProgram, alpha).isEmpty());
        assertEquals(List.of(beta), directory.partners(otherProgram, Set.of(alpha, beta)).stream().map(Partner::id).toList());
        assertEquals(Set.of(offerA, offerB), directory.approvedOffers(program, alpha));
        assertEquals(Set.of(), directory.approvedOffers(otherProgram, alpha));
        assertEquals(List.of("Mona Manager"), directory.managers(program).stream().map(u -> u.name()).toList());
        assertTrue(directory.brandUser(otherProgram, manager).isEmpty());
        // Beta is approved for Offer A, but Offer A is not the other program's offer.
        assertEquals(0, directory.count(otherProgram, PartnerFilter.allOf(PartnerRule.approvedForOffer(offerA))));
        assertEquals(1, directory.count(otherProgram, PartnerFilter.all()));
    }

    @Test
    void tagsListEachTagOfTheProgramOnceSortedAndANewTagAtOnce() {
        assertEquals(List.of("Content", "Coupon sites", "VIP"), directory.tags(program), "Content is on two partners");
        assertEquals(List.of("Elsewhere"), directory.tags(otherProgram));

        try (SqlSession s = host.host().sessions().openSession(false)) {
            s.getMapper(PartnerMapper.class).tag(program, delta, "Newcomers");
            s.rollback();
        }
        assertEquals(List.of("Content", "Coupon sites", "VIP"), directory.tags(program), "a rolled back tag is not listed");

        try (SqlSession s = host.host().sessions().openSession(false)) {
            s.getMapper(PartnerMapper.class).tag(program, delta, "Newcomers");
            s.commit();
        }
        assertEquals(List.of("Content", "Coupon sites", "Newcomers", "VIP"), directory.tags(program));
        assertEquals(List.of("Elsewhere"), directory.tags(otherProgram));
        assertEquals(List.of(delta), ids(PartnerFilter.allOf(PartnerRule.tag("Newcomers"))));
    }

    @Test
    void performanceSumsOffersAndMonths() {
        var p = directory.performance(program, alpha, LAST);
        assertEquals(0, new BigDecimal("1500.00").compareTo(p.revenue()));
        assertEquals(35, p.conversions());
        assertEquals(500, p.clicks());
    }

    @Test
    void trackingLinksAreUniquePerPartnerAndRefusedOutsideTheProgram() {
        String a = host.host().trackingLinks().linkFor(program, offerA, alpha);
        String b = host.host().trackingLinks().linkFor(program, offerA, beta);
        assertTrue(a.contains("/t/" + offerA + "/" + alpha + "/"));
        assertTrue(!a.equals(b));
        assertEquals(a, host.host().trackingLinks().linkFor(program, offerA, alpha));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> host.host().trackingLinks().linkFor(otherProgram, offerA, beta));
    }
}
