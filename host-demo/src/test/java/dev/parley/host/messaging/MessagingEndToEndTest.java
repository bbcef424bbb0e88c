package dev.parley.host.messaging;

import static dev.parley.host.testing.TestHost.get;
import static dev.parley.host.testing.TestHost.use;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.account.LoginPage;
import dev.parley.host.partner.PartnerProfilePage;
import dev.parley.host.portal.PortalDashboardPage;
import dev.parley.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messaging plugin JAR in the real host: "Message team" on the partner profile, the shared
 * inbox of two teammates, the partner's Messages tab and dashboard notice, SMS replies through the
 * host's URL, and the host's 403/404 gating. Every request reads its page back from the page store.
 */
class MessagingEndToEndTest {

    private static final String SMS_SECRET = "e2e-secret";
    private static TestHost host;
    private static long trailId;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir -> { }, Map.of("messaging.sms.secret", SMS_SECRET));
        trailId = host.acmePartner("Trail Blazers");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), "no " + regex + " in page");
        return m.group(1);
    }

    @Test
    void messageTeamFromTheProfileThenTheSharedInboxAndThePartnersReplyInThePortal() throws Exception {
        WicketTester carlos = host.loggedIn("cm@acme.test");
        carlos.startPage(PartnerProfilePage.class, new PageParameters().set("partnerId", trailId));
        String profile = carlos.getLastResponseAsString();
        assertTrue(profile.contains("Message team"), profile);
        assertTrue(profile.contains("Message member"), profile);
        String compose = find(profile, "href=\"[^\"]*(inbox/new\\?partner=" + trailId + ")\"");
        get(carlos, compose);
        assertTrue(carlos.getLastResponseAsString().contains("the whole partner team"));
        FormTester form = carlos.newFormTester("compose");
        form.setValue("subject", "Spring catalogue");
        form.setValue("body", "The new catalogue is out. Can you feature it?");
        form.submit();
        String thread = carlos.getLastResponseAsString();
        assertTrue(thread.contains("The new catalogue is out."), thread);
        long conversationId = Long.parseLong(find(carlos.getLastRenderedPage().getPageParameters().get("id").toString(),
                "(\\d+)"));

        // The partner sees a notice on the dashboard and a badge on the Messages tab, reads and answers.
        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        maya.startPage(PortalDashboardPage.class);
        String dashboard = maya.getLastResponseAsString();
        assertTrue(dashboard.contains("You have 1 unread message from the program."), dashboard);
        String messages = get(maya, "portal/messages");
        assertTrue(messages.contains("Spring catalogue"), messages);
        get(maya, "portal/conversation/" + conversationId);
        assertTrue(maya.getLastResponseAsString().contains("The new catalogue is out."));
        FormTester reply = maya.newFormTester("reply");
        reply.setValue("body", "Sure, we will feature it on Monday.");
        reply.submit();
        assertTrue(maya.getLastResponseAsString().contains("Sure, we will feature it on Monday."));
        use(maya).startPage(PortalDashboardPage.class);
        assertFalse(maya.getLastResponseAsString().contains("unread message"));

        // Both teammates see it unread; Chloe reads it, so it is read for Carlos too.
        String carlosInbox = get(carlos, "inbox?view=unread");
        assertTrue(carlosInbox.contains("Spring catalogue"), carlosInbox);
        WicketTester chloe = host.loggedIn("cm2@acme.test");
        String chloeInbox = get(chloe, "inbox?view=unread");
        assertTrue(chloeInbox.contains("Spring catalogue"), chloeInbox);
        get(chloe, "inbox/conversation/" + conversationId);
        assertTrue(chloe.getLastResponseAsString().contains("Sure, we will feature it on Monday."));
        assertFalse(get(carlos, "inbox?view=unread").contains("Spring catalogue"), "read by Chloe = read by Carlos");

        // Another partner of the program can neither list nor open it.
        WicketTester leo = host.loggedIn("leo@summitdeals.test");
        assertFalse(get(leo, "portal/messages").contains("Spring catalogue"));
        get(leo, "portal/conversation/" + conversationId);
        assertEquals(404, leo.getLastResponse().getStatus());
        get(leo, "messaging/attachment?id=1");
        assertEquals(404, leo.getLastResponse().getStatus());
    }

    @Test
    void anSmsReplyThroughTheHostsWebhookLandsInTheMembersThread() throws Exception {
        WicketTester carlos = host.loggedIn("cm@acme.test");
        carlos.startPage(PartnerProfilePage.class, new PageParameters().set("partnerId", trailId));
        String member = find(carlos.getLastResponseAsString(), "href=\"[^\"]*(inbox/new\\?partner=" + trailId
                + "&amp;member=\\d+)\"").replace("&amp;", "&");
        get(carlos, member);
        assertTrue(carlos.getLastResponseAsString().contains("Maya Garcia"), "the member page names the member");
        FormTester form = carlos.newFormTester("compose");
        form.setValue("body", "Are you at the trade fair?");
        form.submit();
        FormTester reply = use(carlos).newFormTester("reply");
        reply.setValue("body", "Text me when you arrive.");
        reply.setValue("sms", true);
        reply.submit();
        carlos.assertNoErrorMessage();

        long now = host.clock().instant().getEpochSecond();
        String from = "+15550100001";
        WicketTester hook = host.newTester();
        hook.getRequest().setMethod("POST");
        var post = hook.getRequest().getPostParameters();
        post.setParameterValue("from", from);
        post.setParameterValue("text", "Just arrived, hall B!");
        post.setParameterValue("id", "gw-77");
        post.setParameterValue("timestamp", String.valueOf(now));
        hook.getRequest().addHeader("X-Parley-Signature", sign(now + "\n" + from + "\ngw-77\nJust arrived, hall B!"));
        hook.executeUrl("hooks/sms");
        assertEquals(200, hook.getLastResponse().getStatus(), hook.getLastResponse().getDocument());

        String thread = get(carlos, "inbox/conversation/" + carlos.getLastRenderedPage().getPageParameters().get("id"));
        assertTrue(thread.contains("Just arrived, hall B!"), thread);
        assertTrue(thread.contains("by text message"), thread);

        WicketTester forged = host.newTester();
        forged.getRequest().setMethod("POST");
        forged.getRequest().getPostParameters().setParameterValue("from", from);
        forged.getRequest().getPostParameters().setParameterValue("text", "forged");
        forged.getRequest().getPostParameters().setParameterValue("id", "gw-78");
        forged.getRequest().getPostParameters().setParameterValue("timestamp", String.valueOf(now));
        forged.getRequest().addHeader("X-Parley-Signature", "00");
        forged.executeUrl("hooks/sms");
        assertEquals(403, forged.getLastResponse().getStatus());
    }

    @Test
    void withoutAVirusScannerAttachmentsAreRefusedWithAClearMessage() throws Exception {
        WicketTester carlos = host.loggedIn("cm@acme.test");
        get(carlos, "inbox/new?partner=" + trailId);
        Path png = tmp.resolve("logo.png");
        Files.write(png, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        FormTester form = carlos.newFormTester("compose");
        form.setValue("body", "Our logo");
        form.setFile("files", new org.apache.wicket.util.file.File(png.toFile()), "image/png");
        form.submit();
        String page = carlos.getLastResponseAsString();
        assertTrue(page.contains("Attachments cannot be checked for viruses right now"), page);
    }

    @Test
    void thePlanThePermissionAndTheAreaGateEveryMessagingPage() {
        WicketTester analyst = host.loggedIn("analyst@acme.test");
        get(analyst, "inbox");
        assertEquals(403, analyst.getLastResponse().getStatus(), "no Messaging permission");
        WicketTester bolt = host.loggedIn("cm@bolt.test");
        get(bolt, "inbox");
        assertEquals(404, bolt.getLastResponse().getStatus(), "the starter plan has no messaging");
        assertFalse(get(bolt, "dashboard").contains(">Inbox<"));
        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        get(maya, "inbox");
        assertEquals(403, maya.getLastResponse().getStatus(), "partners have no brand inbox");
        WicketTester carlos = host.loggedIn("cm@acme.test");
        get(carlos, "portal/messages");
        assertEquals(403, carlos.getLastResponse().getStatus(), "brand users have no portal");
        WicketTester anonymous = host.newTester();
        get(anonymous, "inbox");
        assertEquals(LoginPage.class, anonymous.getLastRenderedPage().getClass());
        WicketTester owner = host.loggedIn("owner@acme.test");
        assertTrue(get(owner, "settings").contains("Partners may start conversations"), "settings section");
    }

    private static String sign(String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SMS_SECRET.getBytes(), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

}
