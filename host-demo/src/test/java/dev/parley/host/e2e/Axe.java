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
 * 3:1 for large text; hidden and disabled elements skipped). What axe cannot decide (form controls
 * drawn with a background image, for instance) is measured by {@link #MEASURE}; only text over real
 * images is left for a person to review.
 */
final class Axe {

    private static final String SOURCE = load("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");
    /**
     * WCAG 2.1 contrast of one element's text against its effective background: the first
     * ancestor with a background colour (translucent layers blended over what is behind), the text
     * colour faded by the opacity of the element and its ancestors; 3:1 for large text (24px, or
     * 18.66px bold), 4.5:1 otherwise. A background image under the text (other than a form
     * control's own arrow or check mark) cannot be measured: left for review.
     */
    private static final String MEASURE = """
            var probe = document.createElement('canvas').getContext('2d');
            function rgba(c) {
              probe.fillStyle = '#000'; probe.fillStyle = c; var v = probe.fillStyle;
              if (v.charAt(0) === '#') {
                return [parseInt(v.substr(1, 2), 16), parseInt(v.substr(3, 2), 16), parseInt(v.substr(5, 2), 16), 1];
              }
              var m = v.match(/[\\d.]+/g).map(Number);
              return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
            }
            function over(top, back) {
              var a = top[3];
              return [top[0] * a + back[0] * (1 - a), top[1] * a + back[1] * (1 - a), top[2] * a + back[2] * (1 - a), 1];
            }
            function lin(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
            function lum(c) { return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]); }
            function isControl(e) { return /^(SELECT|INPUT|TEXTAREA|BUTTON)$/.test(e.tagName); }
            function measure(el) {
              var cs = getComputedStyle(el);
              var text, color = cs.color;
              if (el.tagName === 'SELECT') {
                text = el.selectedIndex >= 0 ? el.options[el.selectedIndex].text : '';
              } else if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') {
                text = el.value;
                if (!text && el.placeholder) { text = el.placeholder; color = getComputedStyle(el, '::placeholder').color; }
              } else {
                text = el.textContent;
              }
              if (!text || !text.trim()) { return {}; }
              if (el.disabled) { return {}; }
              var opacity = 1, layers = [];
              for (var e = el; e; e = e.parentElement) {
                var s = getComputedStyle(e);
                opacity *= parseFloat(s.opacity);
                if (s.backgroundImage !== 'none' && !(e === el && isControl(el))) {
                  return {review: 'text over a background image on ' + e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')};
                }
                var bg = rgba(s.backgroundColor);
                if (bg[3] > 0) { layers.push(bg); }
                if (bg[3] >= 1) { break; }
              }
              var back = [255, 255, 255, 1];
              for (var i = layers.length - 1; i >= 0; i--) { back = over(layers[i], back); }
              var fg = rgba(color);
              fg[3] *= opacity;
              var shown = over(fg, back);
              var x = lum(shown), y = lum(back);
              var ratio = (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
              var size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
              var needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
              return ratio + 0.005 < needed
                  ? {failure: 'contrast ' + ratio.toFixed(2) + ':1, needs ' + needed + ':1 (text ' + color + ' on ' + 'rgb(' + back.slice(0, 3).map(Math.round) + '))'}
                  : {};
            }
            """;

    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            var context = arguments[0] ? document.querySelector(arguments[0]) : document;
            %s
            axe.run(context, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                    resultTypes: ['violations', 'incomplete']}).then(function (r) {
              var found = [];
              r.violations.forEach(function (v) {
                v.nodes.forEach(function (n) {
                  var why = n.any.concat(n.all, n.none).map(function (c) { return c.message; }).join('; ');
                  found.push(v.id + ' | ' + n.target.join(' ') + ' | ' + why + ' | ' + n.html.substring(0, 200));
                });
              });
              // axe leaves some texts undecided (form controls drawn with a background image, text it
              // cannot measure): measure those here, and keep only text over real images for review
              var review = [];
              r.incomplete.filter(function (v) { return v.id === 'color-contrast'; }).forEach(function (v) {
                v.nodes.forEach(function (n) {
                  var target = n.target.join(' ');
                  var el = document.querySelector(target);
                  var verdict = el ? measure(el) : {review: 'not found again'};
                  if (verdict.failure) {
                    found.push('color-contrast (measured) | ' + target + ' | ' + verdict.failure + ' | ' + n.html.substring(0, 200));
                  } else if (verdict.review) {
                    review.push(target + ' (' + verdict.review + ')');
                  }
                });
              });
              done({violations: found, review: review});
            }).catch(function (e) { done({violations: ['axe failed: ' + e], review: []}); });
            """.formatted(MEASURE);



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
