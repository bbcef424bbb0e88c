package dev.parley.messaging.channel.email;

import dev.parley.api.mail.MailDeliveryException;
import dev.parley.api.mail.OutboundMail;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.Program;
import dev.parley.api.plugin.HostServices;
import dev.parley.messaging.attachment.Attachment;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.Message;
import dev.parley.messaging.settings.SettingsService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mails partner members who opted in when the brand team writes to them, through the host's
 * mailer. With a reply address configured, the mail's Reply-To names the conversation, so an
 * answer lands in the same thread.
 */
public final class EmailNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(EmailNotifier.class);

    private final HostServices host;
    private final SettingsService settings;
    private final Optional<ReplyAddress> replyAddress;
    private final String baseUrl;

    public EmailNotifier(HostServices host, SettingsService settings, Optional<ReplyAddress> replyAddress,
            String baseUrl) {
        this.host = host;
        this.settings = settings;
        this.replyAddress = replyAddress;
        this.baseUrl = baseUrl;
    }

    /** @return how many members were e-mailed */
    public int notify(Conversation c, Message m) {
        List<PartnerMember> members = c.memberId() == null ? host.partners().members(c.programId(), c.partnerId())
                : host.partners().member(c.programId(), c.memberId()).stream().toList();
        Set<Long> optedIn = settings.optedIn(c.programId(), members.stream().map(PartnerMember::id).toList());
        if (optedIn.isEmpty()) {
            return 0;
        }
        String program = host.partners().program(c.programId()).map(Program::name).orElse("Parley");
        String subject = "[" + program + "] " + c.subject();
        String text = text(c, m, program);
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Parley-Thread", c.replyToken());
        headers.put("Auto-Submitted", "auto-generated");
        int sent = 0;
        for (PartnerMember member : members) {
            if (!optedIn.contains(member.id())) {
                continue;
            }
            try {
                host.mailer().send(new OutboundMail(member.email(),
                        replyAddress.map(r -> r.forToken(c.replyToken())).orElse(null), subject, text, null, headers));
                sent++;
            } catch (MailDeliveryException e) {
                LOG.warn("Message {} notification to member {} failed: {}", m.id(), member.id(), e.getMessage());
            }
        }
        return sent;
    }

    private String text(Conversation c, Message m, String program) {
        StringBuilder t = new StringBuilder();
        t.append(m.authorName()).append(" (").append(program).append(") wrote:\n\n").append(m.body()).append("\n");
        if (!m.attachments().isEmpty()) {
            t.append("\nAttachments (open the conversation to download them):\n");
            for (Attachment a : m.attachments()) {
                t.append("  - ").append(a.fileName()).append("\n");
            }
        }
        t.append("\n-- \n");
        if (replyAddress.isPresent()) {
            t.append("Reply to this e-mail to answer, or read the conversation in your partner portal:\n");
        } else {
            t.append("Read and answer the conversation in your partner portal:\n");
        }
        t.append(baseUrl).append("/portal/conversation/").append(c.id()).append("\n");
        t.append("You get these e-mails because you turned them on in the portal's Messages tab.\n");
        return t.toString();
    }
}
