package dev.parley.messaging.search;

import static dev.parley.messaging.search.SearchAssertions.byDate;
import static dev.parley.messaging.search.SearchAssertions.byRelevance;
import static dev.parley.messaging.search.SearchAssertions.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.user.CurrentUser;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exact hit lists on the fixed multilingual corpus (see {@link SearchFixture}), for a brand user of Acme. */
class GoldenQueryTest {

    private static SearchFixture f;
    private static CurrentUser nora;

    @BeforeAll
    static void corpus() {
        f = new SearchFixture("golden");
        nora = f.acmeManager();
        f.store.markUnread(SearchFixture.C_PAYOUT, true);
        f.store.markUnread(SearchFixture.C_SPRING, false);
    }

    @AfterAll
    static void close() throws Exception {
        f.close();
    }

    private static List<String> q(String query) {
        return byDate(f.service, nora, query);
    }

    @Test
    void englishWordsPhrasesAndPrefixes() {
        assertEquals(List.of("M2", "M1"), q("spring"));
        assertEquals(List.of("M2", "M1"), q("SPRING Campaign"));
        assertEquals(List.of("M2", "M1"), q("\"spring campaign\""));
        assertEquals(List.of(), q("\"campaign spring\""));
        assertEquals(List.of("B2", "M2", "M1"), q("review"));
        assertEquals(List.of("M4", "M3"), q("payout"));
        assertEquals(List.of("B1", "M4", "M3"), q("payout*"));
        assertEquals(List.of("M3"), q("paypal"));
        assertEquals(List.of("M4", "M3"), q("leo"));
        assertEquals(List.of("B2", "B1", "M2", "M1", "M4", "M3"), q("trailhead"));
        assertEquals(List.of("M1"), q("brief"), "a word of an attachment file name");
    }

    @Test
    void chineseIsFoundByWordsNotScatteredCharacters() {
        assertEquals(List.of("M8", "M6", "M5"), q("合作伙伴"));
        // M7 holds 病, 毒, 扫 and 描 but never side by side: it must not match
        assertEquals(List.of("M8", "M6"), q("病毒扫描"));
        assertEquals(List.of("M8"), q("收件箱"));
        assertEquals(List.of("M5"), q("社区经理"));
        assertEquals(List.of("M1", "M8", "M6"), q("pdf"), "English inside Chinese text, and file names");
        assertEquals(List.of("M8", "M6"), q("病毒扫描 pdf"));
        assertEquals(List.of("M6"), q("合同"), "a Chinese attachment name");
        assertEquals(List.of("M7"), q("扫码"));
    }

    @Test
    void japaneseAndKorean() {
        assertEquals(List.of("M9"), q("パートナー"));
        assertEquals(List.of("M9"), q("送信"));
        assertEquals(List.of("M10"), q("파트너"));
    }

    @Test
    void markupIsNotIndexed() {
        assertEquals(List.of(), q("student"), "a word only in a link address of the seed");
        assertEquals(List.of(), q("209022bdb234289211a24a980f6227a8684cc439"), "an image path");
        assertEquals(List.of(), q("hint"), "a template tag");
        assertEquals(List.of("M5"), q("PXA"), "the link text stays");
    }

    @Test
    void relevanceRanksTheBestMatchFirst() {
        assertEquals(List.of("M1", "M2"), byRelevance(f.service, nora, "spring campaign"));
        // M7 (the decoy) has a short body with "扫码" once; the seed parts are long: the subject match wins
        assertEquals(List.of("M7"), byRelevance(f.service, nora, "扫码"));
        assertEquals(Set.of("M8", "M6"), Set.copyOf(byRelevance(f.service, nora, "病毒扫描")));
    }

    @Test
    void filters() {
        assertEquals(List.of("M2"), q("from:\"Mia Chen\""));
        assertEquals(List.of("M2"), q("from:mia"));
        assertEquals(List.of("M1"), q("from:nora spring"));
        assertEquals(List.of("B1", "M10", "M9"), q("partner:summit"));
        assertEquals(List.of("M4", "M3"), q("partner:\"Leo Park\""));
        assertEquals(List.of("M8", "M7", "M6", "M5"), q("partner:星河"));
        assertEquals(List.of("M4"), q("channel:sms"));
        assertEquals(List.of("B1", "M2", "M3", "M9"), q("channel:email"));
        assertEquals(List.of("M3"), q("payout channel:email"));
        assertEquals(List.of("B1", "M1", "M6"), q("has:attachment"));
        assertEquals(List.of("M6", "M5"), q("before:2026-01-13"));
        assertEquals(List.of("B2", "B1", "M2"), q("after:2026-03-02"));
        assertEquals(List.of("M3", "M10", "M9"), q("after:2026/02/01 before:2026-02-21"));
        assertEquals(List.of(), q("after:2026-03-01 before:2026-02-01"));
        assertEquals(List.of("M4", "M3"), q("is:unread"));
        assertEquals(List.of("M4"), q("is:unread channel:sms"));
    }

    @Test
    void datesAreDaysInTheUsersZone() {
        CurrentUser tokyo = new CurrentUser(nora.userId(), nora.kind(), nora.displayName(), nora.email(), nora.programId(),
                null, nora.roles(), nora.permissions(), false, ZoneId.of("Asia/Tokyo"), nora.locale());
        // M2 was sent 2026-03-02T08:00Z = 17:00 in Tokyo; M1 2026-03-01T10:00Z = 19:00 in Tokyo
        assertEquals(List.of("B2", "B1", "M2"), byDate(f.service, tokyo, "after:2026-03-02"));
        assertEquals(List.of("M1"), byDate(f.service, tokyo, "spring before:2026-03-02"));
    }

    @Test
    void partnerMembersSeeTheirOwnUnread() {
        CurrentUser mia = f.member(f.mia, f.acme.id());
        assertEquals(List.of("M2", "M1"), byDate(f.service, mia, "is:unread"));
    }

    @Test
    void inboxFiltersCombineWithTheQuery() {
        SearchRequest base = new SearchRequest("payout*", SearchRequest.Sort.DATE, 0, 50, null, null, null);
        assertEquals(List.of("B1"), keys(f.service.search(nora, base.withPartners(PartnerFilter.allOf(PartnerRule.tag("vip"))))));
        assertEquals(List.of("M4", "M3"), keys(f.service.search(nora,
                base.withPartners(PartnerFilter.allOf(PartnerRule.partnerIn(Set.of(f.trailhead)))).withConversation(SearchFixture.C_PAYOUT))));
        SearchRequest korean = new SearchRequest("파트너", SearchRequest.Sort.DATE, 0, 50, null, null, null);
        assertEquals(List.of("M10"), keys(f.service.search(nora,
                korean.withPartners(PartnerFilter.allOf(PartnerRule.status(PartnershipStatus.PENDING))))));
        assertEquals(List.of(), keys(f.service.search(nora,
                korean.withPartners(PartnerFilter.allOf(PartnerRule.status(PartnershipStatus.APPROVED))))));
        SearchRequest spring = new SearchRequest("spring", SearchRequest.Sort.DATE, 0, 50, null, null, null);
        assertEquals(List.of("M2", "M1"), keys(f.service.search(nora, spring.withStates(Set.of(MessageDocument.State.OPEN)))));
        assertEquals(List.of(), keys(f.service.search(nora, spring.withStates(Set.of(MessageDocument.State.SPAM)))));
    }

    @Test
    void malformedInputDegradesToWords() {
        assertEquals(List.of("M2", "M1"), q("\"spring campaign"), "unclosed quote");
        assertEquals(List.of("M2", "M1"), q("review campaign:"), "a dangling filter");
        assertEquals(List.of(), q("payout channel:fax"), "unknown channel: plain words");
        assertEquals(List.of(), q("before:2026-13-45 payout"), "bad date: plain words");
        assertEquals(List.of(), q("*"));
        assertEquals(List.of(), q("s*"));
        assertEquals(List.of(), q("kickoff AND (spring OR"));
        assertEquals(List.of(), q("\"\" :: \\ ) ( ] [ ~ ^ !"));
        assertEquals(List.of("M2", "M1"), q("spring" + " ".repeat(600) + "zzzz"), "input past the limit is ignored");
        assertEquals(List.of(), q("spring " + "x".repeat(20_000)), "a huge word is just a word");
        assertEquals(List.of(), q(""));
        assertEquals(List.of(), q(null));
    }

    @Test
    void pagesAndExactTotals() {
        SearchRequest r = new SearchRequest("trailhead", SearchRequest.Sort.DATE, 0, 4, null, null, null);
        SearchResults first = f.service.search(nora, r);
        assertEquals(List.of("B2", "B1", "M2", "M1"), keys(first));
        assertEquals(6, first.total());
        assertFalse(first.totalIsLowerBound());
        assertTrue(first.hasNext());
        assertEquals(2, first.pages());
        SearchResults second = f.service.search(nora, r.withPage(1));
        assertEquals(List.of("M4", "M3"), keys(second));
        assertFalse(second.hasNext());
        assertEquals(List.of(), keys(f.service.search(nora, r.withPage(5))));
    }

    @Test
    void hitsCarryTheirConversation() {
        SearchResults r = f.service.search(nora, SearchRequest.of("paypal", SearchRequest.Sort.DATE));
        SearchHit hit = r.hits().get(0);
        assertEquals(SearchFixture.C_PAYOUT, hit.conversationId());
        assertEquals(3, hit.id());
        assertEquals("Nora Brand", hit.senderName());
        assertEquals("Trailhead Media", hit.partnerNames());
        assertEquals(MessageDocument.Channel.EMAIL, hit.channel());
        assertEquals(SearchFixture.at("2026-02-20T09:00:00Z"), hit.sentAt());
        SearchHit bulk = f.service.search(nora, SearchRequest.of("spotlight", SearchRequest.Sort.DATE)).hits().get(0);
        assertEquals(MessageDocument.Kind.BULK, bulk.kind());
        assertEquals(null, bulk.conversationId());
    }
}
