package dev.parley.messaging.broadcast;

import dev.parley.api.audience.SavedAudience;
import dev.parley.api.macro.Macros;
import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.audience.Audience;
import dev.parley.messaging.audience.AudienceService;
import dev.parley.messaging.audience.Codec;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ConversationService;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Bulk messages for both sides. Brand users (Messaging permission, feature on the plan) compose,
 * review, save drafts and templates, schedule, send, pause and measure; partner members read the
 * copies addressed to their partner and answer when replies are allowed. Every method checks its
 * actor and scopes by the actor's program (and partner).
 */
public final class BroadcastService {

    /** Longest subject. */
    public static final int MAX_SUBJECT = 200;
    /** Longest body. */
    public static final int MAX_BODY = 50_000;

    private final SqlSessionFactory sessions;
    private final HostServices host;
    private final AudienceService audiences;
    private final ConversationService conversations;
    private final SendJob job;
    private final Supplier<BulkScheduler> scheduler;
    private final OpenTokens tokens;

    public BroadcastService(SqlSessionFactory sessions, HostServices host, AudienceService audiences,
            ConversationService conversations, SendJob job, Supplier<BulkScheduler> scheduler, OpenTokens tokens) {
        this.sessions = sessions;
        this.host = host;
        this.audiences = audiences;
        this.conversations = conversations;
        this.job = job;
        this.scheduler = scheduler;
        this.tokens = tokens;
    }

    /** Which list. */
    public enum View {
        DRAFTS(Bulk.MESSAGE, List.of(BulkStatus.DRAFT)),
        SCHEDULED(Bulk.MESSAGE, List.of(BulkStatus.SCHEDULED)),
        SENT(Bulk.MESSAGE, List.of(BulkStatus.SENDING, BulkStatus.PAUSED, BulkStatus.SENT)),
        TEMPLATES(Bulk.TEMPLATE, List.of(BulkStatus.DRAFT));

        final String kind;
        final List<BulkStatus> statuses;

        View(String kind, List<BulkStatus> statuses) {
            this.kind = kind;
            this.statuses = statuses;
        }
    }

    // ---- compose --------------------------------------------------------------------------------

    public BulkDraft newDraft(CurrentUser actor) {
        requireBrand(actor);
        return new BulkDraft();
    }

    /** @return a draft or scheduled message to edit */
    public BulkDraft edit(CurrentUser actor, long bulkId) {
        Bulk b = find(actor, bulkId);
        if (!Bulk.MESSAGE.equals(b.kind()) || (b.status() != BulkStatus.DRAFT && b.status() != BulkStatus.SCHEDULED)) {
            throw new MessagingException("error.bulk.notEditable");
        }
        BulkDraft d = toDraft(b);
        d.id = b.id();
        d.status = b.status();
        if (b.scheduledAt() != null) {
            d.scheduleAt = b.scheduledAt().atZone(actor.zoneId()).toLocalDateTime();
        }
        return d;
    }

    /** @return a new draft with a template's content and options */
    public BulkDraft fromTemplate(CurrentUser actor, long templateId) {
        Bulk b = find(actor, templateId);
        if (!Bulk.TEMPLATE.equals(b.kind())) {
            throw MessagingException.notFound();
        }
        return toDraft(b);
    }

    /** Saves the draft (drafts are saved automatically while composing); a scheduled one stays scheduled. */
    public long saveDraft(CurrentUser actor, BulkDraft draft) {
        requireBrand(actor);
        validate(actor, draft, false);
        BulkStatus status = draft.id != null && draft.status == BulkStatus.SCHEDULED ? BulkStatus.SCHEDULED : BulkStatus.DRAFT;
        Instant at = status == BulkStatus.SCHEDULED ? scheduleInstant(actor, draft) : null;
        long id = store(actor, draft, Bulk.MESSAGE, status, null, at);
        if (status == BulkStatus.SCHEDULED) {
            scheduler.get().scheduleSend(id, at);
        }
        return id;
    }

    /** Saves the message's content and options as a new template. */
    public long saveTemplate(CurrentUser actor, BulkDraft draft, String name) {
        requireBrand(actor);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new MessagingException("error.bulk.templateName");
        }
        validate(actor, draft, false);
        BulkDraft copy = copyOf(draft);
        copy.id = null;
        return store(actor, copy, Bulk.TEMPLATE, BulkStatus.DRAFT, n, null);
    }

    /** Schedules the message for {@code draft.scheduleAt} in the sender's time zone. */
    public long schedule(CurrentUser actor, BulkDraft draft) {
        requireBrand(actor);
        validate(actor, draft, true);
        Instant at = scheduleInstant(actor, draft);
        if (!at.isAfter(host.clock().instant())) {
            throw new MessagingException("error.bulk.scheduleInPast");
        }
        long id = store(actor, draft, Bulk.MESSAGE, BulkStatus.SCHEDULED, null, at);
        draft.id = id;
        draft.status = BulkStatus.SCHEDULED;
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(BroadcastMapper.class).setSender(id, actor.userId(), actor.displayName());
        }
        scheduler.get().scheduleSend(id, at);
        recordAudienceUse(actor, draft);
        return id;
    }

    /** Sends the composed message now (the send job starts at once, in the background). */
    public long sendNow(CurrentUser actor, BulkDraft draft) {
        requireBrand(actor);
        validate(actor, draft, true);
        Instant now = host.clock().instant();
        long id = store(actor, draft, Bulk.MESSAGE, BulkStatus.SCHEDULED, null, now);
        draft.id = id;
        draft.status = BulkStatus.SCHEDULED;
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(BroadcastMapper.class).setSender(id, actor.userId(), actor.displayName());
        }
        scheduler.get().scheduleSend(id, now);
        recordAudienceUse(actor, draft);
        return id;
    }

    /** "Send now" on a scheduled message. */
    public void sendNow(CurrentUser actor, long bulkId) {
        Bulk b = find(actor, bulkId);
        Instant now = host.clock().instant();
        try (SqlSession s = sessions.openSession(true)) {
            BroadcastMapper m = s.getMapper(BroadcastMapper.class);
            if (m.reschedule(b.id(), now, now) == 0) {
                throw new MessagingException("error.bulk.notScheduled");
            }
            m.setSender(b.id(), actor.userId(), actor.displayName());
        }
        scheduler.get().scheduleSend(b.id(), now);
    }

    /** Cancels a schedule: the message goes back to the drafts. */
    public void cancelSchedule(CurrentUser actor, long bulkId) {
        Bulk b = find(actor, bulkId);
        try (SqlSession s = sessions.openSession(true)) {
            if (s.getMapper(BroadcastMapper.class).unschedule(b.id(), host.clock().instant()) == 0) {
                throw new MessagingException("error.bulk.notScheduled");
            }
        }
        scheduler.get().cancel(b.id());
    }

    /** Deletes a draft or a template. */
    public void delete(CurrentUser actor, long bulkId) {
        Bulk b = find(actor, bulkId);
        try (SqlSession s = sessions.openSession(true)) {
            if (s.getMapper(BroadcastMapper.class).delete(actor.programId(), b.id()) == 0) {
                throw new MessagingException("error.bulk.notEditable");
            }
        }
    }

    public void pause(CurrentUser actor, long bulkId) {
        Bulk b = find(actor, bulkId);
        try (SqlSession s = sessions.openSession(true)) {
            if (s.getMapper(BroadcastMapper.class).pause(b.id(), SendJob.PAUSED_BY_USER, host.clock().instant()) == 0) {
                throw new MessagingException("error.bulk.notSending");
            }
        }
    }

    public void resume(CurrentUser actor, long bulkId) {
        Bulk b = find(actor, bulkId);
        Instant now = host.clock().instant();
        try (SqlSession s = sessions.openSession(true)) {
            if (s.getMapper(BroadcastMapper.class).resume(b.id(), now) == 0) {
                throw new MessagingException("error.bulk.notPaused");
            }
        }
        scheduler.get().scheduleRun(b.id(), now);
    }

    public List<Bulk> list(CurrentUser actor, View view, int offset, int limit) {
        requireBrand(actor);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(BroadcastMapper.class).list(actor.programId(), view.kind,
                    view.statuses.stream().map(Enum::name).toList(), Math.max(1, Math.min(limit, 100)), Math.max(0, offset));
        }
    }

    public Bulk find(CurrentUser actor, long bulkId) {
        requireBrand(actor);
        try (SqlSession s = sessions.openSession()) {
            Bulk b = s.getMapper(BroadcastMapper.class).find(actor.programId(), bulkId);
            if (b == null) {
                throw MessagingException.notFound();
            }
            return b;
        }
    }

    /** @return the offers of the actor's program a message can include */
    public List<Offer> offers(CurrentUser actor) {
        requireBrand(actor);
        return host.partners().offers(actor.programId());
    }

    /** @return the program's partners with these ids (the "specific partners" chips) */
    public List<Partner> partners(CurrentUser actor, Set<Long> ids) {
        requireBrand(actor);
        return ids.isEmpty() ? List.of() : host.partners().partners(actor.programId(), ids);
    }

    // ---- review ---------------------------------------------------------------------------------

    /** A partner of the review list, with the reason it is left out ({@code null}: it receives the message). */
    public record ReviewRow(Partner partner, String reason) implements Serializable {
    }

    /** @return how many partners the audience chooses (before exclusions) */
    public long count(CurrentUser actor, BulkDraft draft) {
        requireBrand(actor);
        return host.partners().count(actor.programId(), draft.audience().chosen());
    }

    /** @return one page of the review list, searchable by name or e-mail, keyset by partner id */
    public List<ReviewRow> review(CurrentUser actor, BulkDraft draft, String text, long afterId, int limit) {
        requireBrand(actor);
        validateMacros(draft);
        List<Offer> offers = offers(actor, draft);
        Personalizer pz = new Personalizer(host, actor.programId(), offers, draft.fallbacks, draft.subject, draft.body);
        RecipientCheck check = RecipientCheck.forPage(host, actor.programId(), offers, pz, draft.excluded);
        PartnerFilter f = draft.audience().chosen().withText(text);
        return host.partners().page(actor.programId(), f, afterId, Math.max(1, Math.min(limit, 200))).stream()
                .map(p -> new ReviewRow(p, check.reason(p))).toList();
    }

    /** The whole audience checked before sending: who will receive it and who is left out, why. */
    public record Summary(long chosen, long receiving, long excludedByHand, long notApproved, long missingValues,
            List<ReviewRow> leftOut) implements Serializable {
    }

    /** @return the audience checked in full; at most {@code maxListed} left-out partners are listed */
    public Summary summary(CurrentUser actor, BulkDraft draft, int maxListed) {
        requireBrand(actor);
        validateMacros(draft);
        List<Offer> offers = offers(actor, draft);
        Personalizer pz = new Personalizer(host, actor.programId(), offers, draft.fallbacks, draft.subject, draft.body);
        RecipientCheck check = RecipientCheck.forSending(host, actor.programId(), offers, pz, draft.excluded);
        long[] n = new long[5];
        List<ReviewRow> leftOut = new ArrayList<>();
        host.partners().stream(actor.programId(), draft.audience().chosen(), p -> {
            n[0]++;
            String reason = check.reason(p);
            if (reason == null) {
                n[1]++;
                return;
            }
            if (reason.equals(RecipientCheck.MANUAL)) {
                n[2]++;
            } else if (reason.startsWith(RecipientCheck.NOT_APPROVED)) {
                n[3]++;
            } else {
                n[4]++;
            }
            if (leftOut.size() < maxListed) {
                leftOut.add(new ReviewRow(p, reason));
            }
        });
        return new Summary(n[0], n[1], n[2], n[3], n[4], leftOut);
    }

    /** One recipient's view of the message. */
    public record Preview(String subject, String html, String reason) implements Serializable {
    }

    /** @return the message as the partner would see it (the first member's name for member macros) */
    public Preview preview(CurrentUser actor, BulkDraft draft, long partnerId) {
        requireBrand(actor);
        validateMacros(draft);
        Partner p = host.partners().partner(actor.programId(), partnerId).orElseThrow(MessagingException::notFound);
        List<Offer> offers = offers(actor, draft);
        Personalizer pz = new Personalizer(host, actor.programId(), offers, draft.fallbacks, draft.subject, draft.body);
        String reason = RecipientCheck.forPage(host, actor.programId(), offers, pz, draft.excluded).reason(p);
        Personalizer.Copy copy = pz.render(p);
        PartnerMember member = host.partners().members(actor.programId(), partnerId).stream().findFirst().orElse(null);
        String subject = Personalizer.forMember(copy.subject(), member, draft.fallbacks);
        return new Preview(subject, Markdown.toHtml(Personalizer.forMember(copy.body(), member, draft.fallbacks)), reason);
    }

    // ---- after sending --------------------------------------------------------------------------

    public List<BroadcastMapper.LogRow> log(CurrentUser actor, long bulkId, String text, boolean repliedOnly,
            long afterPartnerId, int limit) {
        Bulk b = find(actor, bulkId);
        String t = text == null || text.isBlank() ? null : text.strip();
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(BroadcastMapper.class).log(b.id(), afterPartnerId, t, repliedOnly,
                    Math.max(1, Math.min(limit, 200)));
        }
    }

    /** @return opens per hour (UTC), oldest first */
    public List<BroadcastMapper.OpenBucketText> opens(CurrentUser actor, long bulkId) {
        Bulk b = find(actor, bulkId);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(BroadcastMapper.class).opens(b.id());
        }
    }

    /** @return the e-mail copies and their state */
    public List<BroadcastMapper.EmailState> emails(CurrentUser actor, long bulkId) {
        Bulk b = find(actor, bulkId);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(BroadcastMapper.class).emails(b.id());
        }
    }

    // ---- partner portal -------------------------------------------------------------------------

    /** A copy as a partner member sees it. */
    public record PortalCopy(long bulkId, String subject, String html, Instant deliveredAt, boolean opened,
            boolean allowReplies, Long replyConversationId, String senderName) implements Serializable {
    }

    /** @return the bulk messages addressed to the member's partner, newest first */
    public List<PortalCopy> inbox(CurrentUser actor, int offset, int limit) {
        requirePartner(actor);
        PartnerMember me = host.partners().member(actor.programId(), actor.userId()).orElse(null);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(BroadcastMapper.class).copies(actor.programId(), actor.partnerId(),
                    Math.max(1, Math.min(limit, 100)), Math.max(0, offset)).stream()
                    .map(r -> toPortal(r, me, false)).toList();
        }
    }

    /** @return how many bulk messages the member's partner has not opened yet */
    public long unopened(CurrentUser actor) {
        requirePartner(actor);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(BroadcastMapper.class).unopened(actor.programId(), actor.partnerId());
        }
    }

    /** Reads a copy; the partner's first view counts as the in-app open. */
    public PortalCopy open(CurrentUser actor, long bulkId) {
        requirePartner(actor);
        PartnerMember me = host.partners().member(actor.programId(), actor.userId()).orElse(null);
        try (SqlSession s = sessions.openSession(false)) {
            BroadcastMapper m = s.getMapper(BroadcastMapper.class);
            BroadcastMapper.CopyRow r = m.copy(actor.programId(), actor.partnerId(), bulkId);
            if (r == null) {
                throw MessagingException.notFound();
            }
            if (m.markOpened(bulkId, actor.partnerId(), "APP", host.clock().instant()) > 0) {
                m.countOpen(bulkId);
            }
            s.commit();
            return toPortal(r, me, true);
        }
    }

    /**
     * A partner member answers a bulk message that allows replies. The first answer of a partner opens
     * a conversation in the shared inbox, linked to the message; later answers continue it.
     */
    public Conversation reply(CurrentUser actor, long bulkId, String body) {
        requirePartner(actor);
        BroadcastMapper.CopyRow r;
        try (SqlSession s = sessions.openSession()) {
            r = s.getMapper(BroadcastMapper.class).copy(actor.programId(), actor.partnerId(), bulkId);
        }
        if (r == null) {
            throw MessagingException.notFound();
        }
        if (!r.allowReplies()) {
            throw new MessagingException("error.bulk.repliesOff");
        }
        if (r.replyConversationId() != null) {
            conversations.reply(actor, r.replyConversationId(), body, List.of(), false);
            return conversations.find(actor, r.replyConversationId());
        }
        PartnerMember me = host.partners().member(actor.programId(), actor.userId()).orElse(null);
        String subject = "Re: " + Personalizer.forMember(r.subject(), me, SendJob.fallbacksOf(r.fallbacks()));
        Conversation c = conversations.startReplyToBulk(actor, subject, body);
        try (SqlSession s = sessions.openSession(false)) {
            BroadcastMapper m = s.getMapper(BroadcastMapper.class);
            if (m.linkReply(bulkId, actor.partnerId(), c.id(), host.clock().instant()) > 0) {
                m.countReply(bulkId);
            }
            s.commit();
        }
        return c;
    }

    /** The bulk message a conversation answers. */
    public record ReplyOrigin(long bulkId, String subject) implements Serializable {
    }

    /** @return the bulk message a partner's reply opened this conversation for, if any */
    public Optional<ReplyOrigin> replyOrigin(CurrentUser actor, long conversationId) {
        requireBrand(actor);
        try (SqlSession s = sessions.openSession()) {
            return Optional.ofNullable(s.getMapper(BroadcastMapper.class).replyOrigin(actor.programId(), conversationId));
        }
    }

    /** Records an e-mail open from the tracking pixel; a bad token changes nothing. */
    public boolean emailOpened(String token) {
        Optional<OpenTokens.Ids> ids = tokens.verify(token);
        if (ids.isEmpty()) {
            return false;
        }
        OpenTokens.Ids i = ids.get();
        Instant now = host.clock().instant();
        try (SqlSession s = sessions.openSession(false)) {
            BroadcastMapper m = s.getMapper(BroadcastMapper.class);
            if (m.markEmailOpened(i.bulkId(), i.partnerId(), i.memberId(), now) == 0) {
                s.rollback();
                return false;
            }
            if (m.markOpened(i.bulkId(), i.partnerId(), "EMAIL", now) > 0) {
                m.countOpen(i.bulkId());
            }
            s.commit();
            return true;
        }
    }

    /** @return the send job (tests, and the scheduler's task) */
    public SendJob job() {
        return job;
    }

    // ---- internals ------------------------------------------------------------------------------

    private PortalCopy toPortal(BroadcastMapper.CopyRow r, PartnerMember me, boolean withBody) {
        Map<String, String> fallbacks = SendJob.fallbacksOf(r.fallbacks());
        String subject = Personalizer.forMember(r.subject(), me, fallbacks);
        String html = withBody ? Markdown.toHtml(Personalizer.forMember(r.body(), me, fallbacks)) : null;
        return new PortalCopy(r.bulkId(), subject, html, r.deliveredAt(), r.openedAt() != null, r.allowReplies(),
                r.replyConversationId(), r.senderName());
    }

    private long store(CurrentUser actor, BulkDraft d, String kind, BulkStatus status, String name, Instant scheduledAt) {
        BroadcastMapper.Content c = new BroadcastMapper.Content();
        c.id = d.id;
        c.programId = actor.programId();
        c.kind = kind;
        c.status = status.name();
        c.name = name;
        c.subject = d.subject == null ? "" : d.subject.strip();
        c.body = d.body == null ? "" : d.body;
        Audience a = d.audience();
        c.audience = Codec.encode(a);
        c.audienceLabel = label(actor, d, a);
        c.savedAudienceId = d.savedAudienceId;
        c.offerIds = d.offerIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        c.fallbacks = Codec.encode(new LinkedHashMap<>(cleanFallbacks(d.fallbacks)));
        c.allowReplies = d.allowReplies;
        c.emailCopy = d.emailCopy;
        c.scheduledAt = scheduledAt;
        c.senderZone = actor.zoneId().getId();
        c.userId = actor.userId();
        c.userName = actor.displayName();
        c.at = host.clock().instant();
        try (SqlSession s = sessions.openSession(true)) {
            BroadcastMapper m = s.getMapper(BroadcastMapper.class);
            if (c.id == null) {
                m.insert(c);
            } else {
                Bulk existing = m.find(actor.programId(), c.id);
                if (existing == null || !existing.kind().equals(kind)) {
                    throw MessagingException.notFound();
                }
                if (m.update(c) == 0) {
                    throw new MessagingException("error.bulk.notEditable");
                }
            }
        }
        d.id = Bulk.TEMPLATE.equals(kind) ? d.id : c.id;
        return c.id;
    }

    private static Map<String, String> cleanFallbacks(Map<String, String> f) {
        Map<String, String> out = new LinkedHashMap<>();
        f.forEach((k, v) -> {
            if (Macros.ALL.contains(k) && v != null && !v.isBlank()) {
                out.put(k, v.strip());
            }
        });
        return out;
    }

    private String label(CurrentUser actor, BulkDraft d, Audience a) {
        if (d.savedAudienceId != null) {
            Optional<SavedAudience> saved = audiences.find(actor.programId(), d.savedAudienceId);
            if (saved.isPresent()) {
                return SendJob.truncate("saved:" + saved.get().name(), 300);
            }
        }
        return switch (a.mode()) {
            case ALL -> "all";
            case SPECIFIC -> "specific:" + a.specific().size();
            case FILTERED -> "filtered:" + a.groups().size();
        };
    }

    private void recordAudienceUse(CurrentUser actor, BulkDraft d) {
        if (d.savedAudienceId != null) {
            audiences.recordUse(actor.programId(), d.savedAudienceId);
        }
    }

    private Instant scheduleInstant(CurrentUser actor, BulkDraft d) {
        if (d.scheduleAt == null) {
            throw new MessagingException("error.bulk.scheduleMissing");
        }
        ZoneId zone = actor.zoneId();
        return d.scheduleAt.atZone(zone).toInstant();
    }

    private List<Offer> offers(CurrentUser actor, BulkDraft d) {
        if (d.offerIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Offer> all = new LinkedHashMap<>();
        host.partners().offers(actor.programId()).forEach(o -> all.put(o.id(), o));
        List<Offer> out = new ArrayList<>();
        for (Long id : d.offerIds) {
            Offer o = all.get(id);
            if (o == null) {
                throw MessagingException.notFound();
            }
            out.add(o);
        }
        return out;
    }

    /** Unknown macros block saving; sending also needs a subject, a body and recipients. */
    private void validate(CurrentUser actor, BulkDraft d, boolean forSending) {
        validateMacros(d);
        offers(actor, d);
        if (d.subject != null && d.subject.strip().length() > MAX_SUBJECT) {
            throw new MessagingException("error.bulk.subjectTooLong", Map.of("max", MAX_SUBJECT));
        }
        if (d.body != null && d.body.length() > MAX_BODY) {
            throw new MessagingException("error.bulk.bodyTooLong", Map.of("max", MAX_BODY));
        }
        if (forSending) {
            if (d.subject == null || d.subject.isBlank()) {
                throw new MessagingException("error.bulk.subjectMissing");
            }
            if (d.body == null || d.body.isBlank()) {
                throw new MessagingException("error.bulk.bodyMissing");
            }
            if (d.mode == Audience.Mode.SPECIFIC && d.specific.isEmpty()) {
                throw new MessagingException("error.bulk.noRecipients");
            }
        }
    }

    private static void validateMacros(BulkDraft d) {
        Set<String> unknown = new LinkedHashSet<>(Macros.unknown(d.subject));
        unknown.addAll(Macros.unknown(d.body));
        if (!unknown.isEmpty()) {
            throw new MessagingException("error.bulk.unknownMacro", Map.of("names",
                    unknown.stream().map(n -> "{" + n + "}").collect(Collectors.joining(", "))));
        }
        boolean offerMacros = Macros.used(d.text()).stream()
                .anyMatch(n -> n.equals(Macros.OFFER_NAME) || n.equals(Macros.OFFER_TRACKING_LINK));
        if (offerMacros && d.offerIds.isEmpty()) {
            throw new MessagingException("error.bulk.offerMacroNeedsOffer");
        }
    }

    private BulkDraft toDraft(Bulk b) {
        BulkDraft d = new BulkDraft();
        d.subject = b.subject();
        d.body = b.body();
        d.setAudience(Codec.decode(b.audience(), Audience.class));
        d.savedAudienceId = b.savedAudienceId();
        d.allowReplies = b.allowReplies();
        d.emailCopy = b.emailCopy();
        d.offerIds = new ArrayList<>(SendJob.parseIds(b.offerIds()));
        d.fallbacks = new LinkedHashMap<>(SendJob.fallbacks(b));
        return d;
    }

    private static BulkDraft copyOf(BulkDraft src) {
        BulkDraft d = new BulkDraft();
        d.subject = src.subject;
        d.body = src.body;
        d.setAudience(src.audience());
        d.savedAudienceId = src.savedAudienceId;
        d.allowReplies = src.allowReplies;
        d.emailCopy = src.emailCopy;
        d.offerIds = new ArrayList<>(src.offerIds);
        d.fallbacks = new LinkedHashMap<>(src.fallbacks);
        return d;
    }

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
}
