package dev.parley.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.account.LoginPage;
import dev.parley.host.partner.PartnerProfilePage;
import dev.parley.host.portal.PortalDashboardPage;
import dev.parley.host.testing.TestHost;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may open what: login redirect, 403 for the wrong area or permission, 404 for features off the plan. */
class AccessControlTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        WicketTester t = host.newTester();
        t.executeUrl("inbox");
        t.assertRenderedPage(LoginPage.class);
        t.executeUrl("partners");
        t.assertRenderedPage(LoginPage.class);
    }

    @Test
    void afterLoginTheVisitorContinuesToThePageTheyAskedFor() {
        WicketTester t = host.newTester();
        t.executeUrl("partners");
        t.assertRenderedPage(LoginPage.class);
        var form = t.newFormTester("form");
        form.setValue("email", "cm@acme.test");
        form.setValue("password", "demo1234");
        form.submit();
        t.assertRenderedPage(dev.parley.host.partner.PartnersPage.class);
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        WicketTester t = host.newTester();
        t.startPage(LoginPage.class);
        var form = t.newFormTester("form");
        form.setValue("email", "cm@acme.test");
        form.setValue("password", "wrong");
        form.submit();
        t.assertRenderedPage(LoginPage.class);
        t.assertErrorMessages("That e-mail and password do not match an account.");
    }

    @Test
    void analystWithoutMessagingGets403OnTheInbox() {
        WicketTester t = host.loggedIn("analyst@acme.test");
        t.executeUrl("inbox");
        assertEquals(403, t.getLastResponse().getStatus());
    }

    @Test
    void partnerMembersCannotOpenBrandPagesButSeeTheirPortal() {
        WicketTester t = host.loggedIn("maya@trailblazers.test");
        t.executeUrl("inbox");
        assertEquals(403, t.getLastResponse().getStatus());
        t.executeUrl("partners");
        assertEquals(403, t.getLastResponse().getStatus());
        t.startPage(PortalDashboardPage.class);
        t.assertRenderedPage(PortalDashboardPage.class);
        assertTrue(t.getLastResponseAsString().contains("Trail Blazers Media"));
        t.executeUrl("portal/messages");
        assertEquals(200, t.getLastResponse().getStatus());
    }

    @Test
    void brandUsersCannotOpenThePortal() {
        WicketTester t = host.loggedIn("cm@acme.test");
        t.executeUrl("portal");
        assertEquals(403, t.getLastResponse().getStatus());
    }

    @Test
    void aFeatureOffThePlanAnswers404EvenWithThePermission() {
        WicketTester t = host.loggedIn("owner@bolt.test");
        t.executeUrl("inbox");
        assertEquals(404, t.getLastResponse().getStatus());
        t.executeUrl("banners");
        assertEquals(404, t.getLastResponse().getStatus());
    }

    @Test
    void aPartnerOfAnotherProgramIsNotFoundByGuessingItsId() {
        long summit = host.acmePartner("Summit Deals");
        WicketTester acme = host.loggedIn("cm@acme.test");
        acme.startPage(PartnerProfilePage.class, new PageParameters().set("partnerId", summit));
        acme.assertRenderedPage(PartnerProfilePage.class);
        WicketTester bolt = host.loggedIn("owner@bolt.test");
        bolt.startPage(PartnerProfilePage.class, new PageParameters().set("partnerId", summit));
        assertEquals(404, bolt.getLastResponse().getStatus());
        bolt.startPage(PartnerProfilePage.class, new PageParameters().set("partnerId", "not-a-number"));
        assertEquals(404, bolt.getLastResponse().getStatus());
    }

    @Test
    void everyPageIsServedInChineseWhenChosen() {
        WicketTester t = host.loggedIn("cm@acme.test");
        t.startPage(dev.parley.host.dashboard.BrandDashboardPage.class);
        t.clickLink("parleyHeader:chinese");
        t.startPage(dev.parley.host.dashboard.BrandDashboardPage.class);
        String html = t.getLastResponseAsString();
        assertTrue(html.contains("仪表板"), "Chinese navigation");
        assertTrue(html.contains("收件箱"), "plugin tab label in Chinese");
    }
}
