package dev.parley.messaging.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the search index knows about one message: a message of a conversation (one partner team or one
 * member) or a bulk message addressed to many partners/members. The inbox builds these from MariaDB
 * through {@link MessageSource}; MariaDB stays the source of truth.
 *
 * @param kind a conversation message or a bulk message; with {@code id} it identifies the document
 * @param id message id (kind MESSAGE) or bulk message id (kind BULK)
 * @param conversationId the conversation of a MESSAGE; {@code null} for BULK
 * @param programId the program (tenant) the message belongs to
 * @param partnerId the conversation's partner (MESSAGE); {@code null} for BULK
 * @param memberId the conversation's member when it is with one member, else {@code null}
 * @param recipientPartnerIds BULK: partners addressed as whole teams (every member of them sees it)
 * @param recipientMembers BULK: members addressed one by one, member id to its partner id (only that member
 *        sees it; the partner id serves the inbox's partner filters)
 * @param subject subject (of the conversation or bulk message)
 * @param body message text; HTML or Markdown is stripped when indexed ({@link HtmlToText})
 * @param senderName who wrote it, as shown
 * @param senderKind brand team or partner side
 * @param partnerNames partner company name(s): the conversation's partner, or the bulk recipients
 * @param memberNames partner member names concerned (conversation member, or addressed members)
 * @param attachmentNames file names of attachments
 * @param channel how it was sent or received
 * @param sentAt when, UTC
 * @param state the conversation's inbox state (OPEN for bulk messages)
 */
public record MessageDocument(Kind kind, long id, Long conversationId, long programId, Long partnerId, Long memberId,
        Set<Long> recipientPartnerIds, Map<Long, Long> recipientMembers, String subject, String body, String senderName,
        SenderKind senderKind, List<String> partnerNames, List<String> memberNames, List<String> attachmentNames,
        Channel channel, Instant sentAt, State state) {

    /** Document kinds. */
    public enum Kind {
        MESSAGE('M'), BULK('B');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        /** @return the code used in the change log */
        public char code() {
            return code;
        }
    }

    /** Which side wrote the message. */
    public enum SenderKind { BRAND, PARTNER }

    /** How the message was sent or received. */
    public enum Channel { APP, EMAIL, SMS }

    /** The conversation's place in the brand inbox. */
    public enum State { OPEN, DONE, SPAM }

    public MessageDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(senderKind, "senderKind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sentAt, "sentAt");
        state = state == null ? State.OPEN : state;
        recipientPartnerIds = recipientPartnerIds == null ? Set.of() : Set.copyOf(recipientPartnerIds);
        recipientMembers = recipientMembers == null ? Map.of() : Map.copyOf(recipientMembers);
        partnerNames = partnerNames == null ? List.of() : List.copyOf(partnerNames);
        memberNames = memberNames == null ? List.of() : List.copyOf(memberNames);
        attachmentNames = attachmentNames == null ? List.of() : List.copyOf(attachmentNames);
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        senderName = senderName == null ? "" : senderName;
        if (kind == Kind.MESSAGE && (conversationId == null || partnerId == null)) {
            throw new IllegalArgumentException("A conversation message needs its conversation and partner");
        }
    }

    /** @return the index key: kind code and id, e.g. {@code M42} */
    public String key() {
        return key(kind, id);
    }

    static String key(Kind kind, long id) {
        return kind.code() + Long.toString(id);
    }

    /** A conversation message. */
    public static MessageDocument message(long id, long conversationId, long programId, long partnerId, Long memberId,
            String subject, String body, String senderName, SenderKind senderKind, String partnerName,
            List<String> memberNames, List<String> attachmentNames, Channel channel, Instant sentAt, State state) {
        return new MessageDocument(Kind.MESSAGE, id, conversationId, programId, partnerId, memberId, Set.of(), Map.of(),
                subject, body, senderName, senderKind, partnerName == null ? List.of() : List.of(partnerName),
                memberNames, attachmentNames, channel, sentAt, state);
    }

    /** A bulk message addressed to partner teams and/or single members. */
    public static MessageDocument bulk(long id, long programId, Set<Long> recipientPartnerIds,
            Map<Long, Long> recipientMembers, String subject, String body, String senderName, List<String> partnerNames,
            List<String> attachmentNames, Channel channel, Instant sentAt) {
        return new MessageDocument(Kind.BULK, id, null, programId, null, null, recipientPartnerIds, recipientMembers,
                subject, body, senderName, SenderKind.BRAND, partnerNames, List.of(), attachmentNames, channel, sentAt,
                State.OPEN);
    }
}
