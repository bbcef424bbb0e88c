package dev.parley.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.host.testing.TestHost;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The host over real HTTP on Jetty: login changes the session id, cross-site form posts are refused. */
class LoginOverHttpTest {

    private static TestHost host;
    private static JettyServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start();
        server = JettyServer.start(new HostApplication(host.host()), "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        host.close();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Sec-Fetch-Site", "none").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String action, String site, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/" + action))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", site)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String formAction(String html) {
        Matcher m = Pattern.compile("<form[^>]*action=\"\\./([^\"]+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1).replace("&amp;", "&");
    }

    private static String session(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private static String credentials(String email) {
        return "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=demo1234";
    }

    @Test
    void aBrowserLogsInAndGetsANewSessionId() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> login = get(client, "/login");
        assertEquals(200, login.statusCode());
        String before = session(cookies);
        HttpResponse<String> afterLogin = post(client, formAction(login.body()), "same-origin", credentials("cm@acme.test"));
        assertEquals(200, afterLogin.statusCode());
        assertTrue(afterLogin.body().contains(">Inbox<"), "the dashboard with the plugin tab");
        assertNotEquals(before, session(cookies), "the session id changes at login");
        HttpResponse<String> inbox = get(client, "/inbox");
        assertEquals(200, inbox.statusCode());
    }

    @Test
    void theSessionIdNeverAppearsInAUrl() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> first = get(browser, "/login");
        assertEquals(302, first.statusCode(), "Wicket sends a first visit to its page instance");
        String location = first.headers().firstValue("Location").orElse("");
        assertFalse(location.toLowerCase().contains("jsessionid"), location);
        URI target = URI.create(base + "/login").resolve(location);
        HttpResponse<String> page = get(browser, target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        assertEquals(200, page.statusCode());
        assertFalse(page.body().toLowerCase().contains("jsessionid"), "no link or form carries the session id");
    }

    @Test
    void aCrossSiteFormPostIsRefused() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> login = get(client, "/login");
        HttpResponse<String> forged = post(client, formAction(login.body()), "cross-site", credentials("cm@acme.test"));
        assertEquals(403, forged.statusCode());
        assertEquals(302, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/inbox")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "still anonymous: sent to log in");
    }

    @Test
    void unknownPathsAndStylesheets() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        assertEquals(404, get(client, "/no/such/page").statusCode());
        HttpResponse<String> login = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher css = Pattern.compile("href=\"\\./(wicket/resource/[^\"]*bootstrap[^\"]*)\"").matcher(login.body());
        assertTrue(css.find());
        HttpResponse<String> sheet = get(client, "/" + css.group(1));
        assertEquals(200, sheet.statusCode());
        assertTrue(sheet.body().contains("Bootstrap"));
    }
}
