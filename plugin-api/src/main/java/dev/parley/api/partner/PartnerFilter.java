package dev.parley.api.partner;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Which partners of a program: groups of rules (AND inside a group, OR between groups), an optional
 * name/e-mail search and partners excluded by hand. No groups means all partners.
 *
 * @param anyOf rule groups; a partner matches when it satisfies every rule of at least one group
 * @param text case-insensitive search on partner name, contact e-mail and member e-mails; blank = none
 * @param excluded partner ids never matched
 * @since 1.0
 */
public record PartnerFilter(List<List<PartnerRule>> anyOf, String text, Set<Long> excluded) implements Serializable {

    /** Longest accepted search text; longer input is cut, never refused. */
    public static final int MAX_TEXT = 200;

    public PartnerFilter {
        anyOf = anyOf == null ? List.of() : anyOf.stream().map(List::copyOf).toList();
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
    }

    /** @return every partner of the program */
    public static PartnerFilter all() {
        return new PartnerFilter(List.of(), null, Set.of());
    }

    /** @return partners matching all of the given rules */
    public static PartnerFilter allOf(PartnerRule... rules) {
        return new PartnerFilter(List.of(List.of(rules)), null, Set.of());
    }

    /** @return a copy with the given search text */
    public PartnerFilter withText(String search) {
        return new PartnerFilter(anyOf, search, excluded);
    }

    /** @return a copy with the given exclusions */
    public PartnerFilter withExcluded(Set<Long> ids) {
        return new PartnerFilter(anyOf, text, ids);
    }
}
