package dev.parley.banners.banner;

import dev.parley.api.macro.Macros;
import dev.parley.api.partner.Offer;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.upload.UploadName;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersPlugin;
import dev.parley.banners.targeting.BannerAudience;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * The brand side of banners: create, edit, publish, duplicate, archive, images. Every method checks
 * the acting user (Banners permission) and the program's plan (banners feature), and scopes every
 * query by the actor's program.
 */
public final class BannerService {

    /** Largest accepted image. */
    public static final int MAX_IMAGE_BYTES = 1024 * 1024;
    /** Image types accepted, decided by content. */
    public static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif");

    /** Magic-byte detection with Tika's type registry, loaded through the plugin's own class loader. */
    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes(BannerService.class.getClassLoader());

    private final SqlSessionFactory sessions;
    private final HostServices host;
    private final BannerAudience audience;
    private final LongConsumer changed;

    /**
     * @param changed told the program id after every change (refreshes the index)
     */
    public BannerService(SqlSessionFactory sessions, HostServices host, BannerAudience audience, LongConsumer changed) {
        this.sessions = sessions;
        this.host = host;
        this.audience = audience;
        this.changed = changed;
    }

    /** @return the program's banners in priority order, optionally only those with the status */
    public List<Banner> list(CurrentUser actor, BannerStatus status) {
        requireBrand(actor);
        Instant now = host.clock().instant();
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(BannerMapper.class).ofProgram(actor.programId()).stream()
                    .filter(b -> status == null || b.status(now) == status).toList();
        }
    }

    /** @return the banner if it belongs to the actor's program */
    public Optional<Banner> find(CurrentUser actor, long id) {
        requireBrand(actor);
        try (SqlSession s = sessions.openSession()) {
            return Optional.ofNullable(s.getMapper(BannerMapper.class).find(actor.programId(), id));
        }
    }

    /**
     * Validates and stores a banner.
     *
     * @param id the banner to change, or {@code null} for a new one
     * @param publish {@code true} to publish (scheduled or active per its start), {@code false} to keep it a draft
     * @return the banner's id
     * @throws BannerValidationException when the draft breaks a rule
     */
    public long save(CurrentUser actor, Long id, BannerDraft draft, boolean publish) {
        requireBrand(actor);
        long programId = actor.programId();
        ZoneId zone = actor.zoneId();
        Instant now = host.clock().instant();
        validate(programId, draft, zone, now);
        long result;
        Banner b;
        Banner existing = null;
        try (SqlSession s = sessions.openSession()) {
            BannerMapper m = s.getMapper(BannerMapper.class);
            if (id != null) {
                existing = m.find(programId, id);
                if (existing == null || existing.archived()) {
                    throw new SecurityException("No such banner in your program");
                }
            }
            // held until commit: UnusedImages cannot delete the image between the check and the save
            if (draft.getImageId() != null && m.lockImageInUse(programId, draft.getImageId()) == null) {
                throw new BannerValidationException(List.of(new BannerProblem("image", "imageMissing", null)));
            }
            b = build(id == null ? 0 : id, programId, draft, zone, now, publish,
                    existing == null ? actor.userId() : existing.createdBy(), existing == null ? now : existing.createdAt());
            if (existing == null) {
                IdHolder h = new IdHolder();
                m.insert(b, h);
                result = h.getId();
            } else {
                m.update(b);
                result = existing.id();
            }
            s.commit();
        }
        if (publish && b.audienceKind() == AudienceKind.SAVED && b.audienceId() != null
                && (existing == null || !existing.published())) {
            audience.recordUse(programId, b.audienceId());
        }
        changed.accept(programId);
        return result;
    }

    /**
     * Validates a draft and returns it as an unsaved banner (id 0), for the editor's preview.
     *
     * @throws BannerValidationException when the draft breaks a rule
     */
    public Banner unsaved(CurrentUser actor, BannerDraft draft) {
        requireBrand(actor);
        Instant now = host.clock().instant();
        validate(actor.programId(), draft, actor.zoneId(), now);
        return build(0, actor.programId(), draft, actor.zoneId(), now, false, actor.userId(), now);
    }

    private static Banner build(long id, long programId, BannerDraft draft, ZoneId zone, Instant now, boolean publish,
            long createdBy, Instant createdAt) {
        Instant startsAt = draft.getStartsAt() == null ? now : draft.getStartsAt().atZone(zone).toInstant();
        Instant endsAt = draft.getEndsAt() == null ? null : draft.getEndsAt().atZone(zone).toInstant();
        boolean rules = rules(draft);
        return new Banner(id, programId, strip(draft.getInternalName()), strip(draft.getHeadline()),
                draft.getBody() == null ? "" : draft.getBody().strip(), draft.getImageId(), blankToNull(draft.getCtaLabel()),
                blankToNull(draft.getCtaUrl()), draft.getStyle(), draft.getPlacement(), draft.getPriority(),
                draft.getAudienceKind(), draft.getAudienceKind() == AudienceKind.SAVED ? draft.getAudienceId() : null,
                rules ? blankToNull(draft.getRuleTag()) : null, rules ? draft.getRuleStatus() : null,
                rules ? draft.getRuleOfferId() : null, rules ? draft.getRuleMinRevenue() : null,
                rules && draft.getRuleMinRevenue() != null ? draft.getRuleMonths() : null, draft.getOfferId(),
                draft.isDismissible(), startsAt, endsAt, publish, false, contentHash(draft), createdBy, createdAt, now);
    }

    /** @return the id of a new draft copying the banner */
    public long duplicate(CurrentUser actor, long id, String copyName) {
        requireBrand(actor);
        Banner b = find(actor, id).orElseThrow(() -> new SecurityException("No such banner in your program"));
        BannerDraft d = BannerDraft.of(b, actor.zoneId());
        String name = copyName == null ? b.internalName() : copyName;
        d.setInternalName(name.length() > BannerText.MAX_NAME ? name.substring(0, BannerText.MAX_NAME) : name);
        Instant now = host.clock().instant();
        if (b.endsAt() != null && !b.endsAt().isAfter(now)) {
            d.setEndsAt(null);
        }
        if (!b.startsAt().isAfter(now)) {
            d.setStartsAt(null);
        }
        return save(actor, null, d, false);
    }

    /** Archives a banner: it stops showing at once and is kept for its analytics. */
    public void archive(CurrentUser actor, long id) {
        requireBrand(actor);
        try (SqlSession s = sessions.openSession(true)) {
            if (s.getMapper(BannerMapper.class).archive(actor.programId(), id, host.clock().instant()) == 0) {
                throw new SecurityException("No such banner in your program");
            }
        }
        changed.accept(actor.programId());
    }

    /**
     * Stores an uploaded image after checking its name, its type by content and its size. The image is
     * stored before its banner is saved (the editor's live preview shows it); if no banner uses it
     * within {@link UnusedImages#GRACE}, {@link UnusedImages} deletes it.
     *
     * @param fileName the name the browser sent: a path, control characters or no name refuse the image
     *        (see {@link UploadName}); the name is not kept
     * @return the image id
     * @throws BannerValidationException {@code imageNamePath}, {@code imageNameControl},
     *         {@code imageNameMissing}, {@code imageType} or {@code imageSize}
     */
    public long uploadImage(CurrentUser actor, String fileName, byte[] data) {
        requireBrand(actor);
        requirePlainName(fileName);
        if (data == null || data.length == 0 || data.length > MAX_IMAGE_BYTES) {
            throw new BannerValidationException(List.of(new BannerProblem("image", "imageSize",
                    String.valueOf(MAX_IMAGE_BYTES / 1024))));
        }
        String type = detect(data);
        if (!IMAGE_TYPES.contains(type)) {
            throw new BannerValidationException(List.of(new BannerProblem("image", "imageType", type)));
        }
        ImageRow row = new ImageRow(actor.programId(), type, data, host.clock().instant());
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(BannerMapper.class).insertImage(row);
        }
        return row.getId();
    }

    /**
     * Refuses an image whose name is a path (or has control characters, or is empty), as every upload
     * in Parley does.
     *
     * @throws BannerValidationException naming the file as sent
     */
    public static void requirePlainName(String fileName) {
        UploadName.problem(fileName).ifPresent(problem -> {
            throw new BannerValidationException(List.of(new BannerProblem("image", switch (problem) {
                case MISSING -> "imageNameMissing";
                case PATH -> "imageNamePath";
                case CONTROL -> "imageNameControl";
            }, UploadName.shown(fileName))));
        });
    }

    /**
     * @param visibleToPartner for partner members: whether a banner they currently see uses the image
     * @return the image if the viewer may see it: a brand user with the Banners permission in its
     *         program, or a partner member who is shown a banner with it
     */
    public Optional<ImageRow> image(CurrentUser viewer, long id, java.util.function.LongPredicate visibleToPartner) {
        if (viewer == null || !host.features().isEnabled(viewer.programId(), BannersPlugin.FEATURE)) {
            return Optional.empty();
        }
        if (viewer.isPartner() ? !visibleToPartner.test(id) : !viewer.can(Permissions.BANNERS)) {
            return Optional.empty();
        }
        try (SqlSession s = sessions.openSession()) {
            return Optional.ofNullable(s.getMapper(BannerMapper.class).findImage(viewer.programId(), id));
        }
    }

    /** @return the detected media type of the bytes (never trusts a file name or a declared type) */
    static String detect(byte[] data) {
        try {
            try (java.io.InputStream in = new java.io.BufferedInputStream(new java.io.ByteArrayInputStream(data))) {
                return TYPES.detect(in, new Metadata()).toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks every rule of a draft.
     *
     * @throws BannerValidationException listing every problem found
     */
    public void validate(long programId, BannerDraft d, ZoneId zone, Instant now) {
        List<BannerProblem> p = new ArrayList<>();
        String name = strip(d.getInternalName());
        if (name == null || name.isEmpty()) {
            p.add(new BannerProblem("internalName", "nameRequired", null));
        } else if (name.length() > BannerText.MAX_NAME) {
            p.add(new BannerProblem("internalName", "nameTooLong", String.valueOf(BannerText.MAX_NAME)));
        }
        String headline = strip(d.getHeadline());
        if (headline == null || headline.isEmpty()) {
            p.add(new BannerProblem("headline", "headlineRequired", null));
        } else if (headline.codePointCount(0, headline.length()) > BannerText.MAX_HEADLINE) {
            p.add(new BannerProblem("headline", "headlineTooLong", String.valueOf(BannerText.MAX_HEADLINE)));
        }
        String body = d.getBody() == null ? "" : d.getBody().strip();
        if (body.codePointCount(0, body.length()) > BannerText.MAX_BODY) {
            p.add(new BannerProblem("body", "bodyTooLong", String.valueOf(BannerText.MAX_BODY)));
        }
        String label = blankToNull(d.getCtaLabel());
        String url = blankToNull(d.getCtaUrl());
        if (label != null && label.length() > BannerText.MAX_CTA_LABEL) {
            p.add(new BannerProblem("ctaLabel", "ctaLabelTooLong", String.valueOf(BannerText.MAX_CTA_LABEL)));
        }
        if ((label == null) != (url == null)) {
            p.add(new BannerProblem(label == null ? "ctaLabel" : "ctaUrl", "ctaIncomplete", null));
        }
        if (url != null && (url.length() > BannerText.MAX_URL || !BannerText.isAcceptableCtaUrl(url))) {
            p.add(new BannerProblem("ctaUrl", "ctaUrlScheme", null));
        }
        for (String[] field : new String[][] {{"headline", headline}, {"body", body}, {"ctaLabel", label}, {"ctaUrl", url}}) {
            for (String unknown : Macros.unknown(field[1])) {
                p.add(new BannerProblem(field[0], "unknownMacro", "{" + unknown + "}"));
            }
        }
        String all = String.join("\n", headline == null ? "" : headline, body, label == null ? "" : label,
                url == null ? "" : url);
        List<String> used = Macros.used(all);
        List<Offer> offers = host.partners().offers(programId);
        if ((used.contains(Macros.OFFER_NAME) || used.contains(Macros.OFFER_TRACKING_LINK)) && d.getOfferId() == null) {
            p.add(new BannerProblem("offerId", "offerRequired", null));
        }
        if (d.getOfferId() != null && offers.stream().noneMatch(o -> o.id() == d.getOfferId())) {
            p.add(new BannerProblem("offerId", "unknownOffer", null));
        }
        if (d.getStyle() == null) {
            p.add(new BannerProblem("style", "styleRequired", null));
        }
        if (d.getPlacement() == Placement.EVERY_PAGE && d.getStyle() != BannerStyle.CRITICAL) {
            p.add(new BannerProblem("placement", "placementCritical", null));
        }
        if (d.getPlacement() == null) {
            p.add(new BannerProblem("placement", "placementRequired", null));
        }
        if (d.getPriority() < 0 || d.getPriority() > 9999) {
            p.add(new BannerProblem("priority", "priorityRange", null));
        }
        if (d.getAudienceKind() == null) {
            p.add(new BannerProblem("audienceKind", "audienceRequired", null));
        } else if (d.getAudienceKind() == AudienceKind.SAVED
                && (d.getAudienceId() == null || audience.savedAudience(programId, d.getAudienceId()).isEmpty())) {
            p.add(new BannerProblem("audienceId", "audienceMissing", null));
        } else if (d.getAudienceKind() == AudienceKind.RULES) {
            if (blankToNull(d.getRuleTag()) == null && d.getRuleStatus() == null && d.getRuleOfferId() == null
                    && d.getRuleMinRevenue() == null) {
                p.add(new BannerProblem("ruleTag", "rulesMissing", null));
            }
            if (d.getRuleOfferId() != null && offers.stream().noneMatch(o -> o.id() == d.getRuleOfferId())) {
                p.add(new BannerProblem("ruleOfferId", "unknownOffer", null));
            }
            if (d.getRuleMinRevenue() != null && d.getRuleMinRevenue().signum() < 0) {
                p.add(new BannerProblem("ruleMinRevenue", "revenueNegative", null));
            }
            if (d.getRuleMonths() != null && (d.getRuleMonths() < 1 || d.getRuleMonths() > 24)) {
                p.add(new BannerProblem("ruleMonths", "monthsRange", null));
            }
        }
        if (d.getStartsAt() != null && d.getEndsAt() != null && !d.getEndsAt().isAfter(d.getStartsAt())) {
            p.add(new BannerProblem("endsAt", "endBeforeStart", null));
        } else if (d.getStartsAt() == null && d.getEndsAt() != null && !d.getEndsAt().atZone(zone).toInstant().isAfter(now)) {
            p.add(new BannerProblem("endsAt", "endBeforeStart", null));
        }
        if (d.getImageId() != null) {
            try (SqlSession s = sessions.openSession()) {
                if (s.getMapper(BannerMapper.class).findImage(programId, d.getImageId()) == null) {
                    p.add(new BannerProblem("image", "imageMissing", null));
                }
            }
        }
        if (!p.isEmpty()) {
            throw new BannerValidationException(p);
        }
    }

    /** @return a hash of what partners see; when it changes, dismissed banners come back */
    static String contentHash(BannerDraft d) {
        String content = String.join("\u0000", String.valueOf(strip(d.getHeadline())),
                d.getBody() == null ? "" : d.getBody().strip(), String.valueOf(d.getImageId()),
                String.valueOf(blankToNull(d.getCtaLabel())), String.valueOf(blankToNull(d.getCtaUrl())),
                String.valueOf(d.getStyle()), String.valueOf(d.getOfferId()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireBrand(CurrentUser actor) {
        if (actor == null || !actor.can(Permissions.BANNERS)) {
            throw new SecurityException("Banners permission required");
        }
        if (!host.features().isEnabled(actor.programId(), BannersPlugin.FEATURE)) {
            throw new SecurityException("Banners are not part of this program's plan");
        }
    }

    private static boolean rules(BannerDraft d) {
        return d.getAudienceKind() == AudienceKind.RULES;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
