package dev.parley.host.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.audience.SavedAudience;
import dev.parley.api.audience.SavedAudiences;
import dev.parley.host.portal.PortalDashboardPage;
import dev.parley.host.testing.TestHost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bulk messages end to end in the real host with the built plugin JARs: the host's SQL partner
 * directory evaluates AND/OR audiences, the plugin's db-scheduler sends in the background, partners
 * read and answer in the portal.
 */
class BulkMessagesHostTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @Test
    void andOrAudiencesOnTheHostsDirectoryAreSentOncePerPartner() throws Exception {
        long acme = host.programs().acme();
        long expected = scalar("SELECT COUNT(*) FROM partnership p WHERE p.program_id = ? AND ("
                + "(p.status = 'APPROVED' AND EXISTS (SELECT 1 FROM partner_tag t WHERE t.program_id = p.program_id"
                + " AND t.partner_id = p.partner_id AND t.tag = 'VIP'))"
                + " OR EXISTS (SELECT 1 FROM partner_tag t WHERE t.program_id = p.program_id AND t.partner_id = p.partner_id"
                + " AND t.tag = 'Coupon sites'))", acme);
        assertTrue(expected >= 2, "Trail Blazers (VIP) and Summit Deals (Coupon sites) at least");

        WicketTester t = host.loggedIn("cm@acme.test");
        t.executeUrl("messages/compose");
        FormTester f = t.newFormTester("form");
        f.setValue("subject", "Hello {partner_name}");
        f.setValue("body", "News for **{partner_name}** from {program_name}.");
        f.select("mode", 2);
        f.submit("recipients:apply");
        addTagRule(t, "VIP", "recipients:filtered:ruleInput:addGroup");
        f = t.newFormTester("form");
        f.select("recipients:filtered:ruleInput:ruleKind", 1); // status
        f.submit();
        t.assertContains("Partnership status");
        f = t.newFormTester("form");
        f.select("recipients:filtered:ruleInput:statusInput:ruleStatus", 1); // APPROVED
        f.submit("recipients:filtered:groups:0:addToGroup");
        f = t.newFormTester("form");
        f.select("recipients:filtered:ruleInput:ruleKind", 0); // tag
        f.submit();
        addTagRule(t, "Coupon sites", "recipients:filtered:ruleInput:addGroup");
        t.assertContains("Partnership status is Approved");
        f = t.newFormTester("form");
        f.submit("recipients:apply");
        t.assertContains(expected + " partners match; " + expected + " will receive the message");

        // Save the rules as an audience: other plugins (banners) find it through the extension point.
        f = t.newFormTester("form");
        f.setValue("recipients:filtered:audienceName", "VIP or coupons");
        f.submit("recipients:filtered:saveAudience");
        t.assertContains("Audience “VIP or coupons” saved.");
        List<SavedAudiences> providers = host.host().services().extensions(SavedAudiences.class);
        assertEquals(1, providers.size());
        SavedAudience saved = providers.get(0).list(acme).get(0);
        assertEquals("VIP or coupons", saved.name());
        assertEquals(2, saved.filter().anyOf().size());
        assertEquals(expected, host.host().partners().count(acme, saved.filter()));

        f = t.newFormTester("form");
        f.submit("send");
        long bulkId = scalar("SELECT MAX(id) FROM msg_bulk WHERE program_id = ?", acme);
        awaitSent(bulkId);
        assertEquals(expected, scalar("SELECT COUNT(*) FROM msg_bulk_delivery WHERE bulk_id = ?", bulkId));
        assertEquals(expected, scalar("SELECT COUNT(DISTINCT partner_id) FROM msg_bulk_delivery WHERE bulk_id = ?", bulkId));
        assertEquals(0, scalar("SELECT COUNT(*) FROM msg_bulk_delivery d WHERE d.bulk_id = ? AND NOT EXISTS ("
                + "SELECT 1 FROM partner_tag t WHERE t.program_id = d.program_id AND t.partner_id = d.partner_id"
                + " AND t.tag IN ('VIP', 'Coupon sites'))", bulkId));

        // The partner side: Summit Deals (Coupon sites) got it, personalised; the first view is an open.
        WicketTester p = host.loggedIn("leo@summitdeals.test");
        p.startPage(PortalDashboardPage.class);
        p.assertContains("You have a new message from the program.");
        p.executeUrl("portal/messages");
        p.assertContains("Hello Summit Deals");
        p.executeUrl("portal/announcement/" + bulkId);
        p.assertContains("News for <strong>Summit Deals</strong> from Acme Outdoor.");
        assertEquals(1, scalar("SELECT opens FROM msg_bulk WHERE id = ?", bulkId));
        p.startPage(PortalDashboardPage.class);
        assertFalse(p.getLastResponseAsString().contains("new message from the program"), "opened: no notice");
        p.executeUrl("portal/announcement/" + bulkId);
        FormTester reply = p.newFormTester("reply");
        reply.setValue("text", "Thanks, we are in.");
        reply.submit();
        p.assertContains("Thanks, we are in.");
        assertEquals(1, scalar("SELECT replies FROM msg_bulk WHERE id = ?", bulkId));

        // Back on the brand side (one tester at a time: Wicket keeps them per thread): the sent list and
        // the delivery log with the reply.
        t = host.newTester();
        TestHost.login(t, "cm@acme.test");
        t.executeUrl("messages");
        t.assertContains("Hello \\{partner_name\\}");
        t.executeUrl("messages/bulk/" + bulkId + "?replied=true");
        t.assertContains("Summit Deals");
        t.assertContains("View reply");
    }

    private static void addTagRule(WicketTester t, String tag, String button) {
        Matcher m = Pattern.compile("<option value=\"(\\d+)\">" + Pattern.quote(tag) + "</option>")
                .matcher(t.getLastResponseAsString());
        assertTrue(m.find(), "tag " + tag + " offered");
        FormTester f = t.newFormTester("form");
        f.select("recipients:filtered:ruleInput:tagInput:ruleTag", Integer.parseInt(m.group(1)));
        f.submit(button);
    }

    private static void awaitSent(long bulkId) throws Exception {
        for (int i = 0; i < 600; i++) {
            if ("SENT".equals(string("SELECT status FROM msg_bulk WHERE id = ?", bulkId))) {
                return;
            }
            Thread.sleep(50);
        }
        assertEquals("SENT", string("SELECT status FROM msg_bulk WHERE id = ?", bulkId));
    }

    private static long scalar(String sql, long arg) throws SQLException {
        try (Connection c = host.host().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String string(String sql, long arg) throws SQLException {
        try (Connection c = host.host().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
