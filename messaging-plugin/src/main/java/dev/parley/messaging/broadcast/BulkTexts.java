package dev.parley.messaging.broadcast;

import dev.parley.api.partner.Offer;
import dev.parley.api.partner.PartnerRule;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.wicket.Component;
import org.apache.wicket.model.Model;

/** Localised labels of stored codes: audiences, exclusion reasons, statuses, rules. */
final class BulkTexts {

    private BulkTexts() {
    }

    static String text(Component c, String key, Map<String, Object> params) {
        return c.getString(key, Model.ofMap(new HashMap<>(params)), key);
    }

    static String audience(Component c, String label) {
        if (label == null || label.equals("all")) {
            return c.getString("audience.all");
        }
        int colon = label.indexOf(':');
        String kind = colon < 0 ? label : label.substring(0, colon);
        String arg = colon < 0 ? "" : label.substring(colon + 1);
        return switch (kind) {
            case "specific", "filtered" -> text(c, "audience." + kind, Map.of("count", arg));
            case "saved" -> text(c, "audience.saved", Map.of("name", arg));
            default -> label;
        };
    }

    static String reason(Component c, String reason) {
        if (reason == null) {
            return "";
        }
        int colon = reason.indexOf(':');
        String code = colon < 0 ? reason : reason.substring(0, colon);
        String arg = colon < 0 ? "" : reason.substring(colon + 1);
        String shown = code.equals(RecipientCheck.MISSING)
                ? String.join(", ", List.of(arg.split(",\\s*")).stream().map(n -> "{" + n + "}").toList()) : arg;
        return text(c, "reason." + code, Map.of("arg", shown));
    }

    static String status(Component c, BulkStatus s) {
        return c.getString("status." + s.name());
    }

    static String time(Instant at, CurrentUser viewer) {
        return at == null ? "" : dev.parley.messaging.WebSupport.time(at, viewer);
    }

    static String rule(Component c, PartnerRule r, List<Offer> offers, List<BrandUser> managers, ZoneId zone) {
        Map<String, Object> p = new HashMap<>();
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone);
        switch (r.kind()) {
            case TAG -> p.put("text", r.text());
            case STATUS -> p.put("status", c.getString("partnership." + r.status().name()));
            case MANAGER -> p.put("name", managers.stream().filter(m -> m.id() == r.id()).map(BrandUser::name)
                    .findFirst().orElse("#" + r.id()));
            case RUNS_OFFER, APPROVED_FOR_OFFER -> p.put("name", offers.stream().filter(o -> o.id() == r.id())
                    .map(Offer::name).findFirst().orElse("#" + r.id()));
            case REVENUE_AT_LEAST, CONVERSIONS_AT_LEAST -> {
                p.put("amount", r.amount().stripTrailingZeros().toPlainString());
                long months = ChronoUnit.MONTHS.between(r.period().from(), r.period().to()) + 1;
                p.put("period", c.getString("period." + months, null, r.period().from() + " – " + r.period().to()));
            }
            case JOINED_BETWEEN, LAST_LOGIN_BETWEEN -> {
                p.put("from", r.from() == null ? c.getString("anyTime") : day.format(r.from()));
                p.put("to", r.to() == null ? c.getString("anyTime") : day.format(r.to()));
            }
            case PARTNER_IN -> p.put("count", r.ids().size());
            default -> {
            }
        }
        return text(c, "rule." + r.kind().name(), p);
    }
}
