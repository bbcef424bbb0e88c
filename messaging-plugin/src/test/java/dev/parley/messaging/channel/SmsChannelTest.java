package dev.parley.messaging.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.channel.sms.SmsSignature;
import dev.parley.messaging.conversation.Channel;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ConversationService;
import dev.parley.messaging.conversation.Message;
import dev.parley.messaging.testing.MessagingFixture;
import dev.parley.messaging.testing.PluginUnderTest;
import java.time.Instant;
import java.util.List;
import org.apache.wicket.protocol.http.mock.MockHttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Text messages in the member's thread: out through the gateway, back through the signed webhook. */
class SmsChannelTest {

    private MessagingFixture f;
    private ConversationService conversations;
    private PluginUnderTest plugin;

    @BeforeEach
    void setUp() {
        f = new MessagingFixture("sms");
        conversations = f.services.conversations();
        plugin = new PluginUnderTest(f);
    }

    @AfterEach
    void tearDown() {
        plugin.close();
    }

    @Test
    void aBrandMessageTextedToTheMemberIsAnsweredByTextIntoTheSameThread() {
        CurrentUser carlos = f.carlosUser();
        Conversation c = conversations.start(carlos, f.trail.id(), f.maya.id(), "Quick one", "Are you at the fair?",
                List.of());
        conversations.reply(carlos, c.id(), "Call me when you are there", List.of(), true);
        assertEquals(1, f.texts.size());
        assertEquals("+15550100001", f.texts.get(0)[0]);
        assertEquals("Acme Outdoor: Call me when you are there", f.texts.get(0)[1]);

        assertEquals(200, post("+15550100001", "g-1", "On my way!", null));
        List<Message> thread = conversations.messages(carlos, c.id(), 0);
        Message last = thread.get(thread.size() - 1);
        assertEquals(Channel.SMS, last.channel());
        assertEquals("Maya Garcia", last.authorName());
        assertEquals("On my way!", last.body());
        assertTrue(conversations.find(carlos, c.id()).brandUnread());

        assertEquals(200, post("+15550100001", "g-1", "On my way!", null), "a gateway retry is accepted");
        assertEquals(thread.size(), conversations.messages(carlos, c.id(), 0).size(), "and stored once");
    }

    @Test
    void badSignatureUnknownNumberAndUnknownThreadAreRefusedAndNothingIsStored() {
        CurrentUser carlos = f.carlosUser();
        Conversation c = conversations.start(carlos, f.trail.id(), f.maya.id(), "Hi", "Hello Maya", List.of());
        conversations.reply(carlos, c.id(), "Texting you", List.of(), true);
        int before = conversations.messages(carlos, c.id(), 0).size();

        assertEquals(403, post("+15550100001", "g-2", "forged", "0000"));
        long stale = Instant.parse("2026-11-02T08:00:00Z").getEpochSecond();
        assertEquals(403, post("+15550100001", "g-3", "replayed", SmsSignature.sign("test-secret", stale,
                "+15550100001", "g-3", "replayed"), stale));
        assertEquals(422, post("+19999999999", "g-4", "who am I", null), "unknown number");
        assertEquals(422, post("+15550100002", "g-5", "Tom was never texted", null), "no thread for this number");
        assertEquals(400, post(null, "g-6", "no sender", null));
        assertEquals(400, post("+15550100001", "g-7", "Gr\uFFFD\uFFFDe", null), "bytes that were not UTF-8");
        assertEquals(before, conversations.messages(carlos, c.id(), 0).size());

        assertThrows(MessagingException.class, () -> f.services.sms().receive("+15550100002", "x", "hi"));
        plugin.tester.getRequest().setMethod("GET");
        plugin.tester.executeUrl("hooks/sms");
        assertEquals(405, plugin.tester.getLastResponse().getStatus());
    }

    @Test
    void teamConversationsAreNotTextedAndMembersWithoutAPhoneNeither() {
        CurrentUser carlos = f.carlosUser();
        Conversation team = conversations.start(carlos, f.trail.id(), null, "All", "Hello all", List.of());
        conversations.reply(carlos, team.id(), "x", List.of(), true);
        Conversation cora = conversations.start(carlos, f.cedar.id(), f.cora.id(), "Cora", "Hello Cora", List.of());
        conversations.reply(carlos, cora.id(), "y", List.of(), true);
        assertTrue(f.texts.isEmpty());
        assertFalse(SmsSignature.verify("test-secret", 1, "a", "b", "c", null, Instant.EPOCH));
    }

    private int post(String from, String id, String text, String signature) {
        return post(from, id, text, signature, f.host.clock().instant().getEpochSecond());
    }

    private int post(String from, String id, String text, String signature, long timestamp) {
        MockHttpServletRequest request = plugin.tester.getRequest();
        request.setMethod("POST");
        var form = request.getPostParameters();
        if (from != null) {
            form.setParameterValue("from", from);
        }
        form.setParameterValue("id", id);
        form.setParameterValue("text", text);
        form.setParameterValue("timestamp", String.valueOf(timestamp));
        request.addHeader("X-Parley-Signature", signature != null ? signature
                : SmsSignature.sign("test-secret", timestamp, from, id, text));
        plugin.tester.executeUrl("hooks/sms");
        return plugin.tester.getLastResponse().getStatus();
    }
}
