package dev.parley.host.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.partner.PartnershipStatus;
import dev.parley.host.portal.PortalDashboardPage;
import dev.parley.host.testing.TestHost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Demo partners generated from Settings are written in bulk, without an event per partner; the host
 * announces the whole batch once, so the plugins know the new partners as soon as the job reports
 * its end. The banners' periodic rebuild is set to a day here: only that announcement can explain
 * what the test sees.
 */
class DemoPartnersReachPluginsTest {

    private static final int GENERATED = 300;
    private static final Pattern RECIPIENTS = Pattern.compile("([\\d,]+) partners match; ([\\d,]+) will receive");

    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir -> { }, Map.of("banners.index.rebuild.minutes", "1440"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }


    private static long query(String sql, long... params) throws Exception {
        try (Connection c = host.host().dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setLong(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** @return "N partners match" on the bulk message composer, audience "All partners" */
    private static long composerAudience(WicketTester cm) {
        cm.executeUrl("messages/compose");
        // "Apply" counts the audience chosen (all partners by default)
        String apply = cm.getLastRenderedPage().visitChildren(org.apache.wicket.Component.class,
                (org.apache.wicket.Component c, org.apache.wicket.util.visit.IVisit<String> v) -> {
                    if ("apply".equals(c.getId())) {
                        v.stop(c.getPageRelativePath());
                    }
                });
        cm.newFormTester("form").submit(apply.substring("form:".length()));
        Matcher m = RECIPIENTS.matcher(cm.getLastResponseAsString());
        assertTrue(m.find(), cm.getLastResponseAsString());
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void generatedPartnersSeeRuleTargetedBannersAndCountInBulkAudiencesAtOnce() throws Exception {
        long acme = host.programs().acme();
        // A banner for approved partners, published before the new partners exist.
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("banners/edit");
        FormTester banner = cm.newFormTester("form");
        banner.setValue("internalName", "Approved partners only");
        banner.setValue("headline", "Welcome aboard, approved partner");
        banner.setValue("body", "Your approval came through.");
        // "Partners matching rules" is the last audience kind; status: approved
        banner.select("audienceKind", 1);
        banner.select("ruleStatus", PartnershipStatus.APPROVED.ordinal());
        banner.submit("publish");
        cm.assertNoErrorMessage();
        assertTrue(cm.getLastResponseAsString().contains("Approved partners only"));
        long audienceBefore = composerAudience(cm);
        long lastPartnerBefore = query("SELECT MAX(id) FROM partner");

        // The owner generates demo partners from Settings and the job runs to its end.
        WicketTester owner = host.loggedIn("owner@acme.test");
        owner.executeUrl("settings");
        FormTester generate = owner.newFormTester("demoForm");
        generate.setValue("count", String.valueOf(GENERATED));
        generate.submit();
        owner.assertNoErrorMessage();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        DemoGeneration.Progress progress = host.host().demoGeneration().progress(acme);
        while (progress.running() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            progress = host.host().demoGeneration().progress(acme);
        }
        assertFalse(progress.running(), "the generation ended");
        assertFalse(progress.failed());
        assertEquals(GENERATED, query("SELECT COUNT(*) FROM partnership WHERE program_id = ? AND partner_id > ?", acme,
                lastPartnerBefore), "the partners are in the database");

        // A member of a new approved partner sees the targeted banner on the first visit.
        long newApproved = query("SELECT MIN(partner_id) FROM partnership WHERE program_id = ? AND partner_id > ? "
                + "AND status = 'APPROVED'", acme, lastPartnerBefore);
        String email;
        try (Connection c = host.host().dataSource().getConnection();
                PreparedStatement st = c.prepareStatement("SELECT email FROM partner_member WHERE partner_id = ? ORDER BY id")) {
            st.setLong(1, newApproved);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "the new partner has a member");
                email = rs.getString(1);
            }
        }
        WicketTester member = host.loggedIn(email);
        member.startPage(PortalDashboardPage.class);
        String portal = member.getLastResponseAsString();
        assertTrue(portal.contains("Welcome aboard, approved partner"), "the new partner is in the banner's audience: " + portal);

        // A new partner that is not approved does not see it.
        long newPending = query("SELECT MIN(partner_id) FROM partnership WHERE program_id = ? AND partner_id > ? "
                + "AND status = 'PENDING'", acme, lastPartnerBefore);
        try (Connection c = host.host().dataSource().getConnection();
                PreparedStatement st = c.prepareStatement("SELECT email FROM partner_member WHERE partner_id = ? ORDER BY id")) {
            st.setLong(1, newPending);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                email = rs.getString(1);
            }
        }
        WicketTester pending = host.loggedIn(email);
        pending.startPage(PortalDashboardPage.class);
        assertFalse(pending.getLastResponseAsString().contains("Welcome aboard, approved partner"));

        // The bulk message audience counts every new partner.
        assertEquals(audienceBefore + GENERATED, composerAudience(cm));
    }
}
