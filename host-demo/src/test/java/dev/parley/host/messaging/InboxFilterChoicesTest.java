package dev.parley.host.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.partner.PartnerMapper;
import dev.parley.host.testing.TestHost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.session.SqlSession;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The inbox filter form's choices follow the program's data: a group (tag) given to a partner is
 * offered at the next render, and a teammate's new name shows once the host learns of it (at once on
 * this node, within the directory's refresh time when written elsewhere).
 */
class InboxFilterChoicesTest {

    @RegisterExtension
    static final TestHost host = TestHost.perClass();
    private static long acme;

    @BeforeAll
    static void start() {
        acme = host.programs().acme();
    }

    private static String inbox() {
        WicketTester t = host.newTester();
        TestHost.login(t, "cm@acme.test");
        t.executeUrl("inbox");
        assertEquals(200, t.getLastResponse().getStatus());
        return t.getLastResponseAsString();
    }

    /** @return the labels of the options of the filter drop-down with this markup id */
    private static List<String> options(String html, String selectId) {
        Matcher select = Pattern.compile("<select[^>]*id=\"" + selectId + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(select.find(), "no drop-down " + selectId);
        List<String> labels = new ArrayList<>();
        Matcher option = Pattern.compile("<option[^>]*>([^<]*)</option>").matcher(select.group(1));
        while (option.find()) {
            labels.add(option.group(1));
        }
        return labels;
    }

    private static long anyPartnerOf(long program) throws Exception {
        try (Connection c = host.host().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT MIN(partner_id) FROM partnership WHERE program_id = ?")) {
            ps.setLong(1, program);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aGroupGivenToAPartnerIsOfferedInTheInboxFilterAtTheNextRender() throws Exception {
        List<String> before = options(inbox(), "f-tag");
        assertTrue(before.contains("VIP"), before.toString());
        assertFalse(before.contains("Wholesalers"), before.toString());

        try (SqlSession s = host.host().sessions().openSession(false)) {
            PartnerMapper m = s.getMapper(PartnerMapper.class);
            m.tag(acme, anyPartnerOf(acme), "Wholesalers");
            m.tag(host.programs().bolt(), anyPartnerOf(host.programs().bolt()), "Bolt only");
            s.commit();
        }

        List<String> after = options(inbox(), "f-tag");
        assertTrue(after.contains("Wholesalers"), after.toString());
        assertFalse(after.contains("Bolt only"), "another program's group: " + after);
        assertEquals(after.stream().distinct().toList(), after, "each group once");
    }

    @Test
    void aTeammatesNewNameShowsInTheManagerFilter() throws Exception {
        assertTrue(options(inbox(), "f-manager").contains("Chloe Manager"));

        // Renamed on this node: the host forgets the program's team at once.
        rename("cm2@acme.test", "Chloe Park");
        host.host().partners().brandUsersChanged(acme);
        List<String> renamed = options(inbox(), "f-manager");
        assertTrue(renamed.contains("Chloe Park"), renamed.toString());
        assertFalse(renamed.contains("Chloe Manager"), renamed.toString());

        // Renamed by another host node (only the database changes): shown once the team is read again.
        rename("cm2@acme.test", "Chloe Rivera");
        host.clock().advance(Duration.ofSeconds(31));
        List<String> elsewhere = options(inbox(), "f-manager");
        assertTrue(elsewhere.contains("Chloe Rivera"), elsewhere.toString());
        assertFalse(elsewhere.contains("Chloe Park"), elsewhere.toString());
    }

    private static void rename(String email, String name) throws Exception {
        try (Connection c = host.host().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE brand_user SET name = ? WHERE email = ?")) {
            ps.setString(1, name);
            ps.setString(2, email);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
