package dev.parley.messaging.broadcast;

import dev.parley.api.macro.Macros;
import dev.parley.api.partner.Offer;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerMember;
import dev.parley.api.partner.Program;
import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.BrandUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Macro values for one bulk message's recipients, resolved in memory: the program, managers and
 * offers are read once; per recipient only the host's tracking-link service is asked, and only when
 * the message uses tracking links. Copies go to partner teams, so {@code {partner_first_name}} is
 * filled per member: when a member reads the in-app copy or receives the e-mail copy.
 */
public final class Personalizer {

    /** Macros whose value depends on the member reading, not on the partner. */
    public static final Set<String> MEMBER_MACROS = Set.of(Macros.PARTNER_FIRST_NAME);

    private static final Pattern MACRO = Pattern.compile("\\{([a-z_]{1,40})\\}");

    private final HostServices host;
    private final long programId;
    private final String programName;
    private final Map<Long, String> managers = new HashMap<>();
    private final List<Offer> offers;
    private final Map<String, String> fallbacks;
    private final List<Part> subject;
    private final List<Part> body;
    private final Set<String> used;

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
        this.subject = compile(subject == null ? "" : subject);
        this.body = compile(body == null ? "" : body);
        Set<String> u = new LinkedHashSet<>();
        for (Part part : this.subject) {
            if (part.macro() != null) {
                u.add(part.macro());
            }
        }
        for (Part part : this.body) {
            if (part.macro() != null) {
                u.add(part.macro());
            }
        }
        this.used = Set.copyOf(u);
    }

    /** A piece of a template: literal text, or a macro with its text as written. */
    private record Part(String text, String macro) {
    }

    /** Parses a template once; rendering then only appends (no regex per recipient). */
    private static List<Part> compile(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher m = MACRO.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(text.substring(at, m.start()), null));
            }
            parts.add(new Part(m.group(), m.group(1)));
            at = m.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), null));
        }
        return parts;
    }

    /** @return the recipient's macro values (member macros excluded) */
    public Map<String, String> values(Partner p) {
        Map<String, String> v = new HashMap<>();
        for (String name : Macros.ALL) {
            if (!MEMBER_MACROS.contains(name)) {
                String value = value(name, p, new String[1]);
                if (value != null) {
                    v.put(name, value);
                }
            }
        }
        return v;
    }

    /** @return macros the message uses for which the recipient has neither a value nor a fallback */
    public Set<String> missing(Partner p) {
        Set<String> m = new LinkedHashSet<>();
        for (String name : used) {
            if (MEMBER_MACROS.contains(name) || !Macros.ALL.contains(name)) {
                continue;
            }
            // Tracking links exist for every partner of an offer's program: only whether an offer is included matters.
            boolean has = name.equals(Macros.OFFER_TRACKING_LINK) ? !offers.isEmpty() : !blank(value(name, p, null));
            if (!has && blank(fallbacks.get(name))) {
                m.add(name);
            }
        }
        return m;
    }

    /** @return the partner's copy: macros filled (member macros left for the reader), offer links appended */
    public Copy render(Partner p) {
        String[] link = new String[1];
        String s = render(subject, p, link);
        StringBuilder b = new StringBuilder(256);
        b.append(render(body, p, link));
        if (!offers.isEmpty()) {
            b.append("\n\n---\n");
            for (Offer o : offers) {
                b.append("- **").append(o.name()).append("**: ")
                        .append(host.trackingLinks().linkFor(programId, o.id(), p.id())).append('\n');
            }
        }
        return new Copy(s, b.toString());
    }

    private String render(List<Part> parts, Partner p, String[] link) {
        StringBuilder out = new StringBuilder(128);
        for (Part part : parts) {
            if (part.macro() == null || MEMBER_MACROS.contains(part.macro())) {
                out.append(part.text());
                continue;
            }
            String v = value(part.macro(), p, link);
            if (blank(v)) {
                v = fallbacks.get(part.macro());
            }
            out.append(blank(v) ? part.text() : v);
        }
        return out.toString();
    }

    /** @param link per-recipient cache of the first offer's tracking link, or {@code null} to skip it */
    private String value(String name, Partner p, String[] link) {
        return switch (name) {
            case Macros.PARTNER_NAME -> p.name();
            case Macros.PARTNER_EMAIL -> p.email();
            case Macros.MANAGER_NAME -> p.managerName() != null ? p.managerName()
                    : p.managerId() == null ? null : managers.get(p.managerId());
            case Macros.PROGRAM_NAME -> programName;
            case Macros.OFFER_NAME -> offers.isEmpty() ? null : offers.get(0).name();
            case Macros.OFFER_TRACKING_LINK -> {
                if (offers.isEmpty() || link == null) {
                    yield null;
                }
                if (link[0] == null) {
                    link[0] = host.trackingLinks().linkFor(programId, offers.get(0).id(), p.id());
                }
                yield link[0];
            }
            default -> null;
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
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

    /** One recipient's personalised subject and Markdown body. */
    public record Copy(String subject, String body) {
    }
}
