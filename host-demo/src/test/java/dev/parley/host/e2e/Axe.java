package dev.parley.host.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core (from its WebJar) run inside the page the browser shows: WCAG 2.0/2.1 level A and
 * AA rules, among them colour contrast of every visible text against its real background (4.5:1,
 * 3:1 for large text; hidden and disabled elements skipped; text over images left as "needs review").
 */
final class Axe {

    private static final String SOURCE = load("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            var context = arguments[0] ? document.querySelector(arguments[0]) : document;
            axe.run(context, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                    resultTypes: ['violations', 'incomplete']}).then(function (r) {
              var found = [];
              r.violations.forEach(function (v) {
                v.nodes.forEach(function (n) {
                  var why = n.any.concat(n.all, n.none).map(function (c) { return c.message; }).join('; ');
                  found.push(v.id + ' | ' + n.target.join(' ') + ' | ' + why + ' | ' + n.html.substring(0, 200));
                });
              });
              var review = [];
              r.incomplete.filter(function (v) { return v.id === 'color-contrast'; }).forEach(function (v) {
                v.nodes.forEach(function (n) { review.push(n.target.join(' ')); });
              });
              done({violations: found, review: review});
            }).catch(function (e) { done({violations: ['axe failed: ' + e], review: []}); });
            """;

    /** What axe found on one page. */
    record Result(List<String> violations, List<String> review) {
    }

    private Axe() {
    }

    private static String load(String path) {
        try (InputStream in = Axe.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Audits the current page, or only the part a CSS selector picks.
     *
     * @param selector null for the whole document
     */
    @SuppressWarnings("unchecked")
    static Result audit(WebDriver driver, String selector) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return !!window.axe"))) {
            js.executeScript(SOURCE);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Map<String, Object> r = (Map<String, Object>) js.executeAsyncScript(RUN, selector);
        return new Result(new ArrayList<>((List<String>) r.get("violations")), new ArrayList<>((List<String>) r.get("review")));
    }
}
