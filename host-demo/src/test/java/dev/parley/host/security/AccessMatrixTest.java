package dev.parley.host.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.account.LoginPage;
import dev.parley.host.testing.TestHost;
import dev.parley.host.web.HostApplication;
import dev.parley.host.web.HostApplication.Mount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every URL the running application mounts (host and plugins), against every kind of user, with
 * the expected outcome. The URLs come from the application itself: a new page without a line in
 * this matrix fails the test until someone decides who may open it.
 */
class AccessMatrixTest {

    enum Role { ANONYMOUS, PARTNER_A, PARTNER_B, PARTNER_OTHER_PROGRAM, ANALYST, COMMUNITY_MANAGER, OTHER_BRAND_ADMIN, PLATFORM_ADMIN }

    enum Expect { OK, LOGIN, FORBIDDEN, NOT_FOUND, UNAVAILABLE, REFUSED }

    @RegisterExtension
    static final TestHost host = TestHost.perClass();
    private static final Map<Role, String> LOGINS = new EnumMap<>(Role.class);
    private static final Map<String, String> PLACEHOLDERS = new LinkedHashMap<>();
    private static final Map<String, Map<Role, Expect>> MATRIX = new LinkedHashMap<>();
    /** Concrete URLs for mounts whose placeholder needs another value than the shared ones. */
    private static final Map<String, String> URLS = new LinkedHashMap<>();

    private static final Expect O = Expect.OK;
    private static final Expect L = Expect.LOGIN;
    private static final Expect F = Expect.FORBIDDEN;
    private static final Expect N = Expect.NOT_FOUND;
    private static final Expect U = Expect.UNAVAILABLE;

    /** Columns: anonymous, partner A, partner B, partner of another program, analyst, CM, other brand's admin, platform admin. */
    private static void row(String path, Expect... expected) {
        Map<Role, Expect> m = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            m.put(r, expected[r.ordinal()]);
        }
        MATRIX.put(path, m);
    }

    static {
        row("/login", O, O, O, O, O, O, O, O);
        row("/dashboard", L, F, F, F, O, O, O, O);
        row("/partners", L, F, F, F, O, O, O, O);
        // Summit Deals belongs to Acme only: Bolt's admin must not find it.
        row("/partners/${partnerId}", L, F, F, F, O, O, N, O);
        row("/portal", L, O, O, O, F, F, F, F);
        // Tracking links are public but signed: a valid one works for anyone.
        row("/t/${offer}/${partner}/${signature}", O, O, O, O, O, O, O, O);
        row("/settings", L, F, F, F, F, F, O, O);
        row("/settings/plans", L, F, F, F, F, F, O, O);
        row("/settings/roles", L, F, F, F, F, F, O, O);
        row("/settings/plugins", L, F, F, F, F, F, F, O);
        row("/settings/outbox", L, F, F, F, F, F, O, O);
        // Messaging: Acme is on Advanced, Bolt on Starter (no messaging, no banners).
        row("/inbox", L, F, F, F, F, O, N, O);
        row("/portal/messages", L, O, O, N, F, F, F, F);
        // Starting a conversation needs a partner (?partner=); without one there is nothing to open.
        row("/inbox/new", L, F, F, F, F, N, N, N);
        // A team conversation of Acme with Trail Blazers (partner A).
        row("/inbox/conversation/${id}", L, F, F, F, F, O, N, O);
        row("/portal/messages/new", L, O, O, N, F, F, F, F);
        row("/portal/conversation/${id}", L, O, N, N, F, F, F, F);
        // Message search: like the inbox and the portal's messages; the index page serves every program: platform admins.
        row("/inbox/search", L, F, F, F, F, O, N, O);
        row("/portal/messages/search", L, O, O, N, F, F, F, F);
        row("/inbox/search/index", L, F, F, F, F, F, F, O);
        row("/messaging/attachment", N, N, N, N, N, N, N, N);
        row("/messages", L, F, F, F, F, O, N, O);
        row("/messages/compose", L, F, F, F, F, O, N, O);
        // Ids that do not exist: nobody learns anything from guessing.
        row("/messages/bulk/${id}", L, F, F, F, F, N, N, N);
        URLS.put("/messages/bulk/${id}", "/messages/bulk/999999");
        row("/portal/announcement/${id}", L, N, N, N, F, F, F, F);
        URLS.put("/portal/announcement/${id}", "/portal/announcement/999999");
        // The open pixel always answers with the same image; only a validly signed token counts an open.
        row("/messaging/open", O, O, O, O, O, O, O, O);
        // The SMS webhook answers only signed gateway calls; this host has no SMS secret configured.
        row("/hooks/sms", U, U, U, U, U, U, U, U);
        row("/banners", L, F, F, F, F, O, N, O);
        row("/banners/edit", L, F, F, F, F, O, N, O);
        // Without a banner id there is nothing to show, even to those allowed in.
        row("/banners/analytics", L, F, F, F, F, N, N, N);
        row("/banner-click", N, N, N, N, N, N, N, N);
        row("/banner-image", N, N, N, N, N, N, N, N);
        // The editor's live preview answers only users allowed to edit banners of a program on a plan with banners.
        row("/banner-preview", F, F, F, F, F, O, F, O);
    }

    @BeforeAll
    static void start() throws Exception {
        LOGINS.put(Role.PARTNER_A, "maya@trailblazers.test");
        LOGINS.put(Role.PARTNER_B, "leo@summitdeals.test");
        LOGINS.put(Role.PARTNER_OTHER_PROGRAM, boltOnlyMember());
        LOGINS.put(Role.ANALYST, "analyst@acme.test");
        LOGINS.put(Role.COMMUNITY_MANAGER, "cm@acme.test");
        LOGINS.put(Role.OTHER_BRAND_ADMIN, "owner@bolt.test");
        LOGINS.put(Role.PLATFORM_ADMIN, "admin@parley.test");
        long summit = host.acmePartner("Summit Deals");
        PLACEHOLDERS.put("${partnerId}", String.valueOf(summit));
        PLACEHOLDERS.put("${id}", String.valueOf(teamConversationWithTrailBlazers()));
        long offer = host.host().partners().offers(host.programs().acme()).get(0).id();
        String link = host.host().trackingLinks().linkFor(host.programs().acme(), offer, summit);
        String[] parts = link.substring(link.indexOf("/t/") + 3).split("/");
        PLACEHOLDERS.put("${offer}", parts[0]);
        PLACEHOLDERS.put("${partner}", parts[1]);
        PLACEHOLDERS.put("${signature}", parts[2]);
    }

    private static long teamConversationWithTrailBlazers() {
        return host.startConversation(host.acmePartner("Trail Blazers"), "Matrix check",
                "A conversation for the access matrix.");
    }

    private static String boltOnlyMember() throws Exception {
        try (Connection c = host.host().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT m.email FROM partner_member m JOIN partnership ps "
                        + "ON ps.partner_id = m.partner_id AND ps.program_id = ? AND ps.status = 'APPROVED' "
                        + "WHERE NOT EXISTS (SELECT 1 FROM partnership o WHERE o.partner_id = m.partner_id AND o.program_id <> ?) "
                        + "ORDER BY m.id LIMIT 1")) {
            ps.setLong(1, host.programs().bolt());
            ps.setLong(2, host.programs().bolt());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void everyMountedUrlHasAnExpectationForEveryRoleAndMeetsIt() {
        WicketTester probe = host.newTester();
        List<Mount> mounts = ((HostApplication) probe.getApplication()).mounts();
        List<String> missing = mounts.stream().map(Mount::path).filter(p -> !MATRIX.containsKey(p)).toList();
        assertTrue(missing.isEmpty(), "Mounted URLs without a line in the access matrix: " + missing);
        assertTrue(mounts.size() >= MATRIX.size(), "every matrix line is still mounted");

        List<String> failures = new ArrayList<>();
        for (Role role : Role.values()) {
            WicketTester t = host.newTester();
            if (role != Role.ANONYMOUS) {
                TestHost.login(t, LOGINS.get(role));
            }
            for (Mount mount : mounts) {
                String url = URLS.getOrDefault(mount.path(), mount.path());
                for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
                    url = url.replace(p.getKey(), p.getValue());
                }
                Expect expected = MATRIX.get(mount.path()).get(role);
                Expect actual = outcome(t, url.substring(1));
                if (expected != actual) {
                    failures.add(role + " " + url + ": expected " + expected + " but was " + actual);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Pages of one person, with the callback URLs Wicket rendered into them (links, form actions:
     * {@code ?page-render.-component}).
     */
    private static final Map<Role, List<String>> PAGES_WITH_LISTENERS = Map.of(
            Role.COMMUNITY_MANAGER, List.of("inbox/conversation/${id}", "inbox", "partners/${partnerId}", "banners",
                    "dashboard"),
            Role.PARTNER_A, List.of("portal/conversation/${id}", "portal/messages", "portal"),
            Role.OTHER_BRAND_ADMIN, List.of("settings/roles", "settings", "partners"),
            Role.PLATFORM_ADMIN, List.of("settings/plans", "settings/plugins"));

    private static final java.util.regex.Pattern LISTENER = java.util.regex.Pattern
            .compile("(?:href|action)=\"([^\"]*\\?\\d+-\\d+\\.-[^\"]*)\"");

    /**
     * Everything any of these callbacks could change, except read flags (opening a page one may see
     * marks it read, which is not a callback's doing).
     */
    private static String state() throws Exception {
        String[] queries = {
            "SELECT id, status, assignee_id, message_count, last_message_at FROM msg_conversation ORDER BY id",
            "SELECT COUNT(*), MAX(id) FROM msg_message",
            "SELECT program_id, member_id, email_notify FROM msg_member_pref ORDER BY program_id, member_id",
            "SELECT * FROM msg_program_settings ORDER BY program_id",
            "SELECT id, published, archived, starts_at, ends_at, updated_at FROM bnr_banner ORDER BY id",
            "SELECT COUNT(*) FROM bnr_dismissal",
            "SELECT id, name FROM role ORDER BY id",
            "SELECT role_id, permission FROM role_permission ORDER BY role_id, permission",
            "SELECT user_id, role_id FROM brand_user_role ORDER BY user_id, role_id",
            "SELECT plan_key, feature_key, enabled FROM plan_feature ORDER BY plan_key, feature_key",
            "SELECT program_id, partner_id, status, manager_id FROM partnership ORDER BY program_id, partner_id",
            "SELECT COUNT(*) FROM partner_tag",
        };
        StringBuilder out = new StringBuilder();
        try (Connection c = host.host().dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = st.executeQuery(q)) {
                    int columns = rs.getMetaData().getColumnCount();
                    out.append(q).append('\n');
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            out.append(rs.getString(i)).append('|');
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    @Test
    void callbackUrlsRenderedForOnePersonDoNothingForAnyoneElse() throws Exception {
        Map<Role, WicketTester> testers = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            WicketTester t = host.newTester();
            if (role != Role.ANONYMOUS) {
                TestHost.login(t, LOGINS.get(role));
            }
            testers.put(role, t);
        }
        // Render each person's pages and collect the callbacks in them.
        Map<String, Role> listeners = new LinkedHashMap<>();
        for (Map.Entry<Role, List<String>> e : PAGES_WITH_LISTENERS.entrySet()) {
            WicketTester owner = testers.get(e.getKey());
            for (String page : e.getValue()) {
                String url = page;
                for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
                    url = url.replace(p.getKey(), p.getValue());
                }
                owner.executeUrl(url);
                assertEquals(200, owner.getLastResponse().getStatus(), e.getKey() + " " + url);
                java.net.URI base = java.net.URI.create("http://host/" + url);
                java.util.regex.Matcher m = LISTENER.matcher(owner.getLastResponseAsString());
                while (m.find()) {
                    String resolved = base.resolve(m.group(1).replace("&amp;", "&")).toString().substring("http://host/".length());
                    listeners.putIfAbsent(resolved, e.getKey());
                }
            }
        }
        assertTrue(listeners.size() >= 15, "callbacks found: " + listeners.keySet());

        // Everyone else replays them, as links (GET) and as form posts: nothing changes anywhere.
        String before = state();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Role> l : listeners.entrySet()) {
            for (Role role : Role.values()) {
                if (role == l.getValue()) {
                    continue;
                }
                WicketTester t = testers.get(role);
                for (String method : new String[] {"GET", "POST"}) {
                    org.apache.wicket.ThreadContext.setApplication(t.getApplication());
                    org.apache.wicket.ThreadContext.setSession(t.getSession());
                    t.getRequest().setMethod(method);
                    t.executeUrl(l.getKey());
                    int status = t.getLastResponse().getStatus();
                    if (status >= 500) {
                        failures.add(role + " " + method + " " + l.getKey() + " -> " + status);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        String after = state();
        assertEquals(before, after, "callbacks replayed by other people changed something");
    }

    private static Expect outcome(WicketTester t, String url) {
        t.executeUrl(url);
        int status = t.getLastResponse().getStatus();
        if (status == 403) {
            return Expect.FORBIDDEN;
        }
        if (status == 404) {
            return Expect.NOT_FOUND;
        }
        if (t.getLastRenderedPage() instanceof LoginPage && !url.equals("login")) {
            return Expect.LOGIN;
        }
        if (status == 200) {
            return Expect.OK;
        }
        if (status == 503) {
            return Expect.UNAVAILABLE;
        }
        if (status == 400 || status == 401 || status == 405) {
            return Expect.REFUSED;
        }
        throw new AssertionError("Unexpected status " + status + " for " + url);
    }
}
