package dev.parley.api.macro;

import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.BrandUser;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the macro values for one recipient through the host's services.
 *
 * @since 1.0
 */
public final class MacroValues {

    private MacroValues() {
    }

    /**
     * @param host host services
     * @param programId the program
     * @param partner the recipient partner (as seen in the program)
     * @param member the recipient member, or {@code null} for the whole team (then the contact e-mail)
     * @param offer the offer for offer macros, or {@code null}
     * @return macro name to value; missing values are absent
     */
    public static Map<String, String> of(HostServices host, long programId, Partner partner, PartnerMember member,
            Offer offer) {
        Map<String, String> v = new HashMap<>();
        v.put(Macros.PARTNER_NAME, partner.name());
        if (member != null) {
            v.put(Macros.PARTNER_FIRST_NAME, member.firstName());
            v.put(Macros.PARTNER_EMAIL, member.email());
        } else {
            v.put(Macros.PARTNER_EMAIL, partner.email());
        }
        if (partner.managerName() != null) {
            v.put(Macros.MANAGER_NAME, partner.managerName());
        } else if (partner.managerId() != null) {
            Optional<BrandUser> manager = host.partners().brandUser(programId, partner.managerId());
            manager.ifPresent(m -> v.put(Macros.MANAGER_NAME, m.name()));
        }
        host.partners().program(programId).ifPresent(p -> v.put(Macros.PROGRAM_NAME, p.name()));
        if (offer != null) {
            v.put(Macros.OFFER_NAME, offer.name());
            v.put(Macros.OFFER_TRACKING_LINK, host.trackingLinks().linkFor(programId, offer.id(), partner.id()));
        }
        return v;
    }
}
