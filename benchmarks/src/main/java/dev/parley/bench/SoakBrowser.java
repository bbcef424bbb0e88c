package dev.parley.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jsoup.Connection.KeyVal;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * One simulated person's browser: its own HTTP client and cookies, fetch metadata headers, Wicket's
 * redirects followed with GET, and forms submitted with everything a browser sends (hidden fields,
 * the current values of the other fields, the clicked button) as jsoup reads the form.
 */
final class SoakBrowser {

    /** Where a browser reports what it did. */
    interface Recorder {
        /** A request is about to be sent; false when the run's request budget is used up. */
        void issued();

        /** A response arrived after {@code nanos}; {@code duringSend}: a bulk send was running at some point of it. */
        void answered(long nanos, boolean duringSend);

        void retried();

        void error(String what);

        /** @return whether a bulk message is being sent right now */
        boolean sending();
    }

    /** A page as the browser holds it after a request. */
    record Page(URI uri, int status, String html) {
    }

    private static final Set<String> BUTTON_TYPES = Set.of("submit", "image", "button", "reset");

    private final String base;
    private final Recorder recorder;
    private final HttpClient http;

    SoakBrowser(String base, Recorder recorder) {
        this.base = base;
        this.recorder = recorder;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A page the user opens; anything but 200 is an error. */
    Page get(String path) throws IOException, InterruptedException {
        return get(URI.create(base + path), path);
    }

    private Page get(URI uri, String what) throws IOException, InterruptedException {
        try {
            return send(HttpRequest.newBuilder(uri).GET(), what);
        } catch (IOException closedKeepAlive) {
            // Like a browser: a GET on a kept-alive connection the server just closed is tried once more.
            recorder.retried();
            return send(HttpRequest.newBuilder(uri).GET(), what);
        }
    }

    /** Sends the request and follows Wicket's redirects (always with GET, as browsers do after a POST). */
    private Page send(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
        Page page = exchange(request, what);
        for (int hops = 0; page.status >= 301 && page.status <= 303 && hops < 5; hops++) {
            page = get(page.uri, what + " (redirected)");
        }
        if (page.status != 200) {
            recorder.error(what + " -> " + page.status);
        }
        return page;
    }

    /** One request and its response; a redirect comes back as a page whose uri is the target. */
    private Page exchange(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
        recorder.issued();
        boolean duringSend = recorder.sending();
        long t0 = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = http.send(request.header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "navigate")
                    .header("Accept-Language", "en").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
        recorder.answered(System.nanoTime() - t0, duringSend || recorder.sending());
        if (r.statusCode() >= 301 && r.statusCode() <= 303) {
            URI target = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
            return new Page(target, r.statusCode(), "");
        }
        return new Page(r.uri(), r.statusCode(), r.body());
    }

    /** Submits the form that holds the field with the given id, without naming a button (Enter in a field). */
    Page submit(Page page, String fieldId, Map<String, String> values) throws IOException, InterruptedException {
        return submit(page, fieldId, values, null);
    }

    /**
     * Submits the form that holds the field with the given id as a browser would: every field with its
     * current value, {@code values} (by element id) typed in, and the button matched by the CSS
     * selector {@code button} as the one clicked ({@code null}: none).
     */
    Page submit(Page page, String fieldId, Map<String, String> values, String button)
            throws IOException, InterruptedException {
        Document doc = Jsoup.parse(page.html, page.uri.toString());
        Element field = doc.getElementById(fieldId);
        Element form = field == null ? null : field.closest("form");
        if (!(form instanceof FormElement f)) {
            recorder.error("no form with field " + fieldId + " on " + page.uri);
            return page;
        }
        Set<String> buttons = f.elements().stream().filter(SoakBrowser::isButton).map(e -> e.attr("name"))
                .collect(Collectors.toSet());
        List<String[]> fields = new ArrayList<>();
        for (KeyVal kv : f.formData()) {
            if (!buttons.contains(kv.key())) {
                fields.add(new String[] {kv.key(), kv.value()});
            }
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            Element input = doc.getElementById(v.getKey());
            if (input == null || !input.hasAttr("name")) {
                recorder.error("no field " + v.getKey() + " on " + page.uri);
                return page;
            }
            fields.removeIf(kv -> kv[0].equals(input.attr("name")));
            fields.add(new String[] {input.attr("name"), v.getValue()});
        }
        if (button != null) {
            Element clicked = f.selectFirst(button);
            if (clicked == null) {
                recorder.error("no button " + button + " on " + page.uri);
                return page;
            }
            fields.add(new String[] {clicked.attr("name"), clicked.val()});
        }
        URI target = URI.create(f.absUrl("action").isEmpty() ? page.uri.toString() : f.absUrl("action"));
        HttpRequest.Builder post = HttpRequest.newBuilder(target).header("Origin", base);
        if (f.attr("enctype").contains("multipart/form-data")) {
            String boundary = "----soak" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            StringBuilder body = new StringBuilder();
            for (String[] kv : fields) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(kv[0])
                        .append("\"\r\n\r\n").append(kv[1]).append("\r\n");
            }
            body.append("--").append(boundary).append("--\r\n");
            post.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            String body = fields.stream().map(kv -> URLEncoder.encode(kv[0], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(kv[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            post.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return send(post, "POST " + page.uri.getPath());
    }

    private static boolean isButton(Element e) {
        return e.tagName().equals("button") || (e.tagName().equals("input") && BUTTON_TYPES.contains(e.attr("type")));
    }

    /** Logs in through the login form; fails the run when that does not work. */
    void login(String email, String password) throws IOException, InterruptedException {
        Page login = get("/login");
        Page after = submit(login, "email", Map.of("email", email, "password", password));
        if (after.uri.getPath().startsWith("/login")) {
            throw new IllegalStateException("login failed for " + email + ": " + after.status + " " + after.uri);
        }
    }

    /** @return the page's text as a person sees it, without what is still typed into text areas */
    static String shownText(Page page) {
        Document doc = Jsoup.parse(page.html);
        doc.select("textarea").remove();
        return doc.text();
    }
}
