package dev.parley.banners.targeting;

import dev.parley.api.audience.SavedAudience;
import dev.parley.api.audience.SavedAudiences;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PerformancePeriod;
import dev.parley.api.plugin.HostServices;
import dev.parley.banners.banner.AudienceKind;
import dev.parley.banners.banner.Banner;
import dev.parley.banners.banner.BannerDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a banner is for, as a {@link PartnerFilter} the host's {@link dev.parley.api.partner.PartnerDirectory}
 * evaluates: all partners, a saved audience of another plugin, or rules (tag, status, approved offer,
 * revenue over recent months; all must hold).
 */
public final class BannerAudience {

    /** Matches no partner (a saved audience that no longer exists). */
    public static final PartnerFilter NOBODY = PartnerFilter.allOf(PartnerRule.partnerIn(Set.of()));

    private final HostServices host;

    public BannerAudience(HostServices host) {
        this.host = host;
    }

    /** @return the saved audiences other running plugins offer for the program; empty when none does */
    public List<SavedAudience> savedAudiences(long programId) {
        List<SavedAudience> result = new ArrayList<>();
        for (SavedAudiences provider : host.extensions(SavedAudiences.class)) {
            result.addAll(provider.list(programId));
        }
        return result;
    }

    /** @return the saved audience if some provider has it in the program */
    public Optional<SavedAudience> savedAudience(long programId, long audienceId) {
        for (SavedAudiences provider : host.extensions(SavedAudiences.class)) {
            Optional<SavedAudience> a = provider.find(programId, audienceId);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    /** Records that a banner targets a saved audience. */
    public void recordUse(long programId, long audienceId) {
        for (SavedAudiences provider : host.extensions(SavedAudiences.class)) {
            if (provider.find(programId, audienceId).isPresent()) {
                provider.recordUse(programId, audienceId);
                return;
            }
        }
    }

    /** @return the banner's partners as a filter; {@code null} for every partner of the program */
    public PartnerFilter filter(Banner b) {
        return filter(b.programId(), b.audienceKind(), b.audienceId(), rules(b.ruleTag(), b.ruleStatus(),
                b.ruleOfferId(), b.ruleMinRevenue(), b.ruleMonths()));
    }

    /** @return the draft's partners as a filter; {@code null} for every partner of the program */
    public PartnerFilter filter(long programId, BannerDraft d) {
        return filter(programId, d.getAudienceKind(), d.getAudienceId(), rules(d.getRuleTag(), d.getRuleStatus(),
                d.getRuleOfferId(), d.getRuleMinRevenue(), d.getRuleMonths()));
    }

    private PartnerFilter filter(long programId, AudienceKind kind, Long audienceId, List<PartnerRule> rules) {
        return switch (kind) {
            case ALL -> null;
            case SAVED -> audienceId == null ? NOBODY
                    : savedAudience(programId, audienceId).map(SavedAudience::filter).orElse(NOBODY);
            case RULES -> rules.isEmpty() ? null : new PartnerFilter(List.of(rules), null, Set.of());
        };
    }

    private List<PartnerRule> rules(String tag, dev.parley.api.partner.PartnershipStatus status, Long offerId,
            java.math.BigDecimal minRevenue, Integer months) {
        List<PartnerRule> rules = new ArrayList<>();
        if (tag != null && !tag.isBlank()) {
            rules.add(PartnerRule.tag(tag));
        }
        if (status != null) {
            rules.add(PartnerRule.status(status));
        }
        if (offerId != null) {
            rules.add(PartnerRule.approvedForOffer(offerId));
        }
        if (minRevenue != null) {
            int m = months == null || months < 1 ? 1 : months;
            rules.add(PartnerRule.revenueAtLeast(minRevenue, PerformancePeriod.lastMonths(host.clock(), m)));
        }
        return rules;
    }

    /**
     * @param filter a banner's filter ({@code null} = everyone)
     * @return the same filter restricted to one partner, to test membership cheaply
     */
    public static PartnerFilter restrictTo(PartnerFilter filter, long partnerId) {
        PartnerRule only = PartnerRule.partnerIn(Set.of(partnerId));
        if (filter == null || filter.anyOf().isEmpty()) {
            PartnerFilter base = filter == null ? PartnerFilter.all() : filter;
            return new PartnerFilter(List.of(List.of(only)), base.text(), base.excluded());
        }
        List<List<PartnerRule>> groups = new ArrayList<>();
        for (List<PartnerRule> g : filter.anyOf()) {
            List<PartnerRule> copy = new ArrayList<>(g);
            copy.add(only);
            groups.add(copy);
        }
        return new PartnerFilter(groups, filter.text(), filter.excluded());
    }

    /** @return how many partners of the program the draft's audience has right now */
    public long reach(long programId, BannerDraft d) {
        PartnerFilter f = filter(programId, d);
        return host.partners().count(programId, f == null ? PartnerFilter.all() : f);
    }

    /** @return whether the partner of the program is in the filter ({@code null} = everyone) */
    public boolean matches(long programId, PartnerFilter filter, long partnerId) {
        return host.partners().count(programId, restrictTo(filter, partnerId)) > 0;
    }
}
