package dev.parley.messaging.broadcast;

import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.plugin.HostServices;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Why a chosen partner would not receive the message, in this order: excluded by hand; not approved
 * for an included offer (Offer Details rule: approval for every offer is required); a macro value
 * missing without a fallback. Reasons are stored as {@code code:argument} and shown localised.
 */
public final class RecipientCheck {

    public static final String MANUAL = "manual";
    public static final String NOT_APPROVED = "notApproved";
    public static final String MISSING = "missing";

    private final List<Offer> offers;
    private final Personalizer personalizer;
    private final Set<Long> excluded;
    private final Function<Partner, Set<Long>> approvals;

    private RecipientCheck(List<Offer> offers, Personalizer personalizer, Set<Long> excluded,
            Function<Partner, Set<Long>> approvals) {
        this.offers = offers;
        this.personalizer = personalizer;
        this.excluded = excluded;
        this.approvals = approvals;
    }

    /** For a whole audience: each offer's approved partners are read once (one query per offer). */
    public static RecipientCheck forSending(HostServices host, long programId, List<Offer> offers,
            Personalizer personalizer, Set<Long> excluded) {
        Map<Long, Set<Long>> approved = new HashMap<>();
        for (Offer o : offers) {
            Set<Long> ids = new HashSet<>();
            host.partners().stream(programId, PartnerFilter.allOf(PartnerRule.approvedForOffer(o.id())), p -> ids.add(p.id()));
            approved.put(o.id(), ids);
        }
        return new RecipientCheck(offers, personalizer, excluded, p -> {
            Set<Long> s = new HashSet<>();
            approved.forEach((offer, ids) -> {
                if (ids.contains(p.id())) {
                    s.add(offer);
                }
            });
            return s;
        });
    }

    /** For a page of the review list: approvals asked per partner shown. */
    public static RecipientCheck forPage(HostServices host, long programId, List<Offer> offers,
            Personalizer personalizer, Set<Long> excluded) {
        return new RecipientCheck(offers, personalizer, excluded,
                p -> offers.isEmpty() ? Set.of() : host.partners().approvedOffers(programId, p.id()));
    }

    /** @return the reason the partner is left out, or {@code null} when it receives the message */
    public String reason(Partner p) {
        if (excluded.contains(p.id())) {
            return MANUAL;
        }
        if (!offers.isEmpty()) {
            Set<Long> approved = approvals.apply(p);
            for (Offer o : offers) {
                if (!approved.contains(o.id())) {
                    return NOT_APPROVED + ":" + o.name();
                }
            }
        }
        Set<String> missing = personalizer.missing(p);
        if (!missing.isEmpty()) {
            return MISSING + ":" + String.join(", ", missing);
        }
        return null;
    }
}
