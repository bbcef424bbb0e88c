package dev.parley.api.partner;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One condition on partners of a program. Rules are combined by {@link PartnerFilter}: AND inside a
 * group, OR between groups. Build rules with the static factories.
 *
 * @param kind what the rule looks at
 * @param text tag name (TAG)
 * @param status partnership status (STATUS)
 * @param id manager id (MANAGER), offer id (RUNS_OFFER, APPROVED_FOR_OFFER)
 * @param ids partner ids (PARTNER_IN)
 * @param amount minimum revenue (REVENUE_AT_LEAST) or conversions (CONVERSIONS_AT_LEAST)
 * @param period months for performance rules
 * @param from lower bound, inclusive (JOINED_BETWEEN, LAST_LOGIN_BETWEEN); may be {@code null}
 * @param to upper bound, exclusive (JOINED_BETWEEN, LAST_LOGIN_BETWEEN); may be {@code null}
 * @since 1.0
 */
public record PartnerRule(Kind kind, String text, PartnershipStatus status, Long id, Set<Long> ids,
        BigDecimal amount, PerformancePeriod period, Instant from, Instant to) implements Serializable {

    /**
     * The rule kinds a host's directory must support.
     *
     * @since 1.0
     */
    public enum Kind {
        TAG, STATUS, MANAGER, RUNS_OFFER, APPROVED_FOR_OFFER, REVENUE_AT_LEAST, CONVERSIONS_AT_LEAST,
        JOINED_BETWEEN, LAST_LOGIN_BETWEEN, NEVER_LOGGED_IN, PARTNER_IN
    }

    public PartnerRule {
        Objects.requireNonNull(kind, "kind");
        ids = ids == null ? Set.of() : Set.copyOf(ids);
    }

    public static PartnerRule tag(String tag) {
        return new PartnerRule(Kind.TAG, Objects.requireNonNull(tag), null, null, null, null, null, null, null);
    }

    public static PartnerRule status(PartnershipStatus status) {
        return new PartnerRule(Kind.STATUS, null, Objects.requireNonNull(status), null, null, null, null, null, null);
    }

    public static PartnerRule manager(long managerId) {
        return new PartnerRule(Kind.MANAGER, null, null, managerId, null, null, null, null, null);
    }

    /** Partners with tracked activity (clicks or conversions) on the offer. */
    public static PartnerRule runsOffer(long offerId) {
        return new PartnerRule(Kind.RUNS_OFFER, null, null, offerId, null, null, null, null, null);
    }

    public static PartnerRule approvedForOffer(long offerId) {
        return new PartnerRule(Kind.APPROVED_FOR_OFFER, null, null, offerId, null, null, null, null, null);
    }

    public static PartnerRule revenueAtLeast(BigDecimal amount, PerformancePeriod period) {
        return new PartnerRule(Kind.REVENUE_AT_LEAST, null, null, null, null, Objects.requireNonNull(amount),
                Objects.requireNonNull(period), null, null);
    }

    public static PartnerRule conversionsAtLeast(long conversions, PerformancePeriod period) {
        return new PartnerRule(Kind.CONVERSIONS_AT_LEAST, null, null, null, null, BigDecimal.valueOf(conversions),
                Objects.requireNonNull(period), null, null);
    }

    public static PartnerRule joinedBetween(Instant from, Instant to) {
        return new PartnerRule(Kind.JOINED_BETWEEN, null, null, null, null, null, null, from, to);
    }

    public static PartnerRule lastLoginBetween(Instant from, Instant to) {
        return new PartnerRule(Kind.LAST_LOGIN_BETWEEN, null, null, null, null, null, null, from, to);
    }

    public static PartnerRule neverLoggedIn() {
        return new PartnerRule(Kind.NEVER_LOGGED_IN, null, null, null, null, null, null, null, null);
    }

    public static PartnerRule partnerIn(Set<Long> partnerIds) {
        return new PartnerRule(Kind.PARTNER_IN, null, null, null, partnerIds, null, null, null, null);
    }
}
