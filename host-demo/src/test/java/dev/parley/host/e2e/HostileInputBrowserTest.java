package dev.parley.host.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hostile input through the real UI, rendered in real chromium. Every payload, if it ever ran,
 * would call {@code __xss.push(..)} or {@code alert(..)}; a script the browser runs before any page
 * script records such calls in the tab's session storage. The host's Content-Security-Policy is
 * switched off in the browser (CDP {@code Page.setBypassCSP}), so escaping and sanitising are the only
 * defence being tested: the CSP is a second wall, not the one under test.
 *
 * <p>On every page that shows hostile text the test also inspects the DOM: no element may carry an
 * event-handler attribute, a {@code javascript:} URL, an iframe or a script holding a payload, and
 * the text must be visible as the user typed it (escaped, not swallowed).
 */
class HostileInputBrowserTest {

    /** Records calls of __xss.push / alert / confirm / prompt in session storage (survives navigation). */
    private static final String HOOK = """
            (function () {
              function record(v) {
                try {
                  var a = JSON.parse(sessionStorage.getItem('__xss') || '[]');
                  a.push(String(v) + ' @ ' + location.pathname);
                  sessionStorage.setItem('__xss', JSON.stringify(a));
                } catch (e) { window.__xssLost = (window.__xssLost || 0) + 1; }
              }
              window.__xss = { push: record };
              window.alert = function (v) { record('alert:' + v); };
              window.confirm = function (v) { record('confirm:' + v); return false; };
              window.prompt = function (v) { record('prompt:' + v); return null; };
            })();
            """;

    /** DOM elements a payload could have smuggled in. */
    private static final String INSPECT = """
            var bad = [];
            document.querySelectorAll('*').forEach(function (e) {
              for (var i = 0; i < e.attributes.length; i++) {
                var a = e.attributes[i];
                if (/^on/i.test(a.name)) { bad.push(e.tagName + '[' + a.name + ']'); }
                if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(a.name)
                    && /^\\s*(javascript|vbscript|data:text\\/html)/i.test(a.value.replace(/[\\u0000-\\u001f]/g, ''))) {
                  bad.push(e.tagName + '[' + a.name + '=' + a.value + ']');
                }
                if (/^srcdoc$/i.test(a.name)) { bad.push(e.tagName + '[srcdoc]'); }
              }
              if (e.tagName === 'IFRAME' || e.tagName === 'OBJECT' || e.tagName === 'EMBED') { bad.push(e.tagName); }
              if (e.tagName === 'SCRIPT' && /__xss|alert\\(/.test(e.textContent)) { bad.push('SCRIPT ' + e.textContent); }
              if (e.tagName === 'svg' && e.closest('main, .container, body') && /__xss/.test(e.outerHTML)) { bad.push('SVG'); }
            });
            return bad;
            """;

    /**
     * Text that is drawn right-to-left although it holds no direction control of its own: a direction
     * override in someone's input leaking into the text around it (the page then lies about names,
     * file types and labels). Letters of each Latin text node must run left to right on screen.
     */
    private static final String REVERSED = """
            var reversed = [];
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              var n = walker.currentNode, t = n.nodeValue;
              if (/[\u202A-\u202E\u2066-\u2069\u200F\u061C]/.test(t)) { continue; }
              var m = /[A-Za-z]{2}/.exec(t);
              if (!m) { continue; }
              var r = document.createRange();
              r.setStart(n, m.index); r.setEnd(n, m.index + 1);
              var a = r.getBoundingClientRect();
              r.setStart(n, m.index + 1); r.setEnd(n, m.index + 2);
              var b = r.getBoundingClientRect();
              if (a.width > 0 && b.width > 0 && Math.abs(a.top - b.top) < 2 && b.left < a.left) {
                reversed.push(t.trim().substring(0, 60));
              }
            }
            return reversed;
            """;

    private static final String RLO = "\u202E";

    // Payloads: each would run script if it reached the page as markup.
    private static final String SCRIPT = "<script>__xss.push('script')</script>";
    private static final String IMG = "<img src=x onerror=__xss.push('img')>";
    private static final String SVG = "\"><svg onload=__xss.push('svg')>";
    private static final String DETAILS = "<details open ontoggle=alert('details')>";
    private static final String ANCHOR = "<a href=\"javascript:__xss.push('a')\">a</a>";
    private static final String IFRAME = "<iframe srcdoc=\"<script>parent.__xss.push('iframe')</script>\"></iframe>";
    private static final String MD_LINK = "[click](javascript:__xss.push('md'))";
    private static final String MD_IMAGE = "![x](javascript:alert('mdimg'))";
    private static final String MD_AUTOLINK = "<javascript:__xss.push('auto')>";
    private static final String MD_HTML = "*<b onmouseover=__xss.push('b')>b</b>*";
    private static final String ATTR_BREAK = "' autofocus onfocus='__xss.push(\"focus\")";
    private static final String BIDI = RLO + "fdp.exe";

    private static final String COMPANY = "Evil " + SCRIPT + IMG + BIDI;
    private static final String CONTACT = "Mal " + SVG + ATTR_BREAK;
    private static final String SUBJECT = "Hi " + SCRIPT + DETAILS + BIDI;
    private static final String BODY = String.join("\n", SCRIPT, IMG, SVG, DETAILS, ANCHOR, IFRAME, MD_LINK, MD_IMAGE,
            MD_AUTOLINK, MD_HTML, ATTR_BREAK, BIDI, "x".repeat(3000));
    private static final String REPLY = String.join("\n", "Reply", IMG, IFRAME, ANCHOR, MD_LINK, ATTR_BREAK, BIDI);
    private static final String ROLE = "Role " + IMG + ATTR_BREAK;
    private static final String SEARCH = "q" + SVG + ATTR_BREAK;

    @RegisterExtension
    static final Browser browser = Browser.perClass();
    private final List<WebDriver> drivers = new ArrayList<>();

    @AfterEach
    void quit() {
        drivers.forEach(WebDriver::quit);
    }

    private WebDriver hookedDriver(String email) {
        WebDriver d = browser.newDriver("en");
        drivers.add(d);
        ChromeDriver c = (ChromeDriver) d;
        c.executeCdpCommand("Page.enable", Map.of());
        c.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
        c.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOK));
        browser.login(d, email);
        return d;
    }

    private static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    /** Sets a field's value as typing would (long and exotic text included), then fires input/change. */
    private static void fill(WebDriver d, String id, String value) {
        WebElement e = d.findElement(By.id(id));
        js(d, "arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", e, value);
    }

    private static void submit(WebDriver d, By button) {
        String before = (String) js(d, "return document.documentElement.getAttribute('data-xss-page') || (function(){"
                + "var t = String(Math.random()); document.documentElement.setAttribute('data-xss-page', t); return t; })()");
        click(d, d.findElement(button));
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> !before.equals(js(x,
                "return document.readyState === 'complete' ? document.documentElement.getAttribute('data-xss-page') : arguments[0]",
                before)));
    }

    /** Clicks like a user who first scrolls the element into the middle of the window. */
    private static void click(WebDriver d, WebElement e) {
        js(d, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", e);
        e.click();
    }

    private static void open(WebDriver d, String path) {
        d.get(browser.url(path));
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> "complete".equals(js(x, "return document.readyState")));
    }

    @SuppressWarnings("unchecked")
    private static void assertSafe(WebDriver d, String shotName, String... shownAsText) {
        Browser.screenshot(d, "xss-" + shotName);
        List<Object> smuggled = (List<Object>) js(d, INSPECT);
        assertEquals(List.of(), smuggled, "markup smuggled into " + d.getCurrentUrl());
        assertEquals(List.of(), executions(d), "script executed on " + d.getCurrentUrl());
        assertEquals(List.of(), js(d, REVERSED), "text drawn backwards by someone else's direction override on "
                + d.getCurrentUrl());
        String text = (String) js(d, "return document.body.innerText + '\\n' + Array.prototype.map.call("
                + "document.querySelectorAll('input, textarea'), function (e) { return e.value; }).join('\\n')");
        for (String s : shownAsText) {
            assertTrue(text.contains(s), () -> "\"" + s + "\" not shown as text on " + d.getCurrentUrl() + ":\n" + text);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> executions(WebDriver d) {
        return (List<Object>) js(d, "return JSON.parse(sessionStorage.getItem('__xss') || '[]')");
    }

    private static long idFromUrl(WebDriver d) {
        Matcher m = Pattern.compile("/(\\d+)(?:[/?#]|$)").matcher(d.getCurrentUrl());
        assertTrue(m.find(), d.getCurrentUrl());
        return Long.parseLong(m.group(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void hookRecordsAnExecutionSoTheAssertionsBelowCanFail() {
        WebDriver d = hookedDriver("cm@acme.test");
        open(d, "/dashboard");
        js(d, "var s = document.createElement('img'); s.setAttribute('onerror', \"__xss.push('probe')\"); s.src = 'x:'; "
                + "document.body.appendChild(s); alert('probe2');");
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> executions(x).size() == 2);
        List<Object> smuggled = (List<Object>) js(d, INSPECT);
        assertEquals(1, smuggled.size(), smuggled.toString());
    }

    @Test
    void payloadsInPartnerNamesMessagesRepliesAndSearchesAreShownAsTextAndNeverRun() {
        WebDriver cm = hookedDriver("cm@acme.test");

        // A partner whose company and contact names are payloads; its name is a macro value everywhere.
        open(cm, "/partners");
        click(cm, cm.findElement(By.cssSelector("details > summary")));
        fill(cm, "company", COMPANY);
        fill(cm, "contact", CONTACT);
        fill(cm, "contactEmail", "hostile@hostile.test");
        submit(cm, By.cssSelector("form#" + formId(cm, "company") + " button[type=submit]"));
        long hostile = idFromUrl(cm);
        assertSafe(cm, "01-partner-profile", COMPANY, CONTACT);
        open(cm, "/partners");
        fill(cm, "q", "Evil");
        submit(cm, By.cssSelector("form#" + formId(cm, "q") + " button[type=submit]"));
        assertSafe(cm, "02-partner-list", COMPANY);
        open(cm, "/partners");
        fill(cm, "q", SEARCH);
        submit(cm, By.cssSelector("form#" + formId(cm, "q") + " button[type=submit]"));
        assertSafe(cm, "03-partner-search-echo", SEARCH);

        // A conversation with the hostile partner: subject and body are payloads too.
        open(cm, "/inbox/new?partner=" + hostile);
        assertSafe(cm, "04-compose-to-hostile-partner");
        fill(cm, "compose-subject", SUBJECT);
        fill(cm, "compose-body", BODY);
        submit(cm, By.cssSelector("form#" + formId(cm, "compose-subject") + " button[type=submit]"));
        assertTrue(cm.getCurrentUrl().contains("/inbox/conversation/"), cm.getCurrentUrl());
        assertSafe(cm, "05-conversation-brand", SUBJECT, SCRIPT, IFRAME, MD_LINK, ATTR_BREAK, "x".repeat(3000));
        open(cm, "/inbox");
        assertSafe(cm, "06-inbox", SUBJECT.substring(0, 20));
        fill(cm, "inbox-q", SEARCH);
        submit(cm, By.cssSelector("form#" + formId(cm, "inbox-q") + " button[type=submit]"));
        assertSafe(cm, "07-inbox-search-echo", SEARCH);

        // A conversation with Trail Blazers, so the partner's member sees payloads in the portal and answers with more.
        long trail = partnerIdByName(cm, "Trail Blazers");
        open(cm, "/inbox/new?partner=" + trail);
        fill(cm, "compose-subject", SUBJECT);
        fill(cm, "compose-body", BODY);
        submit(cm, By.cssSelector("form#" + formId(cm, "compose-subject") + " button[type=submit]"));
        long conversation = idFromUrl(cm);

        WebDriver maya = hookedDriver("maya@trailblazers.test");
        open(maya, "/portal/messages");
        assertSafe(maya, "08-portal-messages", SUBJECT.substring(0, 20));
        open(maya, "/portal/conversation/" + conversation);
        assertSafe(maya, "09-portal-conversation", SUBJECT, SCRIPT, IFRAME, MD_LINK);
        fill(maya, "reply-body", REPLY);
        submit(maya, By.cssSelector("form#" + formId(maya, "reply-body") + " button[type=submit]"));
        assertSafe(maya, "10-portal-after-reply", IFRAME, ANCHOR, ATTR_BREAK);
        open(maya, "/portal");
        assertSafe(maya, "11-portal-dashboard");

        open(cm, "/inbox/conversation/" + conversation);
        assertSafe(cm, "12-brand-sees-reply", IFRAME, ANCHOR, ATTR_BREAK);
        open(cm, "/inbox");
        assertSafe(cm, "13-inbox-after-reply");

        // The notification e-mails (demo outbox) carry subjects, bodies and names too.
        WebDriver owner = hookedDriver("owner@acme.test");
        open(owner, "/settings/outbox");
        assertSafe(owner, "14-outbox");

        // Role names.
        open(owner, "/settings/roles");
        fill(owner, "roleName", ROLE);
        submit(owner, By.cssSelector("form#" + formId(owner, "roleName") + " button[type=submit]"));
        assertSafe(owner, "15-roles", ROLE);
        open(owner, "/partners/" + hostile);
        assertSafe(owner, "16-profile-as-owner", COMPANY);
    }

    @Test
    void payloadsInBannersAndInMacroValuesAreShownAsTextAndNeverRun() {
        WebDriver cm = hookedDriver("cm@acme.test");
        // A partner named with payloads, to preview the banner for (its name fills {partner_name}).
        open(cm, "/partners");
        click(cm, cm.findElement(By.cssSelector("details > summary")));
        fill(cm, "company", "Banner" + COMPANY);
        fill(cm, "contact", CONTACT);
        fill(cm, "contactEmail", "banner-hostile@hostile.test");
        submit(cm, By.cssSelector("form#" + formId(cm, "company") + " button[type=submit]"));

        open(cm, "/banners/edit");
        fill(cm, "internalName", "Banner " + SCRIPT + IMG);
        fill(cm, "headline", "{partner_name} " + IMG);
        fill(cm, "body", String.join("\n\n", "Hello **{partner_name}**", SCRIPT, SVG, DETAILS, ANCHOR, MD_LINK, MD_IMAGE,
                MD_AUTOLINK, MD_HTML, BIDI));
        fill(cm, "ctaLabel", SVG);
        fill(cm, "ctaUrl", "javascript:__xss.push('cta')");
        fill(cm, "previewSearch", "banner-hostile@hostile.test");
        submit(cm, By.id(buttonId(cm, "preview")));
        assertSafe(cm, "20-banner-preview-javascript-url-refused", "Banner" + COMPANY);
        assertTrue(cm.findElements(By.cssSelector(".invalid-feedback, .is-invalid, .alert-danger, .feedbackPanelERROR")).size() > 0,
                "a javascript: call-to-action URL is refused with a message");

        // The live preview (fetched and put in place by script) with the hostile partner's name as macro value.
        fill(cm, "ctaUrl", "https://acme.test/p?n={partner_name}");
        fill(cm, "headline", "{partner_name} " + DETAILS.substring(0, 30));
        new WebDriverWait(cm, Duration.ofSeconds(20)).until(x -> ((String) js(x, "return document.body.innerText"))
                .contains("Banner" + COMPANY + " " + DETAILS.substring(0, 30)));
        assertSafe(cm, "21-banner-live-preview", "Banner" + COMPANY);

        fill(cm, "headline", "{partner_name} " + IMG);
        submit(cm, By.id(buttonId(cm, "publish")));
        assertSafe(cm, "22-banner-list", "Banner " + SCRIPT + IMG);
        String analytics = (String) js(cm, "var a = document.querySelector('a[href*=\"banners/analytics\"]'); return a ? a.href : null");
        assertTrue(analytics != null, "the published banner is listed with its analytics link");
        cm.get(analytics);
        assertSafe(cm, "23-banner-analytics", "Banner " + SCRIPT + IMG);

        WebDriver maya = hookedDriver("maya@trailblazers.test");
        open(maya, "/portal");
        assertSafe(maya, "24-portal-banner", "Trail Blazers Media " + IMG, SCRIPT, SVG.substring(2));
    }

    private static String formId(WebDriver d, String fieldId) {
        return (String) js(d, "return document.getElementById(arguments[0]).form.id", fieldId);
    }

    private static String buttonId(WebDriver d, String name) {
        WebElement b = d.findElement(By.cssSelector("button[name$='" + name + "'], input[name$='" + name + "']"));
        if (b.getAttribute("id") == null || b.getAttribute("id").isEmpty()) {
            js(d, "arguments[0].id = 'xss-' + arguments[1]", b, name);
        }
        return b.getAttribute("id");
    }

    private static long partnerIdByName(WebDriver d, String name) {
        open(d, "/partners");
        fill(d, "q", name);
        submit(d, By.cssSelector("form#" + formId(d, "q") + " button[type=submit]"));
        String href = d.findElement(By.partialLinkText(name)).getAttribute("href");
        Matcher m = Pattern.compile("/partners/(\\d+)").matcher(href);
        assertTrue(m.find(), href);
        return Long.parseLong(m.group(1));
    }
}
