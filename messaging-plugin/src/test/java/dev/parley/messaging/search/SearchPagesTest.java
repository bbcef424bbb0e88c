package dev.parley.messaging.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.testing.FixtureHost;
import dev.parley.api.testing.TestWicketApplication;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.api.user.UserKind;
import dev.parley.messaging.MessagingPlugin;
import java.util.Locale;
import java.util.Set;
import org.apache.wicket.Page;
import org.apache.wicket.serialize.java.JavaSerializer;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** The brand and portal search pages and the index admin page, rendered against the running plugin. */
class SearchPagesTest {

    private static SearchFixture f;
    private static MessagingPlugin plugin;
    private WicketTester tester;

    @BeforeAll
    static void startPlugin() throws Exception {
        f = new SearchFixture("pages");
        f.store.save(MessageDocument.message(50, 150, f.acme.id(), f.summit, null, "<script>alert(1)</script> okapi",
                "An okapi <img src=x onerror=alert(2)> appears.", "Nora Brand", MessageDocument.SenderKind.BRAND,
                "Summit Deals", null, null, MessageDocument.Channel.APP, SearchFixture.at("2026-04-01T09:00:00Z"), null));
        f.index.close(); // the plugin's search opens the same folder below
        plugin = new MessagingPlugin();
        plugin.attach(f.host);
        plugin.start();
        // the corpus of the fixture instead of the inbox's (empty) tables
        plugin.services().startSearch(new MessageSearch(f.host, f.store, f.store, f.indexRoot()));
        plugin.services().search().index().catchUp();
    }

    @AfterAll
    static void stopPlugin() {
        plugin.stop();
    }

    @BeforeEach
    void newTester() {
        tester = new WicketTester(new TestWicketApplication(f.host));
    }

    @AfterEach
    void destroy() {
        tester.destroy();
    }

    private String brand(String query) {
        f.host.actAs(f.acmeManager());
        tester.startPage(MessageSearchPage.class, new PageParameters().set("q", query).set("sort", "date"));
        tester.assertRenderedPage(MessageSearchPage.class);
        return tester.getLastResponseAsString();
    }

    @Test
    void brandResultsAreHighlightedAndOpenTheConversationAtTheMessage() {
        String html = brand("payout*");
        assertTrue(html.contains("<mark>Payouts</mark> during the holidays"), html);
        assertTrue(html.contains("Re: <mark>Payout</mark> question"));
        assertTrue(html.contains("inbox/conversation/102#message-4"), "a click opens the conversation at the message");
        assertTrue(html.contains("3 messages"));
        assertTrue(html.contains("Bulk message"), "the bulk message is labelled");
    }

    @Test
    void chineseQueriesAndChineseTexts() {
        f.host.actAs(f.acmeManager());
        tester.getSession().setLocale(Locale.SIMPLIFIED_CHINESE);
        tester.startPage(MessageSearchPage.class, new PageParameters().set("q", "病毒扫描").set("sort", "date"));
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<mark>病毒扫描</mark>"), html);
        assertTrue(html.contains("2 条消息"));
        assertTrue(html.contains("搜索消息"));
    }

    @Test
    void messageTextNeverBecomesMarkup() {
        String html = brand("okapi");
        assertFalse(html.contains("<script>alert(1)"), "subject is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>okapi</mark>"), html);
        assertFalse(html.contains("onerror"), "body markup stripped before indexing");
    }

    @Test
    void theFormLeadsToABookmarkableResultPage() {
        f.host.actAs(f.acmeManager());
        tester.startPage(MessageSearchPage.class, new PageParameters());
        assertTrue(tester.getLastResponseAsString().contains("has:attachment"), "help is shown before searching");
        FormTester form = tester.newFormTester("search:form");
        form.setValue("q", "spring");
        form.select("sort", 1);
        form.submit();
        tester.assertRenderedPage(MessageSearchPage.class);
        PageParameters p = tester.getLastRenderedPage().getPageParameters();
        assertEquals("spring", p.get("q").toString());
        assertEquals("date", p.get("sort").toString());
        String html = tester.getLastResponseAsString();
        assertTrue(html.indexOf("Re: <mark>Spring</mark>") < html.indexOf("<mark>Spring</mark> campaign kickoff"), "newest first");
    }

    @Test
    void inboxFiltersNarrowTheSearch() {
        f.host.actAs(f.acmeManager());
        tester.startPage(MessageSearchPage.class, new PageParameters().set("q", "payout*").set("tag", "vip"));
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Holiday schedule"));
        assertFalse(html.contains("Payout question"));
        tester.startPage(MessageSearchPage.class, new PageParameters().set("status", "PENDING").set("sort", "date"));
        html = tester.getLastResponseAsString();
        assertTrue(html.contains("4 messages"), "a filter alone lists Summit's messages and the bulk sent to it");
    }

    @Test
    void pagesOfResults() {
        f.host.actAs(f.acmeManager());
        tester.startPage(MessageSearchPage.class, new PageParameters().set("q", "after:2000-01-01").set("sort", "date"));
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Page 1 of 1"));
        assertTrue(html.contains("13 messages"));
    }

    @Test
    void partnerMembersSearchOnlyTheirMessages() {
        f.host.actAs(f.member(f.leo, f.acme.id()));
        tester.startPage(PortalMessageSearchPage.class, new PageParameters().set("q", "spotlight"));
        assertTrue(tester.getLastResponseAsString().contains("No messages found"));
        tester.startPage(PortalMessageSearchPage.class, new PageParameters().set("q", "payout"));
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<mark>Payout</mark> question"));
        assertTrue(html.contains("portal/conversation/102#message-3"));
    }

    @Test
    void searchPagesSurviveSerialization() {
        brand("spring");
        Page page = tester.getLastRenderedPage();
        JavaSerializer serializer = new JavaSerializer(tester.getApplication().getApplicationKey());
        byte[] bytes = serializer.serialize(page);
        assertNotNull(bytes);
        assertNotNull(serializer.deserialize(bytes));
    }

    @Test
    void garbageInTheAddressIsIgnored() {
        f.host.actAs(f.acmeManager());
        tester.startPage(MessageSearchPage.class, new PageParameters().set("q", "paypal").set("page", "abc")
                .set("manager", "x").set("status", "NOPE").set("state", "<b>").set("sort", "sideways"));
        tester.assertRenderedPage(MessageSearchPage.class);
        assertTrue(tester.getLastResponseAsString().contains("<mark>PayPal</mark>"));
        tester.startPage(MessageSearchPage.class, new PageParameters().set("q", "paypal").set("page", "-5"));
        assertTrue(tester.getLastResponseAsString().contains("<mark>PayPal</mark>"));
    }

    @Test
    void theSearchBoxOpensTheSearchPage() {
        f.host.actAs(f.member(f.mia, f.acme.id()));
        tester.startComponentInPage(new SearchBoxPanel("box", PortalMessageSearchPage.class));
        FormTester form = tester.newFormTester("box:form");
        form.setValue("q", " spotlight ");
        form.submit();
        tester.assertRenderedPage(PortalMessageSearchPage.class);
        assertEquals("spotlight", tester.getLastRenderedPage().getPageParameters().get("q").toString());
        assertTrue(tester.getLastResponseAsString().contains("Creator <mark>spotlight</mark>"));
    }

    @Test
    void onlyPlatformAdminsSeeTheIndexAndRebuildIt() {
        CurrentUser accountAdmin = FixtureHost.brandUser(3, f.acme.id(), "Ada Admin", Permissions.ADMINISTER);
        f.host.actAs(accountAdmin);
        tester.startPage(SearchIndexPage.class, new PageParameters());
        assertEquals(403, tester.getLastResponse().getStatus(), "the index serves every program");

        CurrentUser root = new CurrentUser(4, UserKind.BRAND, "Root", "root@parley.test", f.acme.id(), null, Set.of(),
                Set.of(), true, accountAdmin.zoneId(), Locale.ENGLISH);
        f.host.actAs(root);
        tester.startPage(SearchIndexPage.class, new PageParameters());
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Ready"));
        assertTrue(html.contains(">14<"), "documents in the index: " + html);
        tester.assertVisible("rebuild");
        tester.newFormTester("rebuild").submit();
        tester.assertInfoMessages("The rebuild has started.");
        plugin.services().search().index().awaitRebuild();
        tester.startPage(SearchIndexPage.class, new PageParameters());
        html = tester.getLastResponseAsString();
        assertTrue(html.contains("requested by root@parley.test"), html);
        assertTrue(html.contains("14 of 14 messages (100%)"), html);
    }
}
