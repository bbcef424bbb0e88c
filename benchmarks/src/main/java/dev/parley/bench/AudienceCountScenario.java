package dev.parley.bench;

import dev.parley.api.partner.PartnerFilter;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.partner.PerformancePeriod;
import dev.parley.host.ParleyHost;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Audience count for rule sets over the generated program: Parley's directory (MyBatis, SQL built
 * from rules) against the same query written by hand over JDBC.
 */
final class AudienceCountScenario {

    private AudienceCountScenario() {
    }

    static List<Result> run(ParleyHost host, long program, long offer, int iterations) throws Exception {
        YearMonth last = YearMonth.now(host.clock().withZone(ZoneOffset.UTC)).minusMonths(1);
        PerformancePeriod lastMonth = new PerformancePeriod(last, last);
        List<Case> cases = List.of(
                new Case("tag", PartnerFilter.allOf(PartnerRule.tag("VIP")),
                        "SELECT COUNT(*) FROM partnership ps WHERE ps.program_id = ? AND EXISTS (SELECT 1 FROM partner_tag t "
                                + "WHERE t.program_id = ps.program_id AND t.partner_id = ps.partner_id AND t.tag = 'VIP')"),
                new Case("status AND tag", PartnerFilter.allOf(PartnerRule.status(PartnershipStatus.APPROVED),
                        PartnerRule.tag("Influencers")),
                        "SELECT COUNT(*) FROM partnership ps WHERE ps.program_id = ? AND ps.status = 'APPROVED' AND EXISTS "
                                + "(SELECT 1 FROM partner_tag t WHERE t.program_id = ps.program_id AND t.partner_id = ps.partner_id "
                                + "AND t.tag = 'Influencers')"),
                new Case("revenue last month >= 500", PartnerFilter.allOf(PartnerRule.revenueAtLeast(new BigDecimal("500"),
                        lastMonth)),
                        "SELECT COUNT(*) FROM partnership ps WHERE ps.program_id = ? AND ps.partner_id IN (SELECT r.partner_id "
                                + "FROM performance_month r WHERE r.program_id = {program} AND r.month = '" + last
                                + "' GROUP BY r.partner_id HAVING SUM(r.revenue) >= 500)"),
                new Case("approved for offer", PartnerFilter.allOf(PartnerRule.approvedForOffer(offer)),
                        "SELECT COUNT(*) FROM partnership ps WHERE ps.program_id = ? AND EXISTS (SELECT 1 FROM offer_approval a "
                                + "WHERE a.offer_id = " + offer + " AND a.partner_id = ps.partner_id AND a.status = 'APPROVED')"),
                new Case("VIP OR conversions >= 20", new PartnerFilter(List.of(List.of(PartnerRule.tag("VIP")),
                        List.of(PartnerRule.conversionsAtLeast(20, lastMonth))), null, null),
                        "SELECT COUNT(*) FROM partnership ps WHERE ps.program_id = ? AND (EXISTS (SELECT 1 FROM partner_tag t "
                                + "WHERE t.program_id = ps.program_id AND t.partner_id = ps.partner_id AND t.tag = 'VIP') OR "
                                + "ps.partner_id IN (SELECT c.partner_id FROM performance_month c WHERE c.program_id = {program} "
                                + "AND c.month = '" + last + "' GROUP BY c.partner_id HAVING SUM(c.conversions) >= 20))"));
        List<Result> results = new ArrayList<>();
        for (Case c : cases) {
            long parleyCount = host.partners().count(program, c.filter());
            long rawCount = raw(host, c.sql(), program);
            if (parleyCount != rawCount) {
                throw new IllegalStateException(c.name() + ": Parley counted " + parleyCount + ", raw SQL " + rawCount);
            }
            Stats[] s = Bench.timePair(Math.min(20, iterations), iterations,
                    () -> host.partners().count(program, c.filter()), () -> raw(host, c.sql(), program));
            double ratio = s[0].p99() / s[1].p99();
            results.add(new Result("audience count", c.name() + " (" + parleyCount + " partners)", "p99 ms",
                    s[0].p99(), s[1].p99(), ratio, "<= 1.5x and < 100 ms", ratio <= 1.5 && s[0].p99() < 100,
                    String.format("p50 %.2f vs %.2f ms", s[0].p50(), s[1].p50())));
        }
        return results;
    }

    private static long raw(ParleyHost host, String sql, long program) throws Exception {
        try (Connection c = host.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql.replace("{program}", String.valueOf(program)))) {
            ps.setLong(1, program);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private record Case(String name, PartnerFilter filter, String sql) {
    }
}
