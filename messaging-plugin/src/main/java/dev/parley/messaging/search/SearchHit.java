package dev.parley.messaging.search;

import java.io.Serializable;
import java.time.Instant;

/**
 * One found message. The HTML strings are escaped text with the matches wrapped in
 * {@code <mark>}; nothing else of the message's markup survives.
 *
 * @param kind message or bulk message
 * @param id message id or bulk message id
 * @param conversationId the conversation to open (messages), {@code null} for bulk messages
 * @param subjectHtml highlighted subject
 * @param snippetHtml highlighted passage of the body (its start when the body has no match)
 * @param senderName who sent it
 * @param partnerNames the partner(s), for the result line
 * @param channel how it was sent
 * @param sentAt when
 */
public record SearchHit(MessageDocument.Kind kind, long id, Long conversationId, String subjectHtml,
        String snippetHtml, String senderName, String partnerNames, MessageDocument.Channel channel, Instant sentAt)
        implements Serializable {
}
