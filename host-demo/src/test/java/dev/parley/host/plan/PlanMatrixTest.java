package dev.parley.host.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.dashboard.BrandDashboardPage;
import dev.parley.host.testing.TestHost;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An Account Admin edits the plan x feature matrix; the change applies to the next request of everyone. */
class PlanMatrixTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @Test
    void turningOffBannersForTheAdvancedPlanHidesThemAtOnceAndTurningOnMessagingForStarterShowsIt() {
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.startPage(BrandDashboardPage.class);
        assertTrue(cm.getLastResponseAsString().contains(">Banners<"));

        WicketTester admin = host.loggedIn("owner@acme.test");
        admin.startPage(PlanMatrixPage.class);
        admin.assertRenderedPage(PlanMatrixPage.class);
        FormTester form = admin.newFormTester("matrix");
        // Rows follow the running plugins' features; find the cells by their markup ids.
        String banners = checkboxPath(admin, "feature-banners-advanced");
        String messagingStarter = checkboxPath(admin, "feature-messaging-starter");
        form.setValue(banners.substring("matrix:".length()), false);
        form.setValue(messagingStarter.substring("matrix:".length()), true);
        form.submit();
        assertTrue(admin.getLastResponseAsString().contains("Saved."));

        cm.startPage(BrandDashboardPage.class);
        assertFalse(cm.getLastResponseAsString().contains(">Banners<"));
        cm.executeUrl("banners");
        assertEquals(404, cm.getLastResponse().getStatus());

        WicketTester bolt = host.loggedIn("owner@bolt.test");
        bolt.startPage(BrandDashboardPage.class);
        assertTrue(bolt.getLastResponseAsString().contains(">Inbox<"));
        assertTrue(host.host().plans().isEnabled(host.programs().bolt(), "messaging"));
        assertFalse(host.host().plans().isEnabled(host.programs().acme(), "banners"));
    }

    @Test
    void analystsCannotOpenTheMatrix() {
        WicketTester t = host.loggedIn("analyst@acme.test");
        t.startPage(PlanMatrixPage.class);
        assertEquals(403, t.getLastResponse().getStatus());
    }

    private static String checkboxPath(WicketTester t, String markupId) {
        String[] found = new String[1];
        t.getLastRenderedPage().visitChildren(org.apache.wicket.markup.html.form.CheckBox.class, (c, visit) -> {
            if (markupId.equals(c.getMarkupId())) {
                found[0] = c.getPageRelativePath();
                visit.stop();
            }
        });
        if (found[0] == null) {
            throw new AssertionError("No checkbox " + markupId);
        }
        return found[0];
    }
}
