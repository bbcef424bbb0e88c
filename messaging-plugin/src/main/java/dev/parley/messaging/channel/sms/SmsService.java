package dev.parley.messaging.channel.sms;

import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.Program;
import dev.parley.api.plugin.HostServices;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.conversation.Channel;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ConversationMapper;
import dev.parley.messaging.conversation.ConversationService;
import dev.parley.messaging.conversation.InboundMessage;
import dev.parley.messaging.conversation.Message;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text messages in a member conversation: a brand message can also go out by SMS, and the member's
 * text reply comes back to the conversation the number was last texted from.
 */
public final class SmsService {

    /** Longest text sent; longer messages are cut with a pointer to the portal. */
    static final int MAX_SMS = 640;

    private static final Logger LOG = LoggerFactory.getLogger(SmsService.class);

    private final SqlSessionFactory sessions;
    private final HostServices host;
    private final SmsGateway gateway;
    private final ConversationService conversations;

    public SmsService(SqlSessionFactory sessions, HostServices host, SmsGateway gateway,
            ConversationService conversations) {
        this.sessions = sessions;
        this.host = host;
        this.gateway = gateway;
        this.conversations = conversations;
    }

    /** Texts a brand message to the conversation's member, if it has one with a phone number. */
    public boolean send(Conversation c, Message m) {
        if (c.memberId() == null) {
            return false;
        }
        Optional<PartnerMember> member = host.partners().member(c.programId(), c.memberId());
        if (member.isEmpty() || member.get().phone() == null || member.get().phone().isBlank()) {
            LOG.info("Message {} not texted: member {} has no phone number", m.id(), c.memberId());
            return false;
        }
        String program = host.partners().program(c.programId()).map(Program::name).orElse("Parley");
        String text = program + ": " + m.body();
        if (text.length() > MAX_SMS) {
            text = text.substring(0, MAX_SMS - 40) + "… (read all in your partner portal)";
        }
        String phone = member.get().phone().strip();
        try {
            gateway.send(phone, text);
        } catch (IOException e) {
            LOG.warn("Message {} could not be texted to member {}: {}", m.id(), c.memberId(), e.getMessage());
            return false;
        }
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(ConversationMapper.class).saveSmsRoute(phone, c.id(), c.memberId(), host.clock().instant());
        }
        return true;
    }

    /**
     * Stores a text received from a number: it lands in the conversation the number was last texted
     * from, when the number still belongs to that conversation's member.
     *
     * @param id the gateway's message id (a repeated delivery is stored once)
     * @throws MessagingException when the number or its conversation is unknown, or the message is refused
     */
    public Message receive(String from, String id, String text) {
        String phone = from == null ? "" : from.strip();
        ConversationMapper.SmsRoute route;
        try (SqlSession s = sessions.openSession()) {
            route = s.getMapper(ConversationMapper.class).smsRoute(phone);
        }
        if (route == null) {
            List<PartnerMember> known = host.partners().membersByPhone(phone);
            throw new MessagingException(known.isEmpty() ? "error.inbound.unknownSender" : "error.inbound.unknownThread");
        }
        boolean stillTheirs = host.partners().membersByPhone(phone).stream().anyMatch(m -> m.id() == route.memberId());
        if (!stillTheirs) {
            throw new MessagingException("error.inbound.unknownSender");
        }
        return conversations.receive(new InboundMessage(Channel.SMS, id, route.conversationId(), route.memberId(),
                text, List.of()));
    }
}
