package dev.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.api.macro.Macros;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MacrosTest {

    @Test
    void replacesKnownMacrosAndLeavesProseBracesAlone() {
        String text = "Hi {partner_first_name}, {program_name} says { hello } and {partner_first_name} again";
        String out = Macros.render(text, Map.of("partner_first_name", "Maya", "program_name", "Acme"), Map.of());
        assertEquals("Hi Maya, Acme says { hello } and Maya again", out);
    }

    @Test
    void unknownMacrosAreReportedByName() {
        assertEquals(Set.of("partner_nmae"), Macros.unknown("Dear {partner_nmae}, see {offer_tracking_link}"));
    }

    @Test
    void missingValueUsesFallbackOrIsReported() {
        String text = "Dear {partner_first_name} from {partner_name}";
        Map<String, String> values = Map.of("partner_name", "Trail Blazers");
        assertEquals(Set.of("partner_first_name"), Macros.missing(text, values, Map.of()));
        assertEquals(Set.of(), Macros.missing(text, values, Map.of("partner_first_name", "partner")));
        assertEquals("Dear partner from Trail Blazers", Macros.render(text, values, Map.of("partner_first_name", "partner")));
    }

    @Test
    void valuesWithDollarSignsAndBackslashesAreInsertedLiterally() {
        assertEquals("Earn $5\\day", Macros.render("Earn {offer_name}", Map.of("offer_name", "$5\\day"), Map.of()));
        assertEquals(List.of("offer_name"), Macros.used("Earn {offer_name} {offer_name}"));
    }
}
