package dev.parley.messaging.audience;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a bulk message is for: all partners, specific partners, or partners matching rule groups
 * (AND inside a group, OR between groups); minus partners excluded by hand after review.
 *
 * @param mode how the partners are chosen
 * @param specific partner ids (SPECIFIC)
 * @param groups rule groups (FILTERED); none means every partner
 * @param excluded partners left out by hand; they stay in the review list, marked
 */
public record Audience(Mode mode, Set<Long> specific, List<List<PartnerRule>> groups, Set<Long> excluded)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How the partners are chosen. */
    public enum Mode {
        ALL, SPECIFIC, FILTERED
    }

    public Audience {
        mode = mode == null ? Mode.ALL : mode;
        specific = specific == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(specific));
        groups = groups == null ? List.of() : groups.stream().filter(g -> !g.isEmpty()).map(List::copyOf).toList();
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
    }

    public static Audience all() {
        return new Audience(Mode.ALL, null, null, null);
    }

    /**
     * @return the partners chosen, before hand exclusions (the review list shows those marked)
     */
    public PartnerFilter chosen() {
        return switch (mode) {
            case ALL -> PartnerFilter.all();
            case SPECIFIC -> PartnerFilter.allOf(PartnerRule.partnerIn(specific.isEmpty() ? Set.of(-1L) : specific));
            case FILTERED -> new PartnerFilter(groups, null, Set.of());
        };
    }

    /** @return the partners chosen and not excluded by hand */
    public PartnerFilter effective() {
        return chosen().withExcluded(excluded);
    }

    /**
     * @return the chosen partners that also satisfy every extra rule (added to each group: AND
     *         distributes over OR)
     */
    public PartnerFilter chosenAnd(List<PartnerRule> extra) {
        PartnerFilter base = chosen();
        if (extra.isEmpty()) {
            return base;
        }
        if (base.anyOf().isEmpty()) {
            return new PartnerFilter(List.of(extra), null, Set.of());
        }
        List<List<PartnerRule>> out = new ArrayList<>();
        for (List<PartnerRule> g : base.anyOf()) {
            List<PartnerRule> n = new ArrayList<>(g);
            n.addAll(extra);
            out.add(n);
        }
        return new PartnerFilter(out, null, Set.of());
    }

    public Audience withExcluded(Set<Long> ids) {
        return new Audience(mode, specific, groups, ids);
    }
}
