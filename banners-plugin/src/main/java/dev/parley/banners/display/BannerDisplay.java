package dev.parley.banners.display;

import dev.parley.api.macro.MacroValues;
import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersPlugin;
import dev.parley.banners.analytics.BannerAnalytics;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.BannerMapper;
import dev.parley.banners.banner.BannerText;
import dev.parley.banners.banner.Placement;
import dev.parley.banners.index.BannerIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The partner side: which banners a member sees (from the in-memory index), personalised with the
 * shared macros; dismissals and call-to-action clicks. Nothing is shown when the program's plan lacks
 * the banners feature.
 */
public final class BannerDisplay {

    private final SqlSessionFactory sessions;
    private final HostServices host;
    private final BannerIndex index;
    private final BannerAnalytics analytics;

    public BannerDisplay(SqlSessionFactory sessions, HostServices host, BannerIndex index, BannerAnalytics analytics) {
        this.sessions = sessions;
        this.host = host;
        this.index = index;
        this.analytics = analytics;
    }

    /** @return the raw active banners of the member's partner (no database access) */
    public List<Banner> active(CurrentUser viewer, Placement placement) {
        if (viewer == null || !viewer.isPartner() || viewer.partnerId() == null
                || !host.features().isEnabled(viewer.programId(), BannersPlugin.FEATURE)) {
            return List.of();
        }
        return index.resolve(viewer.programId(), viewer.partnerId(), viewer.userId(), placement, host.clock().instant());
    }

    /**
     * @return the member's active banners, personalised, in priority order; each is recorded as seen
     */
    public List<ShownBanner> show(CurrentUser viewer, Placement placement) {
        List<Banner> banners = active(viewer, placement);
        if (banners.isEmpty()) {
            return List.of();
        }
        Optional<Partner> partner = host.partners().partner(viewer.programId(), viewer.partnerId());
        if (partner.isEmpty()) {
            return List.of();
        }
        PartnerMember member = host.partners().member(viewer.programId(), viewer.userId()).orElse(null);
        List<ShownBanner> result = new ArrayList<>();
        for (Banner b : banners) {
            result.add(render(b, partner.get(), member));
            analytics.recordView(b.id(), viewer);
        }
        return result;
    }

    /**
     * Personalises a banner for a partner (and member).
     *
     * @param member the viewing member, or {@code null} (preview as the partner's team)
     */
    public ShownBanner render(Banner b, Partner partner, PartnerMember member) {
        Offer offer = b.offerId() == null ? null
                : host.partners().offers(b.programId()).stream().filter(o -> o.id() == b.offerId()).findFirst().orElse(null);
        Map<String, String> values = MacroValues.of(host, b.programId(), partner, member, offer);
        String headline = BannerText.personalise(b.headline(), values);
        String body = BannerText.toSafeHtml(BannerText.personalise(b.body(), values));
        String url = b.ctaUrl() == null ? null : BannerText.personaliseUrl(b.ctaUrl(), values);
        String label = b.ctaLabel() == null ? null : BannerText.personalise(b.ctaLabel(), values);
        boolean usable = url != null && label != null && BannerText.isHttpUrl(url);
        return new ShownBanner(b.id(), headline, body, usable ? label : null, usable ? url : null, b.style(), b.imageId(),
                b.dismissible());
    }

    /**
     * Renders a brand user's banner as a partner of the program would see it.
     *
     * @throws SecurityException when the actor may not edit banners or the partner is not in the program
     */
    public ShownBanner preview(CurrentUser actor, Banner banner, long partnerId) {
        if (actor == null || !actor.can(Permissions.BANNERS) || banner.programId() != actor.programId()
                || !host.features().isEnabled(actor.programId(), BannersPlugin.FEATURE)) {
            throw new SecurityException("Banners permission required");
        }
        Partner partner = host.partners().partner(actor.programId(), partnerId)
                .orElseThrow(() -> new SecurityException("No such partner in your program"));
        PartnerMember member = host.partners().members(actor.programId(), partnerId).stream().findFirst().orElse(null);
        return render(banner, partner, member);
    }

    /**
     * Records a click on a banner the member can see and returns where to send them.
     *
     * @return the personalised http(s) target; empty when the banner is not shown to this member or has no link
     */
    public Optional<String> click(CurrentUser viewer, long bannerId) {
        if (viewer == null || !viewer.isPartner() || viewer.partnerId() == null
                || !host.features().isEnabled(viewer.programId(), BannersPlugin.FEATURE)) {
            return Optional.empty();
        }
        Optional<Banner> banner = visible(viewer, bannerId);
        if (banner.isEmpty()) {
            return Optional.empty();
        }
        Partner partner = host.partners().partner(viewer.programId(), viewer.partnerId()).orElse(null);
        if (partner == null) {
            return Optional.empty();
        }
        ShownBanner shown = render(banner.get(), partner, host.partners().member(viewer.programId(), viewer.userId()).orElse(null));
        if (!shown.hasCta()) {
            return Optional.empty();
        }
        analytics.recordClick(bannerId, viewer);
        return Optional.of(shown.ctaUrl());
    }

    /**
     * Dismisses a banner for the member, on every device, until its content changes.
     *
     * @return whether it was dismissed (it must be shown to the member and dismissible)
     */
    public boolean dismiss(CurrentUser viewer, long bannerId) {
        if (viewer == null || !viewer.isPartner() || viewer.partnerId() == null
                || !host.features().isEnabled(viewer.programId(), BannersPlugin.FEATURE)) {
            return false;
        }
        Optional<Banner> banner = visible(viewer, bannerId).filter(Banner::dismissible);
        if (banner.isEmpty()) {
            return false;
        }
        Banner b = banner.get();
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(BannerMapper.class).dismiss(b.id(), viewer.userId(), viewer.programId(), viewer.partnerId(),
                    b.contentHash(), host.clock().instant());
        }
        index.dismissed(b.id(), viewer.userId(), b.contentHash());
        return true;
    }

    private Optional<Banner> visible(CurrentUser viewer, long bannerId) {
        return index.resolve(viewer.programId(), viewer.partnerId(), viewer.userId(), null, host.clock().instant()).stream()
                .filter(b -> b.id() == bannerId).findFirst();
    }
}
