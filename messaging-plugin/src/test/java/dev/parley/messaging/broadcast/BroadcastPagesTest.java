package dev.parley.messaging.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.testing.FixtureHost;
import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.MessagingServices;
import dev.parley.messaging.inbox.ConversationPage;
import dev.parley.messaging.portal.PortalConversationPage;
import dev.parley.messaging.portal.PortalMessagesPage;
import dev.parley.messaging.testing.PluginUnderTest;
import java.util.List;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk-message pages with WicketTester on the started plugin (its real, polling db-scheduler):
 * compose with rules, Apply and exclusions, live preview and autosave, unknown macros, the lists, the
 * detail page with its delivery log, the portal copy with and without replies, and the open pixel.
 */
class BroadcastPagesTest {

    private FixtureHost host;
    private PluginUnderTest plugin;
    private WicketTester t;
    private long programId;
    private CurrentUser manager;
    private Partner vip1;
    private Partner vip2;
    private Partner plain;
    private PartnerMember maya;
    private Offer winter;

    @BeforeEach
    void setUp() {
        host = FixtureHost.create("bulkpages");
        programId = host.directory().addProgram("Acme Outdoor", "advanced").id();
        host.enableFeature(programId, MessagingPlugin.FEATURE);
        manager = FixtureHost.brandUser(1, programId, "Mia Manager", "messaging");
        vip1 = host.directory().addPartner(programId, "Trail Blazers", "hello@trail.test", PartnershipStatus.APPROVED, "VIP");
        vip2 = host.directory().addPartner(programId, "Summit Deals", "team@summit.test", PartnershipStatus.APPROVED, "VIP");
        plain = host.directory().addPartner(programId, "Cedar Reviews", "team@cedar.test", PartnershipStatus.APPROVED);
        maya = host.directory().addMember(vip1.id(), "Maya Garcia", "maya@trail.test", null);
        winter = host.directory().addOffer(programId, "Winter Jackets", "Acme Apparel");
        host.directory().approve(winter.id(), vip1.id());
        host.setSetting("messaging.tracking.secret", "pages-secret");
        plugin = new PluginUnderTest(host);
        t = plugin.tester;
        host.actAs(manager);
    }

    @AfterEach
    void tearDown() {
        plugin.close();
    }

    private MessagingServices services() {
        return plugin.services();
    }

    @Test
    void composeWithRulesApplyExcludeAndSend() {
        t.startPage(ComposePage.class);
        t.assertRenderedPage(ComposePage.class);
        FormTester f = t.newFormTester("form");
        f.setValue("subject", "Hello {partner_name}");
        f.setValue("body", "Dear **{partner_name}**, winter is coming.");
        f.select("mode", 2); // filtered partners
        f.submit("recipients:apply");
        f = t.newFormTester("form");
        f.select("recipients:filtered:ruleInput:ruleKind", 0); // tag
        f.select("recipients:filtered:ruleInput:tagInput:ruleTag", 0); // VIP
        f.submit("recipients:filtered:ruleInput:addGroup");
        t.assertRenderedPage(ComposePage.class);
        t.assertContains("Tag or group is “VIP”");

        f = t.newFormTester("form");
        f.submit("recipients:apply");
        t.assertContains("2 partners match; 2 will receive the message");
        t.assertContains("Trail Blazers");
        t.assertContains("Summit Deals");

        f = t.newFormTester("form");
        f.submit("recipients:review:rows:1:exclude");
        t.assertContains("2 partners match; 1 will receive the message \\(1 excluded by hand");
        t.assertContains("Excluded by hand");

        f = t.newFormTester("form");
        f.submit("send");
        t.assertRenderedPage(BroadcastDetailPage.class);
        long id = ((BroadcastDetailPage) t.getLastRenderedPage()).getPageParameters().get("id").toLong();
        BroadcastServiceTest.awaitStatus(services(), id, BulkStatus.SENT);
        Bulk sent = services().broadcasts().find(manager, id);
        assertEquals(1, sent.delivered());
        assertEquals(1, sent.excluded());

        t.startPage(BroadcastDetailPage.class, new PageParameters().set("id", id));
        t.assertContains("Trail Blazers");
        t.assertContains("Excluded by hand");
        t.assertContains("Dear <strong>\\{partner_name\\}</strong>");
        t.startPage(BroadcastsPage.class);
        t.assertContains("Hello \\{partner_name\\}");
        t.assertContains("Mia Manager");
    }

    @Test
    void livePreviewPersonalisesAndAutosaves_anUnknownMacroIsShownAndNotSaved() {
        t.startPage(ComposePage.class);
        FormTester f = t.newFormTester("form", false);
        f.setValue("body", "Hi {partner_name}, meet {partner_nmae}");
        t.executeAjaxEvent("form:body", "input");
        t.assertContains("Unknown macro \\{partner_nmae\\}");
        assertTrue(services().broadcasts().list(manager, BroadcastService.View.DRAFTS, 0, 10).isEmpty());

        f = t.newFormTester("form", false);
        f.setValue("body", "Hi {partner_name}, welcome.");
        t.executeAjaxEvent("form:body", "input");
        t.assertContains("Hi Trail Blazers, welcome.");
        t.assertContains("Draft saved at");
        List<Bulk> drafts = services().broadcasts().list(manager, BroadcastService.View.DRAFTS, 0, 10);
        assertEquals(1, drafts.size());
        assertEquals("Hi {partner_name}, welcome.", drafts.get(0).body());

        t.startPage(BroadcastsPage.class, BroadcastsPage.params(BroadcastService.View.DRAFTS));
        t.assertContains("Last saved");
        t.clickLink("otherTable:rows:0:delete");
        assertTrue(services().broadcasts().list(manager, BroadcastService.View.DRAFTS, 0, 10).isEmpty());
    }

    @Test
    void offerMessagesShowWhoIsNotApproved_andScheduledMessagesCanBeSentNow() {
        t.startPage(ComposePage.class);
        FormTester f = t.newFormTester("form");
        f.setValue("subject", "{offer_name}");
        f.setValue("body", "Your link: {offer_tracking_link}");
        f.setValue("offers:0:included", true);
        f.setValue("scheduleAt", "2026-12-01T10:00");
        f.submit("recipients:apply");
        t.assertContains("3 partners match; 1 will receive the message");
        t.assertContains("Not approved for offer “Winter Jackets”");
        t.assertContains(host.trackingLinks().linkFor(programId, winter.id(), vip1.id()));

        f = t.newFormTester("form");
        f.submit("schedule");
        t.assertRenderedPage(BroadcastDetailPage.class);
        long id = ((BroadcastDetailPage) t.getLastRenderedPage()).getPageParameters().get("id").toLong();
        assertEquals(BulkStatus.SCHEDULED, services().broadcasts().find(manager, id).status());

        t.startPage(BroadcastsPage.class, BroadcastsPage.params(BroadcastService.View.SCHEDULED));
        t.assertContains("\\{offer_name\\}");
        t.clickLink("otherTable:rows:0:sendNow");
        BroadcastServiceTest.awaitStatus(services(), id, BulkStatus.SENT);
        assertEquals(1, services().broadcasts().find(manager, id).delivered());
    }

    @Test
    void partnersReadTheirCopyAndReplyWhenAllowed() {
        BulkDraft d = services().broadcasts().newDraft(manager);
        d.subject = "Spring plans";
        d.body = "Hello {partner_first_name} from {partner_name}";
        long id = services().broadcasts().sendNow(manager, d);
        BroadcastServiceTest.awaitStatus(services(), id, BulkStatus.SENT);
        BulkDraft off = services().broadcasts().newDraft(manager);
        off.subject = "Read only";
        off.body = "No answers";
        off.allowReplies = false;
        long offId = services().broadcasts().sendNow(manager, off);
        BroadcastServiceTest.awaitStatus(services(), offId, BulkStatus.SENT);

        CurrentUser mayaUser = FixtureHost.partnerMember(maya.id(), programId, vip1.id(), "Maya Garcia");
        host.actAs(mayaUser);
        t.startPage(PortalMessagesPage.class);
        t.assertContains("Spring plans");
        t.assertContains("From the program");
        t.startPage(PortalAnnouncementPage.class, new PageParameters().set("id", id));
        t.assertContains("Hello Maya from Trail Blazers");
        assertEquals(1, services().broadcasts().find(manager, id).opens());
        FormTester reply = t.newFormTester("reply");
        reply.setValue("text", "We are in!");
        reply.submit();
        t.assertRenderedPage(PortalConversationPage.class);
        t.assertContains("We are in!");

        t.startPage(PortalAnnouncementPage.class, new PageParameters().set("id", offId));
        t.assertInvisible("reply");
        t.assertContains("Replies are turned off");

        host.actAs(manager);
        t.startPage(BroadcastDetailPage.class, new PageParameters().set("id", id).set("replied", true));
        t.assertContains("View reply");
        t.assertContains("Partners who replied");
        t.assertContains("Trail Blazers");
        // Opens over time: one open, as a Chart.js bar (data in the canvas) and a table row.
        t.assertContains("<canvas[^>]*data-parley-chart=\"[^\"]*&quot;values&quot;:\\[1\\]");
        t.assertInvisible("noOpens");
        assertEquals(1, ((org.apache.wicket.markup.html.list.ListView<?>) t.getComponentFromLastRenderedPage("opensRows")).size());
        t.clickLink("log:0:reply");
        t.assertRenderedPage(ConversationPage.class);
        t.assertContains("We are in!");
        t.assertContains("In reply to the bulk message");
        t.clickLink("bulkOrigin:bulk");
        t.assertRenderedPage(BroadcastDetailPage.class);
        t.assertContains("Spring plans");
    }

    @Test
    void theDetailPageShowsProgressAndPausesAndResumes() {
        for (int i = 0; i < SendJob.BATCH + 10; i++) {
            host.directory().addPartner(programId, "Bulk " + i, "b" + i + "@bulk.test", PartnershipStatus.APPROVED);
        }
        BulkDraft d = services().broadcasts().newDraft(manager);
        d.subject = "Big one";
        d.body = "Hello {partner_name}";
        d.scheduleAt = java.time.LocalDateTime.of(2030, 1, 1, 9, 0); // never due for the background scheduler
        long id = services().broadcasts().schedule(manager, d);
        host.mutableClock().set(java.time.Instant.parse("2030-01-01T10:00:00Z"));
        SendJob.Outcome outcome = services().broadcasts().job().run(id, new SendJob.Hooks() {
            @Override
            public void afterBatch(long bulkId, long cursor, int delivered) {
                services().broadcasts().pause(manager, bulkId);
            }
        });
        assertEquals(SendJob.Outcome.PAUSED, outcome);

        t.startPage(BroadcastDetailPage.class, new PageParameters().set("id", id));
        t.assertContains("Paused by a user");
        t.assertContains("1000 of 1013 delivered");
        t.assertContains("<progress[^>]*value=\"99\"");
        t.assertInvisible("progress:pause");
        t.clickLink("progress:resume");
        assertEquals(BulkStatus.SENDING, services().broadcasts().find(manager, id).status());
        t.assertContains("Sending continues");
        assertEquals(SendJob.Outcome.SENT, services().broadcasts().job().run(id));
        t.startPage(BroadcastDetailPage.class, new PageParameters().set("id", id));
        t.assertContains("1013 of 1013 delivered");
        t.assertInvisible("progress:resume");
    }

    @Test
    void thePortalListsEveryMessagePageByPage() {
        for (int i = 1; i <= AnnouncementsPanel.SHOWN + 1; i++) {
            BulkDraft d = services().broadcasts().newDraft(manager);
            d.subject = "Issue " + i;
            d.body = "x";
            long id = services().broadcasts().sendNow(manager, d);
            BroadcastServiceTest.awaitStatus(services(), id, BulkStatus.SENT);
            host.mutableClock().advance(java.time.Duration.ofMinutes(1));
        }
        host.actAs(FixtureHost.partnerMember(maya.id(), programId, vip1.id(), "Maya Garcia"));
        t.startPage(PortalMessagesPage.class);
        t.assertContains("Issue 21");
        t.assertContains("Issue 2<");
        assertTrue(!t.getLastResponseAsString().contains("Issue 1<"), "the oldest is on the next page");
        t.clickLink("announcements:older");
        t.assertContains("Issue 1<");
        t.assertContains("\\bNew\\b");
    }

    @Test
    void theRuleBuilderMakesPerformanceAndDateRules() {
        host.directory().setPerformance(programId, vip1.id(), java.time.YearMonth.of(2026, 10), new java.math.BigDecimal("800"), 3);
        host.directory().setPerformance(programId, vip2.id(), java.time.YearMonth.of(2026, 10), new java.math.BigDecimal("100"), 1);
        t.startPage(ComposePage.class);
        FormTester f = t.newFormTester("form");
        f.select("mode", 2);
        f.submit("recipients:apply");
        f = t.newFormTester("form");
        f.select("recipients:filtered:ruleInput:ruleKind", 5); // revenue at least
        f.submit();
        f = t.newFormTester("form");
        f.setValue("recipients:filtered:ruleInput:performanceInput:ruleAmount", "500");
        f.select("recipients:filtered:ruleInput:performanceInput:ruleMonths", 0); // last month
        f.submit("recipients:filtered:ruleInput:addGroup");
        t.assertContains("Revenue ≥ 500 \\(last month\\)");
        f = t.newFormTester("form");
        f.submit("recipients:apply");
        t.assertContains("1 partners match");

        f = t.newFormTester("form");
        f.select("recipients:filtered:ruleInput:ruleKind", 7); // join date
        f.submit();
        f = t.newFormTester("form");
        f.setValue("recipients:filtered:ruleInput:dateInput:ruleFrom", "2024-12-01");
        f.setValue("recipients:filtered:ruleInput:dateInput:ruleTo", "2025-02-01");
        f.submit("recipients:filtered:ruleInput:addGroup");
        t.assertContains("Joined between 2024-12-01 and 2025-02-01");
        f = t.newFormTester("form");
        f.submit("recipients:apply");
        t.assertContains("3 partners match");

        f = t.newFormTester("form");
        f.submit("recipients:filtered:groups:1:rules:0:removeRule");
        f = t.newFormTester("form");
        f.submit("recipients:apply");
        t.assertContains("1 partners match");
        f = t.newFormTester("form");
        f.select("recipients:filtered:ruleInput:ruleKind", 5);
        f.submit();
        f = t.newFormTester("form");
        f.setValue("recipients:filtered:ruleInput:performanceInput:ruleAmount", "lots");
        f.submit("recipients:filtered:ruleInput:addGroup");
        t.assertContains("Fill in the rule&#039;s value first.");
    }

    @Test
    void pagesSpeakChinese() {
        t.getSession().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        t.startPage(BroadcastsPage.class);
        t.assertContains("群发消息");
        t.assertContains("尚未发送任何消息。");
        t.startPage(ComposePage.class);
        t.assertContains("撰写群发消息");
        t.assertContains("全部合作伙伴");
    }

    @Test
    void theOpenPixelCountsASignedToken() {
        BulkDraft d = services().broadcasts().newDraft(manager);
        d.subject = "Pixel";
        d.body = "x";
        long id = services().broadcasts().sendNow(manager, d);
        BroadcastServiceTest.awaitStatus(services(), id, BulkStatus.SENT);
        try (var s = services().sessions().openSession(true)) {
            s.getConnection().createStatement().executeUpdate("INSERT INTO msg_bulk_email (bulk_id, partner_id, member_id,"
                    + " email, first_name, status, attempts, next_attempt_at) VALUES (" + id + ", " + vip1.id() + ", "
                    + maya.id() + ", 'maya@trail.test', 'Maya', 'SENT', 1, NOW())");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        String token = new OpenTokens("pages-secret".getBytes()).token(id, vip1.id(), maya.id());
        t.executeUrl("messaging/open?t=" + token);
        assertEquals("image/gif", t.getLastResponse().getContentType());
        t.executeUrl("messaging/open?t=forged." + token.substring(token.indexOf('.') + 1));
        assertEquals("image/gif", t.getLastResponse().getContentType());
        assertEquals(1, services().broadcasts().find(manager, id).opens());
    }
}
