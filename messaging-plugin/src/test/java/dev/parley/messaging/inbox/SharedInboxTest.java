package dev.parley.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.event.PartnerUpdated;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ConversationService;
import dev.parley.messaging.conversation.ConversationStatus;
import dev.parley.messaging.testing.MessagingFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The brand team's shared inbox on a real MariaDB: shared read state, views, every filter, keyset pages. */
class SharedInboxTest {

    private MessagingFixture f;
    private ConversationService conversations;
    private InboxService inbox;

    @BeforeEach
    void setUp() {
        f = new MessagingFixture("inbox");
        conversations = f.services.conversations();
        inbox = f.services.inbox();
    }

    private List<Long> ids(CurrentUser viewer, InboxFilter filter) {
        return inbox.page(viewer, filter, null, 50).rows().stream().map(r -> r.conversation().id()).toList();
    }

    private Conversation fromPartner(dev.parley.api.partner.PartnerMember m, String text) {
        f.host.mutableClock().advance(Duration.ofMinutes(1));
        return conversations.startByPartner(f.member(m), null, text, List.of());
    }

    @Test
    void aConversationReadByOneTeammateIsReadForAllAndAnyTeammateCanMarkItUnread() {
        Conversation c = fromPartner(f.maya, "Hi, where is my commission report?");
        CurrentUser carlos = f.carlosUser();
        CurrentUser chloe = f.chloeUser();
        assertEquals(1, inbox.unread(carlos));
        assertEquals(1, inbox.unread(chloe));
        assertEquals(List.of(c.id()), ids(chloe, InboxFilter.all().withView(InboxView.UNREAD)));

        conversations.open(carlos, c.id());
        assertEquals(0, inbox.unread(chloe), "read by Carlos means read for Chloe");
        assertEquals(List.of(), ids(chloe, InboxFilter.all().withView(InboxView.UNREAD)));
        assertEquals(List.of(c.id()), ids(chloe, InboxFilter.all()), "still in All");
        assertFalse(inbox.page(chloe, InboxFilter.all(), null, 50).rows().get(0).conversation().brandUnread());

        conversations.markUnread(chloe, c.id());
        assertEquals(1, inbox.unread(carlos), "marked unread by Chloe, unread for Carlos");
        assertEquals(List.of(c.id()), ids(carlos, InboxFilter.all().withView(InboxView.UNREAD)));

        conversations.reply(carlos, c.id(), "Sent it to you just now.", List.of(), false);
        assertEquals(0, inbox.unread(chloe), "the team's own reply leaves it read");
        fromReply(c);
        assertEquals(1, inbox.unread(chloe), "a partner reply makes it unread for the team again");
    }

    private void fromReply(Conversation c) {
        f.host.mutableClock().advance(Duration.ofMinutes(1));
        conversations.reply(f.member(f.maya), c.id(), "Thanks!", List.of(), false);
    }

    @Test
    void doneAndSpamViewsAndAPartnerReplyReopensADoneConversation() {
        Conversation a = fromPartner(f.maya, "Question A");
        Conversation b = fromPartner(f.leo, "Buy cheap watches");
        CurrentUser carlos = f.carlosUser();
        conversations.setStatus(carlos, a.id(), ConversationStatus.DONE);
        conversations.setStatus(carlos, b.id(), ConversationStatus.SPAM);
        assertEquals(List.of(), ids(carlos, InboxFilter.all()));
        assertEquals(List.of(a.id()), ids(carlos, InboxFilter.all().withView(InboxView.DONE)));
        assertEquals(List.of(b.id()), ids(carlos, InboxFilter.all().withView(InboxView.SPAM)));

        fromReply(a);
        assertEquals(List.of(a.id()), ids(carlos, InboxFilter.all()), "reopened by the partner's reply");
        f.host.mutableClock().advance(Duration.ofMinutes(1));
        conversations.reply(f.member(f.leo), b.id(), "more spam", List.of(), false);
        assertEquals(List.of(b.id()), ids(carlos, InboxFilter.all().withView(InboxView.SPAM)), "spam stays spam");
    }

    @Test
    void everyFilterAloneAndCombined() {
        CurrentUser carlos = f.carlosUser();
        Conversation t = fromPartner(f.maya, "from Trail (VIP, Influencers, approved, Winter Jackets, Carlos)");
        Conversation s = fromPartner(f.leo, "from Summit (Coupon sites, pending, Kayak Rentals, Chloe)");
        Conversation c = fromPartner(f.cora, "from Cedar (declined, no manager)");
        Conversation toMember = conversations.start(carlos, f.trail.id(), f.tom.id(), "Hello Tom", "Hi Tom", List.of());

        assertEquals(List.of(toMember.id(), c.id(), s.id(), t.id()), ids(carlos, InboxFilter.all()), "newest first");
        assertEquals(List.of(toMember.id(), t.id()), ids(carlos, filter("VIP", null, null, null, null, null)));
        assertEquals(List.of(toMember.id(), t.id()), ids(carlos, filter("Influencers", null, null, null, null, null)));
        assertEquals(List.of(s.id()), ids(carlos, filter(null, f.chloe.id(), null, null, null, null)));
        assertEquals(List.of(c.id()), ids(carlos, filter(null, 0L, null, null, null, null)), "unassigned");
        assertEquals(List.of(s.id()), ids(carlos, filter(null, null, PartnershipStatus.PENDING, null, null, null)));
        assertEquals(List.of(c.id()), ids(carlos, filter(null, null, PartnershipStatus.DECLINED, null, null, null)));
        assertEquals(List.of(s.id()), ids(carlos, filter(null, null, null, f.kayak.id(), null, null)));
        assertEquals(List.of(toMember.id(), t.id()), ids(carlos, filter(null, null, null, null, "Acme Apparel", null)));
        assertEquals(List.of(toMember.id(), t.id()), ids(carlos, filter(null, null, null, null, null, f.trail.id())));
        // combined: the partner's group, its manager and its campaign
        assertEquals(List.of(toMember.id(), t.id()),
                ids(carlos, filter("Influencers", f.carlos.id(), PartnershipStatus.APPROVED, f.winter.id(), "Acme Apparel", null)));
        assertEquals(List.of(), ids(carlos, filter("VIP", f.chloe.id(), null, null, null, null)));
        // filters combine with the views
        conversations.open(carlos, t.id());
        assertEquals(List.of(), ids(carlos, filter("VIP", null, null, null, null, null).withView(InboxView.UNREAD)));
        // a filter value from another program finds nothing in this one
        assertEquals(List.of(), ids(carlos, filter(null, null, null, 999_999L, null, null)));
    }

    private static InboxFilter filter(String tag, Long manager, PartnershipStatus status, Long offer, String client,
            Long partner) {
        return new InboxFilter(InboxView.ALL, tag, manager, status, offer, client, partner);
    }

    @Test
    void assignmentAndPartnerChangesMoveConversationsBetweenFilters() {
        CurrentUser carlos = f.carlosUser();
        Conversation t = fromPartner(f.maya, "hello");
        conversations.assign(carlos, t.id(), f.chloe.id());
        assertEquals(List.of(t.id()), ids(carlos, filter(null, f.chloe.id(), null, null, null, null)));
        assertEquals(List.of(), ids(carlos, filter(null, f.carlos.id(), null, null, null, null)));
        assertEquals("Chloe Manager", inbox.page(carlos, InboxFilter.all(), null, 50).rows().get(0).assigneeName());

        // The host reports new groups for the partner: the copy used by the inbox follows.
        f.host.directory().addPartner(f.acme.id(), f.trail.id(), "Trail Blazers Media", "hello@trailblazers.test",
                PartnershipStatus.APPROVED, List.of("EMEA"), f.carlos, f.trail.joinedAt());
        f.host.events().publish(new PartnerUpdated(f.acme.id(), f.trail.id()));
        conversations.refreshPartner(f.acme.id(), f.trail.id());
        assertEquals(List.of(t.id()), ids(carlos, filter("EMEA", null, null, null, null, null)));
        assertEquals(List.of(), ids(carlos, filter("VIP", null, null, null, null, null)));
    }

    @Test
    void keysetPagesWalkTheWholeInboxWithoutGapsOrRepeats() {
        CurrentUser carlos = f.carlosUser();
        for (int i = 0; i < 7; i++) {
            fromPartner(i % 2 == 0 ? f.maya : f.leo, "message " + i);
        }
        // two conversations with the very same time: the id breaks the tie
        conversations.startByPartner(f.member(f.tom), null, "same time A", List.of());
        conversations.startByPartner(f.member(f.tom), null, "same time B", List.of());
        conversations.open(carlos, ids(carlos, InboxFilter.all()).get(3));
        java.util.List<Long> seen = new java.util.ArrayList<>();
        InboxCursor cursor = null;
        int pages = 0;
        do {
            InboxService.InboxPageResult page = inbox.page(carlos, InboxFilter.all(), cursor, 3);
            page.rows().forEach(r -> seen.add(r.conversation().id()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(ids(carlos, InboxFilter.all()), seen);
        assertEquals(9, new java.util.HashSet<>(seen).size());
        assertNull(inbox.page(carlos, InboxFilter.all(), null, 9).next());
        assertNotNull(InboxCursor.parse(inbox.page(carlos, InboxFilter.all(), null, 2).next().toString()).orElse(null));
    }

    @Test
    void filtersSurviveTheUrl() {
        InboxFilter filter = new InboxFilter(InboxView.UNREAD, "VIP", 12L, PartnershipStatus.PENDING, 5L, "Acme Water", 7L);
        assertEquals(filter, InboxFilter.of(filter.toParameters()));
        var garbage = new org.apache.wicket.request.mapper.parameter.PageParameters().set("view", "nope")
                .set("manager", "x").set("status", "'; DROP TABLE").set("offer", "1e9");
        assertEquals(InboxFilter.all(), InboxFilter.of(garbage));
    }

    @Test
    void noPermissionOrNoPlanMeansNoInbox() {
        fromPartner(f.maya, "hi");
        CurrentUser analyst = dev.parley.api.testing.FixtureHost.brandUser(f.carlos.id(), f.acme.id(), "Ana Analyst");
        assertEquals("error.denied", assertThrows(MessagingException.class,
                () -> inbox.page(analyst, InboxFilter.all(), null, 50)).key());
        assertThrows(MessagingException.class, () -> inbox.unread(f.member(f.maya)), "partners have no brand inbox");
        f.host.disableFeature(f.acme.id(), dev.parley.messaging.MessagingPlugin.FEATURE);
        assertEquals("error.denied", assertThrows(MessagingException.class,
                () -> inbox.page(f.carlosUser(), InboxFilter.all(), null, 50)).key());
        assertThrows(MessagingException.class, () -> conversations.startByPartner(f.member(f.maya), null, "x", List.of()));
    }

    @Test
    void searchFindsPartnersOfTheOwnProgramByNameOrEmail() {
        assertEquals(List.of(f.trail.id()), inbox.findPartners(f.carlosUser(), "trailblazers", 10).stream()
                .map(p -> p.id()).toList());
        assertEquals(List.of(f.summit.id()), inbox.findPartners(f.carlosUser(), "Summit", 10).stream()
                .map(p -> p.id()).toList());
        assertTrue(inbox.findPartners(f.carlosUser(), " ", 10).isEmpty());
    }
}
