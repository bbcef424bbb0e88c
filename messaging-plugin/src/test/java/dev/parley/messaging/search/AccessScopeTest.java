package dev.parley.messaging.search;

import static dev.parley.messaging.search.SearchAssertions.byDate;
import static dev.parley.messaging.search.SearchAssertions.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.testing.FixtureHost;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingPlugin;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access is part of the query: for every role, a search matching everything returns exactly the
 * messages the role may read, computed here independently from the corpus.
 */
class AccessScopeTest {

    private static SearchFixture f;

    @BeforeAll
    static void corpus() {
        f = new SearchFixture("access");
    }

    @AfterAll
    static void close() throws Exception {
        f.close();
    }

    /** The rule, written out: what the user may read. */
    private static boolean mayRead(CurrentUser u, MessageDocument m) {
        if (m.programId() != u.programId()) {
            return false;
        }
        if (u.isBrand()) {
            return true;
        }
        if (m.kind() == MessageDocument.Kind.MESSAGE) {
            return m.partnerId().equals(u.partnerId()) && (m.memberId() == null || m.memberId() == u.userId());
        }
        return m.recipientPartnerIds().contains(u.partnerId()) || m.recipientMembers().containsKey(u.userId());
    }

    private static List<CurrentUser> everyone() {
        return List.of(f.acmeManager(), f.boltManager(), f.member(f.mia, f.acme.id()), f.member(f.leo, f.acme.id()),
                f.member(f.wang, f.acme.id()), f.member(f.kenji, f.acme.id()), f.member(f.mia, f.bolt.id()),
                f.member(f.leo, f.bolt.id()));
    }

    @Test
    void everyRoleSeesExactlyWhatItMayRead() {
        for (CurrentUser u : everyone()) {
            Set<String> expected = f.corpus().stream().filter(m -> mayRead(u, m)).map(MessageDocument::key)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> found = new TreeSet<>(byDate(f.service, u, "after:2000-01-01"));
            assertEquals(expected, found, u.displayName() + " in program " + u.programId());
            for (String word : List.of("spring", "payout*", "review", "合作伙伴", "trailhead", "spotlight", "has:attachment")) {
                for (String key : byDate(f.service, u, word)) {
                    assertEquals(true, expected.contains(key), u.displayName() + " found " + key + " with " + word);
                }
            }
        }
    }

    @Test
    void brandUsersStayInTheirProgram() {
        assertEquals(List.of("M11"), byDate(f.service, f.boltManager(), "spring"));
        assertEquals(List.of("M11"), byDate(f.service, f.boltManager(), "payout"));
        assertEquals(List.of(), byDate(f.service, f.acmeManager(), "bolt"));
    }

    @Test
    void membersSeeTeamConversationsTheirOwnAndBulkMessagesAddressedToThem() {
        CurrentUser leo = f.member(f.leo, f.acme.id());
        CurrentUser mia = f.member(f.mia, f.acme.id());
        assertEquals(List.of("B1", "M4", "M3"), byDate(f.service, leo, "payout*"));
        assertEquals(List.of("M2", "M1"), byDate(f.service, leo, "review"), "not Mia's spotlight");
        assertEquals(List.of(), byDate(f.service, leo, "spotlight"));
        assertEquals(List.of(), byDate(f.service, mia, "payout"), "Leo's own conversation");
        assertEquals(List.of("B2"), byDate(f.service, mia, "spotlight"));
        assertEquals(List.of("M8", "M6", "M5"), byDate(f.service, f.member(f.wang, f.acme.id()), "合作伙伴"));
        assertEquals(List.of(), byDate(f.service, f.member(f.wang, f.acme.id()), "spring"));
        assertEquals(List.of("B1"), byDate(f.service, f.member(f.kenji, f.acme.id()), "schedule"));
        assertEquals(List.of("M11"), byDate(f.service, f.member(f.mia, f.bolt.id()), "spring"), "the same partner in another program");
    }

    @Test
    void requestFieldsCannotWidenTheScope() {
        CurrentUser leo = f.member(f.leo, f.acme.id());
        SearchRequest r = new SearchRequest("合作伙伴", SearchRequest.Sort.DATE, 0, 50,
                PartnerFilter.allOf(PartnerRule.partnerIn(Set.of(f.xinghe))), null, SearchFixture.C_ZH);
        assertEquals(List.of(), keys(f.service.search(leo, r)), "another partner's conversation, asked for by id");
        SearchRequest bolt = new SearchRequest("spring", SearchRequest.Sort.DATE, 0, 50, null, null, SearchFixture.C_BOLT);
        assertEquals(List.of(), keys(f.service.search(f.acmeManager(), bolt)), "another program's conversation, asked for by id");
    }

    @Test
    void usersWithoutMessagingAreRefused() {
        CurrentUser analyst = FixtureHost.brandUser(9, f.acme.id(), "Ann Analyst", Permissions.VIEW_PARTNERS);
        assertThrows(SecurityException.class, () -> f.service.search(analyst, SearchRequest.of("spring", null)));
        assertThrows(SecurityException.class, () -> f.service.search(null, SearchRequest.of("spring", null)));
        f.host.disableFeature(f.bolt.id(), MessagingPlugin.FEATURE);
        try {
            assertThrows(SecurityException.class, () -> f.service.search(f.boltManager(), SearchRequest.of("spring", null)));
            assertThrows(SecurityException.class,
                    () -> f.service.search(f.member(f.mia, f.bolt.id()), SearchRequest.of("spring", null)));
        } finally {
            f.host.enableFeature(f.bolt.id(), MessagingPlugin.FEATURE);
        }
    }
}
