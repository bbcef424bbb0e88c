package dev.parley.messaging.conversation;

import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.attachment.Attachment;
import dev.parley.messaging.attachment.AttachmentStore;
import dev.parley.messaging.attachment.IncomingFile;
import dev.parley.messaging.conversation.ConversationMapper.ConversationInsert;
import dev.parley.messaging.conversation.ConversationMapper.MessageInsert;
import dev.parley.messaging.conversation.ConversationMapper.MessageRow;
import dev.parley.messaging.inbox.InboxCursor;
import dev.parley.messaging.inbox.InboxKeys;
import dev.parley.messaging.inbox.InboxKeys.PartnerFacts;
import dev.parley.messaging.search.SearchChangeLog;
import dev.parley.messaging.settings.ProgramSettings;
import dev.parley.messaging.settings.SettingsService;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversations and their messages, for both sides. Every public method checks its actor again
 * (kind, permission, the program's plan, and for partners their own partner and member), takes ids
 * as untrusted, and scopes everything by program. A message is stored whole (conversation, message,
 * attachments, inbox index in one transaction, files checked before) or not at all.
 */
public final class ConversationService {

    /** Longest subject. */
    public static final int MAX_SUBJECT = 200;
    /** Messages shown per page of a thread. */
    public static final int THREAD_PAGE = 50;

    private static final Logger LOG = LoggerFactory.getLogger(ConversationService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] TOKEN_CHARS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final SqlSessionFactory sessions;
    private final HostServices host;
    private final SettingsService settings;
    private final AttachmentStore store;
    private final PartnerNotifier notifier;

    public ConversationService(SqlSessionFactory sessions, HostServices host, SettingsService settings,
            AttachmentStore store, PartnerNotifier notifier) {
        this.sessions = sessions;
        this.host = host;
        this.settings = settings;
        this.store = store;
        this.notifier = notifier;
    }

    // ---- starting conversations -------------------------------------------------------------

    /**
     * A brand user starts a conversation with a partner team ({@code memberId == null}) or one member.
     *
     * @param subject may be blank: the first line of the message is used
     */
    public Conversation start(CurrentUser actor, long partnerId, Long memberId, String subject, String body,
            List<IncomingFile> files) {
        requireBrand(actor);
        long programId = actor.programId();
        PartnerFacts facts = PartnerFacts.load(host.partners(), programId, partnerId)
                .orElseThrow(MessagingException::notFound);
        PartnerMember member = null;
        if (memberId != null) {
            member = host.partners().member(programId, memberId).filter(m -> m.partnerId() == partnerId)
                    .orElseThrow(MessagingException::notFound);
        }
        Author author = new Author(AuthorKind.BRAND, actor.userId(), actor.displayName());
        NewThread thread = new NewThread(programId, partnerId, member, subject, facts, AuthorKind.BRAND,
                facts.managerId());
        return post(null, thread, author, Channel.APP, body, files, null, true, false).conversation();
    }

    /** A partner member starts a conversation with the program's team, when the program allows it. */
    public Conversation startByPartner(CurrentUser actor, String subject, String body, List<IncomingFile> files) {
        requirePartner(actor);
        if (!settings.settings(actor.programId()).partnersMayStart()) {
            throw new MessagingException("error.partnersMayNotStart");
        }
        PartnerFacts facts = PartnerFacts.load(host.partners(), actor.programId(), actor.partnerId())
                .orElseThrow(MessagingException::denied);
        Author author = new Author(AuthorKind.PARTNER, actor.userId(), actor.displayName());
        NewThread thread = new NewThread(actor.programId(), actor.partnerId(), null, subject, facts,
                AuthorKind.PARTNER, facts.managerId());
        return post(null, thread, author, Channel.APP, body, files, null, true, false).conversation();
    }

    /**
     * A partner member answers a bulk message that allows replies: a normal team conversation in the
     * shared inbox, whatever the program's "partners may start conversations" setting (the bulk
     * message invited the answer). The caller checks that the bulk message allows replies.
     */
    public Conversation startReplyToBulk(CurrentUser actor, String subject, String body) {
        requirePartner(actor);
        PartnerFacts facts = PartnerFacts.load(host.partners(), actor.programId(), actor.partnerId())
                .orElseThrow(MessagingException::denied);
        Author author = new Author(AuthorKind.PARTNER, actor.userId(), actor.displayName());
        NewThread thread = new NewThread(actor.programId(), actor.partnerId(), null, subject, facts,
                AuthorKind.PARTNER, facts.managerId());
        return post(null, thread, author, Channel.APP, body, List.of(), null, true, false).conversation();
    }

    /** @return whether partners of the actor's program may start conversations */
    public boolean partnersMayStart(CurrentUser actor) {
        requirePartner(actor);
        return settings.settings(actor.programId()).partnersMayStart();
    }

    // ---- replying ---------------------------------------------------------------------------

    /**
     * Adds a message to a conversation the actor can see, from the inbox or the portal.
     *
     * @param alsoSms brand users only: also text it to the conversation's member
     */
    public Message reply(CurrentUser actor, long conversationId, String body, List<IncomingFile> files,
            boolean alsoSms) {
        Conversation c = visible(actor, conversationId);
        Author author = new Author(actor.isBrand() ? AuthorKind.BRAND : AuthorKind.PARTNER, actor.userId(),
                actor.displayName());
        return post(c, null, author, Channel.APP, body, files, null, true, alsoSms && actor.isBrand()).message();
    }

    /**
     * Stores a partner's e-mail or SMS reply matched by its channel. The sender must still be a
     * member of the conversation's partner (and be the conversation's member, for a member thread),
     * and the program's plan must include messaging.
     *
     * @return the stored message; the already stored one for a repeated delivery
     * @throws MessagingException when refused; nothing is stored then
     */
    public Message receive(InboundMessage in) {
        Conversation c;
        try (SqlSession s = sessions.openSession()) {
            c = s.getMapper(ConversationMapper.class).conversation(in.conversationId());
        }
        if (c == null) {
            throw new MessagingException("error.inbound.unknownThread");
        }
        if (!host.features().isEnabled(c.programId(), MessagingPlugin.FEATURE)) {
            throw MessagingException.denied();
        }
        PartnerMember sender = host.partners().member(c.programId(), in.memberId())
                .filter(m -> m.partnerId() == c.partnerId())
                .filter(m -> c.memberId() == null || c.memberId() == m.id())
                .orElseThrow(() -> new MessagingException("error.inbound.unknownSender"));
        if (in.externalId() != null) {
            try (SqlSession s = sessions.openSession()) {
                Long existing = s.getMapper(ConversationMapper.class).messageByExternalId(c.programId(), in.channel(),
                        in.externalId());
                if (existing != null) {
                    LOG.info("Ignoring repeated {} delivery {}", in.channel(), in.externalId());
                    return messages(s, c.id(), existing + 1, 1).get(0);
                }
            }
        }
        Author author = new Author(AuthorKind.PARTNER, sender.id(), sender.name());
        return post(c, null, author, in.channel(), in.body(), in.files(), in.externalId(), false, false).message();
    }

    // ---- reading ----------------------------------------------------------------------------

    /** @return the conversation if the actor can see it; no change to its read state */
    public Conversation find(CurrentUser actor, long conversationId) {
        return visible(actor, conversationId);
    }

    /**
     * Opens a conversation: it becomes read for the actor's whole side (the brand team shares one
     * read state, so does the partner side).
     */
    public Conversation open(CurrentUser actor, long conversationId) {
        Conversation c = visible(actor, conversationId);
        try (SqlSession s = sessions.openSession(false)) {
            ConversationMapper m = s.getMapper(ConversationMapper.class);
            if (actor.isBrand()) {
                if (m.setBrandUnread(c.id(), false) > 0) {
                    InboxKeys.updateState(s, m.conversation(c.id()));
                }
            } else {
                m.setPartnerUnread(c.id(), false);
            }
            s.commit();
            return m.conversation(c.id());
        }
    }

    /**
     * @param beforeId 0 for the newest messages, else the oldest id already shown
     * @return up to {@link #THREAD_PAGE} messages, oldest first
     */
    public List<Message> messages(CurrentUser actor, long conversationId, long beforeId) {
        Conversation c = visible(actor, conversationId);
        try (SqlSession s = sessions.openSession()) {
            List<Message> page = new ArrayList<>(messages(s, c.id(), beforeId, THREAD_PAGE));
            Collections.reverse(page);
            return page;
        }
    }

    private static List<Message> messages(SqlSession s, long conversationId, long beforeId, int limit) {
        ConversationMapper m = s.getMapper(ConversationMapper.class);
        List<MessageRow> rows = m.messages(conversationId, beforeId, limit);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Attachment>> files = new HashMap<>();
        m.attachmentsOfMessages(rows.stream().map(MessageRow::id).toList())
                .forEach(a -> files.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a));
        return rows.stream().map(r -> r.toMessage(files.getOrDefault(r.id(), List.of()))).toList();
    }

    /** @return the partner side's conversations, newest first, after the cursor */
    public List<Conversation> partnerConversations(CurrentUser actor, InboxCursor after, int limit) {
        requirePartner(actor);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(ConversationMapper.class).partnerPage(actor.programId(), actor.partnerId(),
                    actor.userId(), after == null ? null : after.at(), after == null ? 0 : after.id(),
                    Math.max(1, Math.min(limit, 100)));
        }
    }

    /** @return the partner side's unread conversations */
    public long unreadForPartner(CurrentUser actor) {
        requirePartner(actor);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(ConversationMapper.class).partnerUnread(actor.programId(), actor.partnerId(),
                    actor.userId());
        }
    }

    /**
     * @return an attachment and its file, if the actor can see its conversation
     */
    public Optional<Download> download(CurrentUser actor, long attachmentId) {
        Attachment a;
        try (SqlSession s = sessions.openSession()) {
            a = s.getMapper(ConversationMapper.class).attachment(attachmentId);
        }
        if (a == null) {
            return Optional.empty();
        }
        try {
            visible(actor, a.conversationId());
        } catch (MessagingException e) {
            return Optional.empty();
        }
        return store.file(a.sha256()).map(p -> new Download(a, p));
    }

    /**
     * An attachment with its stored file.
     */
    public record Download(Attachment attachment, Path file) {
    }

    // ---- brand team actions -----------------------------------------------------------------

    /** Marks the conversation unread for the whole team. */
    public void markUnread(CurrentUser actor, long conversationId) {
        Conversation c = brandConversation(actor, conversationId);
        try (SqlSession s = sessions.openSession(false)) {
            ConversationMapper m = s.getMapper(ConversationMapper.class);
            if (m.setBrandUnread(c.id(), true) > 0) {
                InboxKeys.updateState(s, m.conversation(c.id()));
            }
            s.commit();
        }
    }

    public void setStatus(CurrentUser actor, long conversationId, ConversationStatus status) {
        Conversation c = brandConversation(actor, conversationId);
        try (SqlSession s = sessions.openSession(false)) {
            ConversationMapper m = s.getMapper(ConversationMapper.class);
            m.setStatus(c.id(), status);
            InboxKeys.updateState(s, m.conversation(c.id()));
            searchChanged(s, SearchChangeLog.Kind.CONVERSATION, c.id(), host.clock().instant());
            s.commit();
        }
    }

    public void setPriority(CurrentUser actor, long conversationId, boolean priority) {
        Conversation c = brandConversation(actor, conversationId);
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(ConversationMapper.class).setPriority(c.id(), priority);
        }
    }

    /** Assigns the conversation to a manager of the program, or to nobody. */
    public void assign(CurrentUser actor, long conversationId, Long managerId) {
        Conversation c = brandConversation(actor, conversationId);
        if (managerId != null && host.partners().brandUser(actor.programId(), managerId).isEmpty()) {
            throw MessagingException.notFound();
        }
        PartnerFacts facts = PartnerFacts.load(host.partners(), c.programId(), c.partnerId()).orElse(null);
        try (SqlSession s = sessions.openSession(false)) {
            ConversationMapper m = s.getMapper(ConversationMapper.class);
            m.setAssignee(c.id(), managerId);
            InboxKeys.index(s, m.conversation(c.id()), facts);
            s.commit();
        }
    }

    /** @return the program's managers a conversation can be assigned to */
    public List<BrandUser> managers(CurrentUser actor) {
        requireBrand(actor);
        return host.partners().managers(actor.programId());
    }

    /** @return the conversation's member, if it is a member conversation the actor can see */
    public Optional<PartnerMember> member(CurrentUser actor, Conversation c) {
        visible(actor, c.id());
        return c.memberId() == null ? Optional.empty() : host.partners().member(c.programId(), c.memberId());
    }

    /**
     * Brings the copies of a partner's data (name, tags, status, offers) in its conversations up to
     * date; called when the host reports a change.
     */
    public void refreshPartner(long programId, long partnerId) {
        List<Conversation> list;
        try (SqlSession s = sessions.openSession()) {
            list = s.getMapper(ConversationMapper.class).conversationsOfPartner(programId, partnerId);
        }
        if (list.isEmpty()) {
            return;
        }
        PartnerFacts facts = PartnerFacts.load(host.partners(), programId, partnerId).orElse(null);
        try (SqlSession s = sessions.openSession(false)) {
            ConversationMapper m = s.getMapper(ConversationMapper.class);
            for (Conversation c : list) {
                String memberName = c.memberId() == null ? null
                        : host.partners().member(programId, c.memberId()).map(PartnerMember::name).orElse(c.memberName());
                m.setNames(c.id(), facts == null ? c.partnerName() : facts.name(), memberName);
                searchChanged(s, SearchChangeLog.Kind.CONVERSATION, c.id(), host.clock().instant());
                InboxKeys.index(s, m.conversation(c.id()), facts);
            }
            s.commit();
        }
    }

    /** Tells message search, inside this transaction, what to read again (see {@link SearchChangeLog}). */
    private static void searchChanged(SqlSession s, SearchChangeLog.Kind kind, long id, Instant at) {
        try {
            SearchChangeLog.record(s.getConnection(), kind, id, at);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a search change: " + e.getMessage(), e);
        }
    }

    // ---- the one way a message is stored ----------------------------------------------------

    private record NewThread(long programId, long partnerId, PartnerMember member, String subject,
            PartnerFacts facts, AuthorKind startedBy, Long assigneeId) {
    }

    private record Posted(Conversation conversation, Message message) {
    }

    private Posted post(Conversation existing, NewThread thread, Author author, Channel channel, String rawBody,
            List<IncomingFile> files, String externalId, boolean fromApp, boolean alsoSms) {
        long programId = existing != null ? existing.programId() : thread.programId();
        ProgramSettings rules = settings.settings(programId);
        String body = normalize(rawBody);
        List<IncomingFile> offered = files == null ? List.of() : files;
        if (body.isEmpty() && offered.isEmpty()) {
            throw new MessagingException("error.empty");
        }
        if (body.length() > rules.maxLength()) {
            throw new MessagingException("error.tooLong", Map.of("max", rules.maxLength(), "length", body.length()));
        }
        Instant now = host.clock().instant();
        if (fromApp) {
            try (SqlSession s = sessions.openSession()) {
                long sent = s.getMapper(ConversationMapper.class).countSentSince(author.kind(), author.id(),
                        now.minus(Duration.ofHours(1)));
                if (sent >= rules.sendsPerHour()) {
                    throw new MessagingException("error.rateLimited", Map.of("limit", rules.sendsPerHour()));
                }
            }
        }
        String subject = null;
        if (thread != null) {
            subject = normalizeSubject(thread.subject(), body, offered);
        }
        // The partner's groups, status and offers as the host has them now, for the inbox filters.
        PartnerFacts facts = thread != null ? thread.facts()
                : PartnerFacts.load(host.partners(), programId, existing.partnerId()).orElse(null);
        try (AttachmentStore.Checked checked = store.check(offered)) {
            checked.store();
            Posted posted;
            try (SqlSession s = sessions.openSession(false)) {
                ConversationMapper m = s.getMapper(ConversationMapper.class);
                Conversation c = null;
                boolean created = false;
                if (existing != null) {
                    // Write lock first (see lockConversation), then the row as it is now.
                    if (m.lockConversation(existing.id()) == null) {
                        throw MessagingException.denied();
                    }
                    c = m.conversation(existing.id());
                }
                if (c == null) {
                    ConversationInsert ci = new ConversationInsert();
                    ci.programId = programId;
                    ci.partnerId = thread.partnerId();
                    ci.memberId = thread.member() == null ? null : thread.member().id();
                    ci.partnerName = thread.facts().name();
                    ci.memberName = thread.member() == null ? null : thread.member().name();
                    ci.subject = subject;
                    ci.assigneeId = thread.assigneeId();
                    ci.startedBy = thread.startedBy();
                    ci.replyToken = newToken();
                    ci.at = now;
                    m.insertConversation(ci);
                    c = m.conversation(ci.id);
                    created = true;
                }
                MessageInsert mi = new MessageInsert();
                mi.conversationId = c.id();
                mi.programId = programId;
                mi.authorKind = author.kind();
                mi.authorId = author.id();
                mi.authorName = author.name();
                mi.channel = channel;
                mi.body = body;
                mi.externalId = externalId;
                mi.at = now;
                m.insertMessage(mi);
                for (AttachmentStore.CheckedFile f : checked.files()) {
                    m.insertAttachment(mi.id, c.id(), f.fileName(), f.type().contentType(), f.size(), f.sha256(), now);
                }
                boolean fromBrand = author.kind() == AuthorKind.BRAND;
                ConversationStatus status = !fromBrand && c.status() == ConversationStatus.DONE
                        ? ConversationStatus.OPEN : c.status();
                m.updateAfterMessage(c.id(), now, preview(body, checked.files()), !fromBrand, fromBrand, status);
                searchChanged(s, SearchChangeLog.Kind.MESSAGE, mi.id, now);
                if (status != c.status()) {
                    searchChanged(s, SearchChangeLog.Kind.CONVERSATION, c.id(), now); // reopened: every message's state
                }
                Conversation updated = m.conversation(c.id());
                if (created) {
                    InboxKeys.indexNew(s, updated, facts);
                } else {
                    InboxKeys.index(s, updated, facts);
                }
                Message message = messages(s, c.id(), mi.id + 1, 1).get(0);
                s.commit();
                checked.keep();
                posted = new Posted(updated, message);
            }
            if (author.kind() == AuthorKind.BRAND) {
                try {
                    notifier.brandMessageSent(posted.conversation(), posted.message(), alsoSms);
                } catch (RuntimeException e) {
                    LOG.error("Notifying partner of message {} failed", posted.message().id(), e);
                }
            }
            return posted;
        }
    }

    private static String normalize(String body) {
        if (body == null) {
            return "";
        }
        return body.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static String normalizeSubject(String subject, String body, List<IncomingFile> files) {
        String s = subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
        if (s.isEmpty()) {
            String firstLine = body.isEmpty() ? "" : body.lines().findFirst().orElse("").strip();
            s = firstLine.isEmpty() && !files.isEmpty() ? files.get(0).name() : firstLine;
        }
        if (s == null || s.isEmpty()) {
            s = "—";
        }
        return s.length() > MAX_SUBJECT ? s.substring(0, MAX_SUBJECT - 1) + "…" : s;
    }

    private static String preview(String body, List<AttachmentStore.CheckedFile> files) {
        String p = body.replaceAll("\\s+", " ").strip();
        if (p.isEmpty() && !files.isEmpty()) {
            p = "📎 " + files.get(0).fileName();
        }
        return p.length() > 200 ? p.substring(0, 199) + "…" : p;
    }

    private static String newToken() {
        char[] t = new char[24];
        for (int i = 0; i < t.length; i++) {
            t[i] = TOKEN_CHARS[RANDOM.nextInt(TOKEN_CHARS.length)];
        }
        return new String(t);
    }

    // ---- access -----------------------------------------------------------------------------

    private void requireBrand(CurrentUser actor) {
        if (actor == null || !actor.can(Permissions.MESSAGING)
                || !host.features().isEnabled(actor.programId(), MessagingPlugin.FEATURE)) {
            throw MessagingException.denied();
        }
    }

    private void requirePartner(CurrentUser actor) {
        if (actor == null || !actor.isPartner() || actor.partnerId() == null
                || !host.features().isEnabled(actor.programId(), MessagingPlugin.FEATURE)) {
            throw MessagingException.denied();
        }
    }

    private Conversation brandConversation(CurrentUser actor, long conversationId) {
        requireBrand(actor);
        return visible(actor, conversationId);
    }

    /** @return the conversation when the actor may see it; "not found" otherwise, whatever the reason */
    private Conversation visible(CurrentUser actor, long conversationId) {
        if (actor != null && actor.isBrand()) {
            requireBrand(actor);
        } else {
            requirePartner(actor);
        }
        Conversation c;
        try (SqlSession s = sessions.openSession()) {
            c = s.getMapper(ConversationMapper.class).conversation(conversationId);
        }
        if (c == null || c.programId() != actor.programId()) {
            throw MessagingException.notFound();
        }
        if (actor.isPartner() && (c.partnerId() != actor.partnerId()
                || (c.memberId() != null && c.memberId() != actor.userId()))) {
            throw MessagingException.notFound();
        }
        return c;
    }

    /** @return the directory of the host, for pages that show partner details */
    public PartnerDirectory directory() {
        return host.partners();
    }
}
