package dev.parley.messaging.broadcast;

import dev.parley.api.macro.Macros;
import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.Program;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.BrandUser;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Macro values for one bulk message's recipients, resolved in memory: the program, managers and
 * offers are read once; per recipient only the host's tracking-link service is asked, and only when
 * the message uses tracking links. Copies go to partner teams, so {@code {partner_first_name}} is
 * filled per member: when a member reads the in-app copy or receives the e-mail copy.
 */
public final class Personalizer {

    /** Macros whose value depends on the member reading, not on the partner. */
    public static final Set<String> MEMBER_MACROS = Set.of(Macros.PARTNER_FIRST_NAME);

    private final HostServices host;
    private final long programId;
    private final String programName;
    private final Map<Long, String> managers = new HashMap<>();
    private final List<Offer> offers;
    private final Map<String, String> fallbacks;
    private final String subject;
    private final String body;
    private final boolean usesLinks;

    public Personalizer(HostServices host, long programId, List<Offer> offers, Map<String, String> fallbacks,
            String subject, String body) {
        this.host = host;
        this.programId = programId;
        this.programName = host.partners().program(programId).map(Program::name).orElse("");
        for (BrandUser u : host.partners().managers(programId)) {
            managers.put(u.id(), u.name());
        }
        this.offers = List.copyOf(offers);
        this.fallbacks = Map.copyOf(fallbacks);
        this.subject = subject == null ? "" : subject;
        this.body = body == null ? "" : body;
        this.usesLinks = !offers.isEmpty();
    }

    /** @return the recipient's macro values (member macros excluded) */
    public Map<String, String> values(Partner p) {
        Map<String, String> v = new HashMap<>();
        v.put(Macros.PARTNER_NAME, p.name());
        v.put(Macros.PARTNER_EMAIL, p.email());
        String manager = p.managerName() != null ? p.managerName() : p.managerId() == null ? null : managers.get(p.managerId());
        if (manager != null) {
            v.put(Macros.MANAGER_NAME, manager);
        }
        v.put(Macros.PROGRAM_NAME, programName);
        if (!offers.isEmpty()) {
            Offer first = offers.get(0);
            v.put(Macros.OFFER_NAME, first.name());
            if (usesMacro(Macros.OFFER_TRACKING_LINK)) {
                v.put(Macros.OFFER_TRACKING_LINK, host.trackingLinks().linkFor(programId, first.id(), p.id()));
            }
        }
        return v;
    }

    /** @return macros the message uses for which the recipient has neither a value nor a fallback */
    public Set<String> missing(Partner p) {
        Set<String> m = new LinkedHashSet<>(Macros.missing(subject + "\n" + body, values(p), fallbacks));
        m.removeAll(MEMBER_MACROS);
        return m;
    }

    /** @return the partner's copy: macros filled (member macros left for the reader), offer links appended */
    public Copy render(Partner p) {
        Map<String, String> v = values(p);
        String s = Macros.render(subject, v, fallbacks);
        StringBuilder b = new StringBuilder(Macros.render(body, v, fallbacks));
        if (usesLinks) {
            b.append("\n\n---\n");
            for (Offer o : offers) {
                b.append("- **").append(o.name()).append("**: ")
                        .append(host.trackingLinks().linkFor(programId, o.id(), p.id())).append('\n');
            }
        }
        return new Copy(s, b.toString());
    }

    /** Fills the member macros of a copy for the member who reads it. */
    public static String forMember(String text, PartnerMember member, Map<String, String> fallbacks) {
        Map<String, String> v = new HashMap<>();
        if (member != null) {
            v.put(Macros.PARTNER_FIRST_NAME, member.firstName() == null || member.firstName().isBlank()
                    ? member.name() : member.firstName());
        }
        String out = Macros.render(text, v, fallbacks);
        // Nobody to name: leave no raw macro in front of a reader.
        return out.replace("{" + Macros.PARTNER_FIRST_NAME + "}", "");
    }

    /** Same as {@link #forMember} with a first name already known (e-mail copies). */
    public static String forFirstName(String text, String firstName, Map<String, String> fallbacks) {
        Map<String, String> v = new HashMap<>();
        if (firstName != null) {
            v.put(Macros.PARTNER_FIRST_NAME, firstName);
        }
        return Macros.render(text, v, fallbacks).replace("{" + Macros.PARTNER_FIRST_NAME + "}", "");
    }

    private boolean usesMacro(String name) {
        return Macros.used(subject).contains(name) || Macros.used(body).contains(name);
    }

    /** One recipient's personalised subject and Markdown body. */
    public record Copy(String subject, String body) {
    }
}
