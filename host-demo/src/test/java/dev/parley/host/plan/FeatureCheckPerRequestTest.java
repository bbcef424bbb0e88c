package dev.parley.host.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.UserKind;
import dev.parley.host.account.Principal;
import dev.parley.host.testing.TestHost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page view asks "is the feature on for this program?" once: the answer holds for the rest of that
 * request. A plan change still takes effect at the next request, wherever it was made, and at once in
 * the request that made it.
 */
class FeatureCheckPerRequestTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();
    private static long acme;

    @BeforeAll
    static void start() {
        acme = host.programs().acme();
    }

    @AfterEach
    void backToAdvanced() throws Exception {
        setPlanWithSql("advanced");
    }

    @Test
    void aProgramMovedToThePlanWithoutMessagingLosesTheInboxInTheRequestThatMovedItAndAtTheNextOne() {
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("inbox");
        assertEquals(200, cm.getLastResponse().getStatus());

        // Between requests the tester's next request cycle is bound to this thread: what runs now runs
        // "in" a request, as a page's code would.
        PlanService plans = host.host().plans();
        assertTrue(plans.isEnabled(acme, "messaging"));
        plans.changePlan(platformAdmin(), acme, "starter");
        assertFalse(plans.isEnabled(acme, "messaging"), "the request that changed the plan sees the change");

        cm.executeUrl("inbox");
        assertEquals(404, cm.getLastResponse().getStatus());
        assertEquals("starter", planOfAcme());
    }

    @Test
    void aPlanChangedElsewhereShowsAtTheNextRequest() throws Exception {
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("inbox");
        assertEquals(200, cm.getLastResponse().getStatus());
        PlanService plans = host.host().plans();
        assertTrue(plans.isEnabled(acme, "messaging"));

        // another node (or an operator) moves the program: this node's code is not told
        setPlanWithSql("starter");
        assertTrue(plans.isEnabled(acme, "messaging"), "within one request the first answer holds");

        cm.executeUrl("inbox");
        assertEquals(404, cm.getLastResponse().getStatus(), "the next request reads the plan again");
        assertFalse(plans.isEnabled(acme, "messaging"));
        cm.executeUrl("dashboard");
        assertEquals(200, cm.getLastResponse().getStatus());
        assertFalse(cm.getLastResponseAsString().contains(">Inbox<"), "nor does the menu offer it");

        setPlanWithSql("advanced");
        cm.executeUrl("inbox");
        assertEquals(200, cm.getLastResponse().getStatus());
    }

    @Test
    void withoutARequestEveryCheckReadsTheDatabase() throws Exception {
        org.apache.wicket.ThreadContext.detach();
        PlanService plans = host.host().plans();
        assertTrue(plans.isEnabled(acme, "messaging"));
        setPlanWithSql("starter");
        assertFalse(plans.isEnabled(acme, "messaging"));
    }

    private static CurrentUser platformAdmin() {
        long id = host.queryLong("SELECT id FROM brand_user WHERE email = 'admin@parley.test'");
        return host.host().accounts().currentUser(new Principal(UserKind.BRAND, id, acme)).orElseThrow();
    }

    private static String planOfAcme() {
        try (Connection c = host.host().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT plan_key FROM program WHERE id = ?")) {
            ps.setLong(1, acme);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setPlanWithSql(String plan) throws Exception {
        try (Connection c = host.host().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE program SET plan_key = ? WHERE id = ?")) {
            ps.setString(1, plan);
            ps.setLong(2, acme);
            ps.executeUpdate();
        }
    }
}
