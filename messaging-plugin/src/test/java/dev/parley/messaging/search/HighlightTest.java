package dev.parley.messaging.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.user.CurrentUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Snippets: matches in {@code <mark>}, everything else HTML-escaped, Chinese marked as words. */
class HighlightTest {

    private static SearchFixture f;
    private static CurrentUser nora;

    @BeforeAll
    static void corpus() {
        f = new SearchFixture("highlight");
        nora = f.acmeManager();
        f.store.save(MessageDocument.message(30, 130, f.acme.id(), f.summit, null, "<b>Bold</b> claims & <i>offers</i>",
                "Plain text with a literal <script>alert('x')</script> tag and the word zebra.", "Nora Brand",
                MessageDocument.SenderKind.BRAND, "Summit Deals", null, null, MessageDocument.Channel.APP,
                SearchFixture.at("2026-04-01T09:00:00Z"), null));
        f.index.catchUp();
    }

    @AfterAll
    static void close() throws Exception {
        f.close();
    }

    private static SearchHit first(String query) {
        return f.service.search(nora, SearchRequest.of(query, SearchRequest.Sort.DATE)).hits().get(0);
    }

    @Test
    void wordsAreMarkedInSubjectAndBody() {
        SearchHit h = first("spring");
        assertEquals("Re: <mark>Spring</mark> campaign kickoff", h.subjectHtml());
        SearchHit m1 = f.service.search(nora, SearchRequest.of("spring", SearchRequest.Sort.DATE)).hits().get(1);
        assertEquals("Hi team, the <mark>spring</mark> campaign starts on March 3. Please review the attached brief.",
                m1.snippetHtml(), "Markdown emphasis is gone, the word is marked");
    }

    @Test
    void phrasesAreMarkedAsOne() {
        assertEquals("Re: <mark>Spring campaign</mark> kickoff", first("\"spring campaign\"").subjectHtml());
    }

    @Test
    void prefixesMarkEveryCompletion() {
        SearchHit b1 = first("payout*");
        assertEquals("<mark>Payouts</mark> during the holidays are delayed by two days. See the schedule.", b1.snippetHtml());
    }

    @Test
    void chineseWordsAreMarkedWhole() {
        SearchHit h = first("病毒扫描");
        assertTrue(h.snippetHtml().contains("所有收发附件都会进行<mark>病毒扫描</mark>。"), h.snippetHtml());
        assertFalse(h.snippetHtml().contains("<mark>病</mark>"), h.snippetHtml());
    }

    @Test
    void everythingButTheMarksIsEscaped() {
        SearchHit h = first("paypal");
        assertEquals("Hello Leo, Your payout for February was sent via <mark>PayPal</mark> &amp; should arrive soon.",
                h.snippetHtml(), "the e-mail's HTML is stripped, its entity decoded and escaped again");
        assertEquals("Got the payout, <mark>thanks</mark> &lt;3",
                f.service.search(nora, SearchRequest.of("thanks", SearchRequest.Sort.DATE)).hits().get(1).snippetHtml());
        SearchHit tags = first("offers");
        assertEquals("&lt;b&gt;Bold&lt;/b&gt; claims &amp; &lt;i&gt;<mark>offers</mark>&lt;/i&gt;", tags.subjectHtml());
        assertFalse(first("zebra").snippetHtml().contains("<script"), "a script in a body never reaches the page");
    }

    @Test
    void filterOnlySearchesShowTheStartOfTheBody() {
        SearchHit h = first("has:attachment");
        assertEquals("Holiday schedule", h.subjectHtml());
        assertEquals("Payouts during the holidays are delayed by two days. See the schedule.", h.snippetHtml());
        SearchHit longOne = f.service.search(nora, SearchRequest.of("has:attachment", SearchRequest.Sort.DATE)).hits().get(2);
        assertTrue(longOne.snippetHtml().endsWith("…"), longOne.snippetHtml());
        assertTrue(longOne.snippetHtml().length() <= SearchService.SNIPPET_LENGTH + 1);
    }
}
