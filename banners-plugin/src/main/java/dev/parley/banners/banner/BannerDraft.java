package dev.parley.banners.banner;

import dev.parley.api.partner.PartnershipStatus;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * What the editor edits: a banner's fields with the schedule in the editor's own time zone. Plain
 * bean so Wicket forms can bind to it.
 */
public class BannerDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private String internalName;
    private String headline;
    private String body;
    private Long imageId;
    private String ctaLabel;
    private String ctaUrl;
    private BannerStyle style = BannerStyle.INFO;
    private Placement placement = Placement.DASHBOARD;
    private int priority = 100;
    private AudienceKind audienceKind = AudienceKind.ALL;
    private Long audienceId;
    private String ruleTag;
    private PartnershipStatus ruleStatus;
    private Long ruleOfferId;
    private BigDecimal ruleMinRevenue;
    private Integer ruleMonths = 1;
    private Long offerId;
    private boolean dismissible = true;
    /** Start in the editor's zone; {@code null} means now. */
    private LocalDateTime startsAt;
    /** End in the editor's zone (exclusive); {@code null} means no end. */
    private LocalDateTime endsAt;

    /** @return a draft filled from a stored banner, times shown in the zone */
    public static BannerDraft of(Banner b, java.time.ZoneId zone) {
        BannerDraft d = new BannerDraft();
        d.internalName = b.internalName();
        d.headline = b.headline();
        d.body = b.body();
        d.imageId = b.imageId();
        d.ctaLabel = b.ctaLabel();
        d.ctaUrl = b.ctaUrl();
        d.style = b.style();
        d.placement = b.placement();
        d.priority = b.priority();
        d.audienceKind = b.audienceKind();
        d.audienceId = b.audienceId();
        d.ruleTag = b.ruleTag();
        d.ruleStatus = b.ruleStatus();
        d.ruleOfferId = b.ruleOfferId();
        d.ruleMinRevenue = b.ruleMinRevenue();
        d.ruleMonths = b.ruleMonths() == null ? 1 : b.ruleMonths();
        d.offerId = b.offerId();
        d.dismissible = b.dismissible();
        d.startsAt = LocalDateTime.ofInstant(b.startsAt(), zone);
        d.endsAt = b.endsAt() == null ? null : LocalDateTime.ofInstant(b.endsAt(), zone);
        return d;
    }

    public String getInternalName() { return internalName; }
    public void setInternalName(String v) { internalName = v; }
    public String getHeadline() { return headline; }
    public void setHeadline(String v) { headline = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public Long getImageId() { return imageId; }
    public void setImageId(Long v) { imageId = v; }
    public String getCtaLabel() { return ctaLabel; }
    public void setCtaLabel(String v) { ctaLabel = v; }
    public String getCtaUrl() { return ctaUrl; }
    public void setCtaUrl(String v) { ctaUrl = v; }
    public BannerStyle getStyle() { return style; }
    public void setStyle(BannerStyle v) { style = v; }
    public Placement getPlacement() { return placement; }
    public void setPlacement(Placement v) { placement = v; }
    public int getPriority() { return priority; }
    public void setPriority(int v) { priority = v; }
    public AudienceKind getAudienceKind() { return audienceKind; }
    public void setAudienceKind(AudienceKind v) { audienceKind = v; }
    public Long getAudienceId() { return audienceId; }
    public void setAudienceId(Long v) { audienceId = v; }
    public String getRuleTag() { return ruleTag; }
    public void setRuleTag(String v) { ruleTag = v; }
    public PartnershipStatus getRuleStatus() { return ruleStatus; }
    public void setRuleStatus(PartnershipStatus v) { ruleStatus = v; }
    public Long getRuleOfferId() { return ruleOfferId; }
    public void setRuleOfferId(Long v) { ruleOfferId = v; }
    public BigDecimal getRuleMinRevenue() { return ruleMinRevenue; }
    public void setRuleMinRevenue(BigDecimal v) { ruleMinRevenue = v; }
    public Integer getRuleMonths() { return ruleMonths; }
    public void setRuleMonths(Integer v) { ruleMonths = v; }
    public Long getOfferId() { return offerId; }
    public void setOfferId(Long v) { offerId = v; }
    public boolean isDismissible() { return dismissible; }
    public void setDismissible(boolean v) { dismissible = v; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime v) { startsAt = v; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime v) { endsAt = v; }
}
