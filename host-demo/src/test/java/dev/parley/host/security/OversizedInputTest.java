package dev.parley.host.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.testing.TestHost;
import java.util.ArrayList;
import java.util.List;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Oversized and malformed input through the real host, past the browser's maxlength (a hand-made
 * request ignores it): every form answers with a validation message and stores nothing, every URL
 * answers without a server error, and nothing shows a stack trace.
 */
class OversizedInputTest {

    private static final String HUGE = "x".repeat(100_000);
    private static final String LONG = "y".repeat(5_000);

    @RegisterExtension
    static final TestHost host = TestHost.perClass();
    private static long trail;
    private static long conversation;

    @BeforeAll
    static void start() {
        trail = host.acmePartner("Trail Blazers");
        conversation = host.startConversation(trail, "Sizes", "A conversation to reply to.");
    }

    private static void assertNoServerError(WicketTester t, String what) {
        int status = t.getLastResponse().getStatus();
        String page = t.getLastResponseAsString();
        assertTrue(status < 500, what + ": status " + status);
        assertFalse(page.contains("Exception") || page.contains("\tat ") || page.contains("Internal error"),
                what + " shows an error or stack trace:\n" + page.substring(0, Math.min(page.length(), 3000)));
    }

    private static void assertMessage(WicketTester t, String what, String expected) {
        assertNoServerError(t, what);
        String page = t.getLastResponseAsString();
        assertTrue(page.contains(expected), () -> what + ": expected \"" + expected + "\" in (status "
                + t.getLastResponse().getStatus() + ", page " + t.getLastRenderedPage() + ")\n" + page);
    }

    @Test
    void messageBodiesAndSubjectsAreBounded() throws Exception {
        long messages = host.queryLong("SELECT COUNT(*) FROM msg_message");
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("inbox/new?partner=" + trail);
        FormTester form = cm.newFormTester("compose");
        form.setValue("subject", "Big");
        form.setValue("body", HUGE);
        form.submit();
        assertMessage(cm, "huge body", "messages may have at most");
        assertEquals(messages, host.queryLong("SELECT COUNT(*) FROM msg_message"), "nothing stored");

        cm.executeUrl("inbox/conversation/" + conversation);
        FormTester reply = cm.newFormTester("reply");
        reply.setValue("body", HUGE);
        reply.submit();
        assertMessage(cm, "huge brand reply", "messages may have at most");

        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        maya.executeUrl("portal/conversation/" + conversation);
        FormTester portal = maya.newFormTester("reply");
        portal.setValue("body", HUGE);
        portal.submit();
        assertMessage(maya, "huge partner reply", "messages may have at most");
        assertEquals(messages, host.queryLong("SELECT COUNT(*) FROM msg_message"), "nothing stored");

        // A subject beyond its limit is cut to the limit, never stored whole.
        cm.executeUrl("inbox/new?partner=" + trail);
        form = cm.newFormTester("compose");
        form.setValue("subject", LONG);
        form.setValue("body", "Short body");
        form.submit();
        assertNoServerError(cm, "long subject");
        assertTrue(host.queryLong("SELECT MAX(CHAR_LENGTH(subject)) FROM msg_conversation") <= 200);
    }

    @Test
    void namesAreBounded() throws Exception {
        long partners = host.queryLong("SELECT COUNT(*) FROM partner");
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("partners");
        FormTester add = cm.newFormTester("add");
        add.setValue("company", LONG);
        add.setValue("contact", LONG);
        add.setValue("contactEmail", "a".repeat(300) + "@long.test");
        add.submit();
        assertMessage(cm, "long partner names", "200");
        assertEquals(partners, host.queryLong("SELECT COUNT(*) FROM partner"));

        long roles = host.queryLong("SELECT COUNT(*) FROM role");
        WicketTester owner = host.loggedIn("owner@acme.test");
        owner.executeUrl("settings/roles");
        FormTester role = owner.newFormTester("create");
        role.setValue("roleName", LONG);
        role.submit();
        assertMessage(owner, "long role name", "100");
        assertEquals(roles, host.queryLong("SELECT COUNT(*) FROM role"));
    }

    @Test
    void bannerTextsAndAudienceRulesAreBounded() throws Exception {
        long banners = host.queryLong("SELECT COUNT(*) FROM bnr_banner");
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("banners/edit");
        FormTester form = cm.newFormTester("form");
        form.setValue("internalName", LONG);
        form.setValue("headline", LONG);
        form.setValue("body", HUGE);
        form.setValue("ctaLabel", LONG);
        form.setValue("ctaUrl", "https://acme.test/" + HUGE);
        form.submit("publish");
        assertNoServerError(cm, "long banner texts");
        assertEquals(banners, host.queryLong("SELECT COUNT(*) FROM bnr_banner"));
        assertTrue(cm.getMessages(org.apache.wicket.feedback.FeedbackMessage.ERROR).size()
                + countOf(cm.getLastResponseAsString(), "is-invalid") >= 5, cm.getLastResponseAsString());

        cm.executeUrl("banners/edit");
        form = cm.newFormTester("form");
        form.setValue("internalName", "Rules");
        form.setValue("headline", "Rules");
        form.setValue("ruleMinRevenue", "9".repeat(5000));
        form.setValue("ruleMonths", "99999999999999999999");
        form.submit("publish");
        assertNoServerError(cm, "huge audience rule numbers");
        assertEquals(banners, host.queryLong("SELECT COUNT(*) FROM bnr_banner"));
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void searchQueriesAreBounded() {
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("partners");
        FormTester f = cm.newFormTester("filters");
        f.setValue("q", HUGE);
        f.submit();
        assertNoServerError(cm, "huge partner search");
        cm.executeUrl("inbox");
        FormTester s = cm.newFormTester("search");
        s.setValue("q", HUGE);
        s.submit();
        assertNoServerError(cm, "huge inbox search");
    }

    @Test
    void malformedAndOversizedQueryStringsNeverCauseAServerError() {
        List<String> failures = new ArrayList<>();
        String[] urls = {
            "partners?q=" + HUGE, "partners?status=BOGUS&tag=" + LONG + "&manager=abc&after=-1",
            "partners?after=99999999999999999999999&manager=1e9", "partners/abc", "partners/99999999999999999999",
            "partners/-1", "inbox?q=" + HUGE, "inbox?view=nope&tag=" + LONG + "&manager=x&status=zz&offer=1.5&client=" + LONG
                + "&partner=-3&after=garbage", "inbox?after=" + LONG, "inbox/conversation/abc",
            "inbox/conversation/99999999999999999999", "inbox/new?partner=abc", "inbox/new?partner=" + LONG,
            "banners?status=" + LONG, "banners/edit?id=abc", "banners/edit?id=-1", "banners/analytics?id=" + LONG,
            "messaging/attachment?id=1e99", "messaging/attachment?id=" + LONG, "banner-image?id=abc",
            "banner-click?banner=" + LONG, "dashboard?" + "a=b&".repeat(5000),
        };
        for (String who : new String[] {"cm@acme.test", "maya@trailblazers.test"}) {
            WicketTester t = host.loggedIn(who);
            for (String url : urls) {
                t.executeUrl(url);
                int status = t.getLastResponse().getStatus();
                String page = t.getLastResponseAsString();
                if (status >= 500 || page.contains("Exception") || page.contains("\tat ")) {
                    failures.add(who + " " + url.substring(0, Math.min(url.length(), 80)) + " -> " + status);
                }
            }
        }
        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        for (String url : new String[] {"portal/conversation/abc", "portal/conversation/99999999999999999999",
            "portal/messages?after=" + LONG, "portal/messages?q=" + HUGE}) {
            maya.executeUrl(url);
            if (maya.getLastResponse().getStatus() >= 500) {
                failures.add("maya " + url.substring(0, Math.min(url.length(), 80)) + " -> " + maya.getLastResponse().getStatus());
            }
        }
        assertEquals(List.of(), failures);
    }
}
