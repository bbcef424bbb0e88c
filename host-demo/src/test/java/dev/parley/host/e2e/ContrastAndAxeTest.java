package dev.parley.host.e2e;

import static dev.parley.host.e2e.Browser.waiting;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.event.SampleDataCreated;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Accessibility of the main pages of the host and both plugins, checked in a real browser with
 * axe-core: every visible text has enough contrast against its background (WCAG 2.1 AA: 4.5:1, large
 * text 3:1), and the other WCAG 2.0/2.1 A and AA rules axe can decide automatically hold. The pages
 * carry real content: sample conversations and banners, a bulk message, and banners of every style
 * (info, success, warning, critical) on the partner dashboard.
 */
class ContrastAndAxeTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();
    /** Page name → what axe found there. */
    private final Map<String, List<String>> violations = new LinkedHashMap<>();
    private final List<String> review = new ArrayList<>();
    /** The bulk message sent on the way, opened later by a partner. */
    private String bulkPath;

    @BeforeAll
    static void sampleData() {
        // the conversations and banners a demo program starts with, through the plugins' own services
        browser.host().host().events().publish(new SampleDataCreated(browser.host().programs().acme()));
    }

    /** Clicks a control that loads a new page and waits for that page. */
    private static void submitAndWait(WebDriver d, WebElement control) {
        JavascriptExecutor js = (JavascriptExecutor) d;
        js.executeScript("window.parleyOldPage = true");
        js.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", control);
        control.click();
        waiting(d).until(x -> Boolean.TRUE.equals(((JavascriptExecutor) x).executeScript(
                "return window.parleyOldPage === undefined && document.readyState === 'complete'")));
    }

    private void audit(WebDriver d, String page) {
        audit(d, page, null);
    }

    private void audit(WebDriver d, String page, String selector) {
        Axe.Result r = Axe.audit(d, selector);
        if (!r.violations().isEmpty()) {
            r.violations().forEach(v -> System.out.println("[axe] " + page + ": " + v));
            violations.computeIfAbsent(page + " (" + d.getCurrentUrl().replaceAll("^https?://[^/]+", "") + ")",
                    k -> new ArrayList<>()).addAll(r.violations());
        }
        r.review().forEach(target -> review.add(page + ": " + target));
    }

    private void visit(WebDriver d, String path, String page) {
        d.get(browser.url(path));
        assertShowsItsPage(d, path.equals("/no/such/page"));
        audit(d, page);
    }

    /** An audit of the host's error page in place of the page meant would prove nothing about that page. */
    private static void assertShowsItsPage(WebDriver d, boolean errorPageExpected) {
        boolean errorPage = Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.querySelector('main > .py-5.text-center > h1') !== null"));
        assertTrue(errorPage == errorPageExpected, () -> d.getCurrentUrl() + (errorPageExpected ? " shows the error page"
                : " shows its page, not an error page: " + d.findElement(By.tagName("main")).getText()));
    }

    @Test
    void theCheckNoticesTextTooPaleForItsBackground() {
        WebDriver d = browser.newDriver("en");
        try {
            d.get(browser.url("/login"));
            ((JavascriptExecutor) d).executeScript("var p = document.createElement('p'); p.id = 'pale';"
                    + " p.textContent = 'Pale grey on white'; p.style.color = '#aaaaaa';"
                    + " document.querySelector('main').appendChild(p);"
                    // a form control drawn with a background image: axe cannot decide, the measurement does
                    + " var s = document.createElement('select'); s.id = 'pale-select'; s.className = 'form-select';"
                    + " s.setAttribute('aria-label', 'Pale'); s.add(new Option('Pale grey choice')); s.style.color = '#b0b0b0';"
                    + " document.querySelector('main').appendChild(s);");
            Axe.Result r = Axe.audit(d, null);
            assertTrue(r.violations().stream().anyMatch(v -> v.startsWith("color-contrast | #pale |")), r.violations().toString());
            assertTrue(r.violations().stream().anyMatch(v -> v.contains("#pale-select")), r.violations().toString());
        } finally {
            d.quit();
        }
    }

    @Test
    void everyMainPageHasReadableContrastAndPassesAxesWcagAaRules() {
        WebDriver anonymous = browser.newDriver("en");
        try {
            visit(anonymous, "/login", "login");
        } finally {
            anonymous.quit();
        }
        brandPages();
        settingsPages();
        partnerPages();
        // after the partner saw the banners and read the bulk message, the analytics have charts
        chartPages();

        StringBuilder report = new StringBuilder();
        violations.forEach((page, list) -> {
            report.append("\n").append(page).append(":");
            list.forEach(v -> report.append("\n  ").append(v));
        });
        System.out.println("[axe] text over images or otherwise left for a person to judge: " + review);
        assertTrue(violations.isEmpty(), "axe found accessibility violations:" + report);
    }

    /**
     * The same rules on the Chinese pages: the colours do not change with the language, but the texts,
     * accessible names (aria-labels come from the Chinese properties) and the page language do.
     */
    @Test
    void theMainPagesInChineseAlsoPassAxesWcagAaRules() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("", List.of("/login"));
        long trailBlazers = browser.host().acmePartner("Trail Blazers");
        long conversation = browser.host().queryLong("SELECT MIN(id) FROM msg_conversation WHERE partner_id = " + trailBlazers);
        pages.put("cm@acme.test", List.of("/dashboard", "/partners", "/partners/" + trailBlazers, "/inbox",
                "/inbox/conversation/" + conversation, "/inbox/new?partner=" + trailBlazers,
                "/inbox/search?q=%E4%BB%98%E6%AC%BE", "/messages/compose", "/messages", "/banners", "/banners/edit"));
        pages.put("admin@parley.test", List.of("/settings", "/settings/plans", "/settings/roles", "/settings/plugins",
                "/settings/outbox", "/inbox/search/index", "/no/such/page"));
        pages.put("maya@trailblazers.test", List.of("/portal", "/portal/messages", "/portal/messages/new"));
        pages.forEach((user, paths) -> {
            WebDriver d = browser.newDriver("zh-CN");
            try {
                if (!user.isEmpty()) {
                    browser.login(d, user);
                }
                for (String path : paths) {
                    d.get(browser.url(path));
                    assertTrue("zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")),
                            path + " is served in Chinese");
                    assertShowsItsPage(d, path.equals("/no/such/page"));
                    audit(d, "zh-CN " + path);
                }
            } finally {
                d.quit();
            }
        });
        StringBuilder report = new StringBuilder();
        violations.forEach((page, list) -> list.forEach(v -> report.append("\n").append(page).append(": ").append(v)));
        assertTrue(violations.isEmpty(), "axe found accessibility violations on Chinese pages:" + report);
    }

    private void brandPages() {
        WebDriver cm = browser.newDriver("en");
        try {
            browser.login(cm, "cm@acme.test");
            visit(cm, "/dashboard", "brand dashboard");
            visit(cm, "/partners", "partners list");
            submitAndWait(cm, cm.findElement(By.linkText("Trail Blazers Media")));
            audit(cm, "partner profile");

            visit(cm, "/inbox", "inbox");
            submitAndWait(cm, cm.findElement(By.cssSelector("main a[href*='/inbox/conversation/']")));
            audit(cm, "conversation");
            visit(cm, "/inbox/new?partner=" + browser.host().acmePartner("Trail Blazers"), "new conversation");
            searchUntilFound(cm, "/inbox/search?q=catalogue");
            audit(cm, "message search results");

            cm.get(browser.url("/messages/compose"));
            cm.findElement(By.id("c-subject")).sendKeys("Spring lookbook");
            cm.findElement(By.id("c-body")).sendKeys("Hello {partner_name}, the spring lookbook is out.");
            waiting(cm).until(d -> d.findElement(By.cssSelector("small[aria-live=polite]")).getText().startsWith("Draft saved at"));
            audit(cm, "compose");
            submitAndWait(cm, cm.findElement(By.xpath("//button[normalize-space()='Send now']")));
            waiting(cm).until(d -> d.findElement(By.cssSelector("section[aria-live=polite] .badge")).getText().equals("Sent"));
            audit(cm, "sent bulk message");
            bulkPath = cm.getCurrentUrl().replaceAll("^https?://[^/]+", "");
            visit(cm, "/messages", "bulk messages");
            submitAndWait(cm, cm.findElement(By.xpath("//a[normalize-space()='Sent']")));
            audit(cm, "sent list");

            for (String style : List.of("Warning", "Critical")) {
                cm.get(browser.url("/banners/edit"));
                cm.findElement(By.id("internalName")).sendKeys(style + " notice");
                cm.findElement(By.id("headline")).sendKeys(style + " notice for {partner_first_name}");
                cm.findElement(By.id("body")).sendKeys("Read the **" + style.toLowerCase() + "** carefully. [Details](https://example.com/)");
                new Select(cm.findElement(By.id("style"))).selectByVisibleText(style);
                cm.findElement(By.id("ctaLabel")).sendKeys("Open details");
                cm.findElement(By.id("ctaUrl")).sendKeys("https://example.com/details");
                if (style.equals("Critical")) {
                    // the live preview (debounced) shows the finished banner: its link on the critical background
                    waiting(cm).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                            "var s = document.querySelector('#bnr-live-preview .bnr-critical');"
                                    + " return s !== null && s.querySelector('a[href=\"https://example.com/\"]') !== null"
                                    + " && s.textContent.indexOf('Open details') >= 0")));
                    audit(cm, "banner editor");
                }
                submitAndWait(cm, cm.findElement(By.xpath("//button[normalize-space()='Publish']")));
                Browser.waiting(cm).until(d -> d.getPageSource().contains("The banner was published."));
            }
            audit(cm, "banner editor after publishing");
            visit(cm, "/banners", "banners list");
        } finally {
            cm.quit();
        }
    }

    private void chartPages() {
        WebDriver cm = browser.newDriver("en");
        try {
            browser.login(cm, "cm@acme.test");
            int charts = 0;
            visit(cm, bulkPath, "bulk message with opens");
            charts += checkCharts(cm, "bulk message opens");
            cm.get(browser.url("/banners"));
            List<String> analytics = cm.findElements(By.cssSelector("main a[href*='banners/analytics']")).stream()
                    .map(a -> a.getAttribute("href")).toList();
            assertTrue(analytics.size() >= 4, "every banner has its analytics: " + analytics);
            for (String href : analytics) {
                cm.get(href);
                audit(cm, "banner analytics");
                charts += checkCharts(cm, "banner analytics");
            }
            assertTrue(charts >= 2, "charts were drawn and checked: " + charts);
        } finally {
            cm.quit();
        }
    }

    /**
     * Chart.js draws on a canvas, which axe cannot read: checks the chart's own colours against the
     * background behind the canvas instead (text, legend and ticks 4.5:1; each series 3:1, WCAG 1.4.11).
     *
     * @return how many charts were checked
     */
    @SuppressWarnings("unchecked")
    private int checkCharts(WebDriver d, String page) {
        waiting(d).until(x -> Boolean.TRUE.equals(((JavascriptExecutor) x).executeScript(
                "return Array.from(document.querySelectorAll('canvas[data-parley-chart]')).every(c => !!c.parleyChart)")));
        Map<String, Object> r = (Map<String, Object>) ((JavascriptExecutor) d).executeScript(CHART_CONTRAST);
        List<String> found = (List<String>) r.get("problems");
        if (!found.isEmpty()) {
            found.forEach(v -> System.out.println("[charts] " + page + ": " + v));
            violations.computeIfAbsent(page + " charts", k -> new ArrayList<>()).addAll(found);
        }
        return ((Number) r.get("charts")).intValue();
    }

    private static final String CHART_CONTRAST = """
            var probe = document.createElement('canvas').getContext('2d');
            function rgba(c) {
              probe.fillStyle = '#000'; probe.fillStyle = c; var v = probe.fillStyle;
              if (v.charAt(0) === '#') {
                return [parseInt(v.substr(1, 2), 16), parseInt(v.substr(3, 2), 16), parseInt(v.substr(5, 2), 16), 1];
              }
              var m = v.match(/[\\d.]+/g).map(Number);
              return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
            }
            function lin(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
            function lum(c) { return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]); }
            function over(top, back) {
              var a = top[3];
              return [top[0] * a + back[0] * (1 - a), top[1] * a + back[1] * (1 - a), top[2] * a + back[2] * (1 - a), 1];
            }
            function ratio(fg, back) {
              var x = lum(over(fg, back)), y = lum(back);
              return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
            }
            function background(el) {
              for (var e = el; e; e = e.parentElement) {
                var c = rgba(getComputedStyle(e).backgroundColor);
                if (c[3] > 0) { return c; }
              }
              return [255, 255, 255, 1];
            }
            var problems = [], charts = 0;
            document.querySelectorAll('canvas[data-parley-chart]').forEach(function (canvas) {
              var chart = canvas.parleyChart;
              if (!chart) { problems.push('a chart was not drawn'); return; }
              charts++;
              var back = background(canvas), o = chart.options;
              var texts = {'text': o.color, 'legend': o.plugins.legend.labels.color,
                  'x axis': o.scales.x.ticks.color, 'y axis': o.scales.y.ticks.color};
              Object.keys(texts).forEach(function (k) {
                var r = ratio(rgba(texts[k]), back);
                if (r < 4.5) { problems.push(k + ' ' + texts[k] + ' ' + r.toFixed(2) + ':1 (needs 4.5:1)'); }
              });
              chart.data.datasets.forEach(function (s) {
                var r = ratio(rgba(s.borderColor), back);
                if (r < 3) { problems.push('series "' + s.label + '" ' + s.borderColor + ' ' + r.toFixed(2) + ':1 (needs 3:1)'); }
              });
            });
            return {problems: problems, charts: charts};
            """;

    private static void searchUntilFound(WebDriver d, String path) {
        // the index takes in new messages in the background
        waiting(d).until(x -> {
            x.get(browser.url(path));
            return !x.findElements(By.cssSelector("ol.parley-search-hits > li")).isEmpty();
        });
    }

    private void settingsPages() {
        WebDriver admin = browser.newDriver("en");
        try {
            browser.login(admin, "admin@parley.test");
            visit(admin, "/settings", "settings");
            visit(admin, "/settings/plans", "plans");
            visit(admin, "/settings/roles", "roles");
            visit(admin, "/settings/plugins", "plugins");
            visit(admin, "/settings/outbox", "outbox");
            visit(admin, "/inbox/search/index", "search index");
            visit(admin, "/no/such/page", "not found page");
        } finally {
            admin.quit();
        }
    }

    private void partnerPages() {
        WebDriver maya = browser.newDriver("en");
        try {
            browser.login(maya, "maya@trailblazers.test");
            maya.get(browser.url("/portal"));
            if (!maya.findElement(By.cssSelector(".navbar-brand")).getText().contains("Acme Outdoor")) {
                submitAndWait(maya, maya.findElement(By.xpath("//a[contains(., 'Switch to')][contains(., 'Acme Outdoor')]")));
            }
            audit(maya, "portal dashboard");
            // one slide shows at a time: stop the rotation and look at every banner
            WebElement carousel = maya.findElement(By.cssSelector("section.bnr-carousel"));
            carousel.findElement(By.cssSelector(".bnr-pause")).click();
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                WebElement shown = carousel.findElement(By.cssSelector(".bnr-slide:not([hidden])"));
                seen.add(shown.getAttribute("class"));
                audit(maya, "portal banner " + shown.findElement(By.cssSelector(".bnr-headline")).getText(), "section.bnr-carousel");
                carousel.findElement(By.cssSelector(".bnr-next")).click();
            }
            for (String style : List.of("bnr-info", "bnr-success", "bnr-warning", "bnr-critical")) {
                assertTrue(seen.stream().anyMatch(c -> c.contains(style)), style + " banner shown: " + seen);
            }

            visit(maya, "/portal/messages", "portal messages");
            submitAndWait(maya, maya.findElement(By.cssSelector("main a[href*='conversation/']")));
            audit(maya, "portal conversation");
            visit(maya, "/portal/messages/new", "portal new message");
            maya.get(browser.url("/portal/messages"));
            List<WebElement> announcements = maya.findElements(By.cssSelector("main a[href*='announcement/']"));
            if (!announcements.isEmpty()) {
                submitAndWait(maya, announcements.get(0));
                audit(maya, "portal announcement");
            }
            searchUntilFound(maya, "/portal/messages/search?q=catalogue");
            audit(maya, "portal message search");
        } finally {
            maya.quit();
        }
    }
}
