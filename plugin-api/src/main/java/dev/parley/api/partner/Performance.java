package dev.parley.api.partner;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A partner's results over a period.
 *
 * @param partnerId the partner
 * @param period the months covered
 * @param revenue revenue driven, in the program's currency
 * @param conversions number of conversions
 * @param clicks number of tracked clicks
 * @since 1.0
 */
public record Performance(long partnerId, PerformancePeriod period, BigDecimal revenue, long conversions, long clicks)
        implements Serializable {
}
