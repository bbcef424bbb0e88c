package dev.parley.messaging.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.testing.FixtureHost;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.settings.ProgramSettings;
import dev.parley.messaging.testing.MessagingFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who sees which conversation, and the program's messaging rules. */
class ConversationRulesTest {

    private MessagingFixture f;
    private ConversationService conversations;

    @BeforeEach
    void setUp() {
        f = new MessagingFixture("rules");
        conversations = f.services.conversations();
    }

    @Test
    void aPartnerNeverSeesAnotherPartnersConversation() {
        CurrentUser carlos = f.carlosUser();
        Conversation summitThread = conversations.start(carlos, f.summit.id(), null, "Kayak offer", "Hi Summit", List.of());
        Conversation trailTeam = conversations.start(carlos, f.trail.id(), null, "Team news", "Hi all", List.of());
        Conversation tomOnly = conversations.start(carlos, f.trail.id(), f.tom.id(), "Just Tom", "Hi Tom", List.of());
        CurrentUser maya = f.member(f.maya);
        CurrentUser tom = f.member(f.tom);

        assertEquals(List.of(trailTeam.id()), conversations.partnerConversations(maya, null, 50).stream()
                .map(Conversation::id).toList());
        assertEquals(List.of(tomOnly.id(), trailTeam.id()), conversations.partnerConversations(tom, null, 50).stream()
                .map(Conversation::id).toList());
        for (long other : List.of(summitThread.id(), tomOnly.id())) {
            assertEquals("error.notFound", assertThrows(MessagingException.class, () -> conversations.find(maya, other)).key());
            assertThrows(MessagingException.class, () -> conversations.open(maya, other));
            assertThrows(MessagingException.class, () -> conversations.messages(maya, other, 0));
            assertThrows(MessagingException.class, () -> conversations.reply(maya, other, "sneaky", List.of(), false));
        }
        assertEquals(1, conversations.unreadForPartner(maya));
        assertEquals(2, conversations.unreadForPartner(tom));
        conversations.open(maya, trailTeam.id());
        assertEquals(1, conversations.unreadForPartner(tom), "the partner side shares its read state too");
        // A partner of the same program, and a partner member acting in another program, see nothing either.
        assertThrows(MessagingException.class, () -> conversations.find(f.member(f.leo), trailTeam.id()));
        f.host.enableFeature(f.bolt.id(), MessagingPlugin.FEATURE);
        CurrentUser mayaInBolt = FixtureHost.partnerMember(f.maya.id(), f.bolt.id(), f.trail.id(), "Maya");
        assertThrows(MessagingException.class, () -> conversations.find(mayaInBolt, trailTeam.id()));
        CurrentUser boltManager = FixtureHost.brandUser(4242, f.bolt.id(), "Bea", Permissions.MESSAGING);
        assertEquals("error.notFound", assertThrows(MessagingException.class,
                () -> conversations.find(boltManager, trailTeam.id())).key());
    }

    @Test
    void aBrandUserCanOnlyWriteToPartnersAndMembersOfTheOwnProgram() {
        CurrentUser carlos = f.carlosUser();
        assertThrows(MessagingException.class,
                () -> conversations.start(carlos, 999_999L, null, "x", "y", List.of()));
        assertThrows(MessagingException.class,
                () -> conversations.start(carlos, f.trail.id(), f.leo.id(), "x", "Leo is not Trail's member", List.of()));
        CurrentUser noPermission = FixtureHost.brandUser(f.carlos.id(), f.acme.id(), "Carlos");
        assertEquals("error.denied", assertThrows(MessagingException.class,
                () -> conversations.start(noPermission, f.trail.id(), null, "x", "y", List.of())).key());
    }

    @Test
    void theSubjectDefaultsToTheFirstLine() {
        Conversation c = conversations.startByPartner(f.member(f.maya), "  ", "Payout question\nWhen is it due?", List.of());
        assertEquals("Payout question", c.subject());
        assertEquals(AuthorKind.PARTNER, c.startedBy());
        assertEquals(f.carlos.id(), c.assigneeId(), "assigned to the partner's manager");
        Message first = conversations.messages(f.carlosUser(), c.id(), 0).get(0);
        assertEquals("Maya Garcia", first.authorName());
        assertEquals(Channel.APP, first.channel());
    }

    @Test
    void theProgramDecidesWhetherPartnersMayStartConversations() {
        CurrentUser admin = FixtureHost.brandUser(f.carlos.id(), f.acme.id(), "Owner", Permissions.ADMINISTER);
        f.services.settings().save(admin, new ProgramSettings(false, 5000, 60));
        MessagingException e = assertThrows(MessagingException.class,
                () -> conversations.startByPartner(f.member(f.maya), "Hi", "Can I ask?", List.of()));
        assertEquals("error.partnersMayNotStart", e.key());
        // They may still answer the team.
        Conversation c = conversations.start(f.carlosUser(), f.trail.id(), null, "News", "Hello", List.of());
        conversations.reply(f.member(f.maya), c.id(), "Thanks", List.of(), false);
        assertThrows(MessagingException.class, () -> f.services.settings().save(f.carlosUser(),
                new ProgramSettings(true, 5000, 60)), "only account admins change the rules");
    }

    @Test
    void messagesLongerThanTheLimitAreRefusedWithTheLimit() {
        CurrentUser admin = FixtureHost.brandUser(f.carlos.id(), f.acme.id(), "Owner", Permissions.ADMINISTER);
        f.services.settings().save(admin, new ProgramSettings(true, 20, 60));
        MessagingException e = assertThrows(MessagingException.class, () -> conversations.start(f.carlosUser(),
                f.trail.id(), null, "Hi", "This message is clearly longer than twenty characters", List.of()));
        assertEquals("error.tooLong", e.key());
        assertEquals(Map.of("max", 20, "length", 53), e.params());
        assertTrue(conversations.partnerConversations(f.member(f.maya), null, 10).isEmpty(), "nothing stored");
        assertEquals("error.empty", assertThrows(MessagingException.class,
                () -> conversations.start(f.carlosUser(), f.trail.id(), null, "Hi", "  \n ", List.of())).key());
    }

    @Test
    void eachUserHasASendRateLimit() {
        CurrentUser admin = FixtureHost.brandUser(f.carlos.id(), f.acme.id(), "Owner", Permissions.ADMINISTER);
        f.services.settings().save(admin, new ProgramSettings(true, 5000, 3));
        CurrentUser carlos = f.carlosUser();
        Conversation c = conversations.start(carlos, f.trail.id(), null, "One", "1", List.of());
        conversations.reply(carlos, c.id(), "2", List.of(), false);
        conversations.reply(carlos, c.id(), "3", List.of(), false);
        MessagingException e = assertThrows(MessagingException.class,
                () -> conversations.reply(carlos, c.id(), "4", List.of(), false));
        assertEquals("error.rateLimited", e.key());
        assertEquals(3, e.params().get("limit"));
        conversations.reply(f.chloeUser(), c.id(), "Chloe has her own budget", List.of(), false);
        f.host.mutableClock().advance(java.time.Duration.ofMinutes(61));
        conversations.reply(carlos, c.id(), "an hour later", List.of(), false);
    }
}
