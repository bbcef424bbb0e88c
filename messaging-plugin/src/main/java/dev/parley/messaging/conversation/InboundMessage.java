package dev.parley.messaging.conversation;

import dev.parley.messaging.attachment.IncomingFile;
import java.util.List;

/**
 * A partner's reply that arrived by e-mail or text, already matched to a conversation and a sender
 * by its channel.
 *
 * @param externalId the e-mail's Message-ID or the gateway's message id: a second delivery is ignored
 * @param memberId the partner member the sender address or number belongs to
 */
public record InboundMessage(Channel channel, String externalId, long conversationId, long memberId, String body,
        List<IncomingFile> files) {

    public InboundMessage {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
