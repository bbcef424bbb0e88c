package dev.parley.api.ui;

import java.net.URL;
import java.util.List;
import org.apache.wicket.Component;
import org.apache.wicket.behavior.Behavior;
import org.apache.wicket.core.util.resource.UrlResourceStream;
import org.apache.wicket.markup.ComponentTag;
import org.apache.wicket.markup.head.HeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.head.JavaScriptHeaderItem;
import org.apache.wicket.request.resource.IResource;
import org.apache.wicket.request.resource.JavaScriptResourceReference;
import org.apache.wicket.request.resource.ResourceReference;
import org.apache.wicket.request.resource.ResourceStreamResource;

/**
 * A chart drawn by Chart.js (from its WebJar, which the host provides) on a {@code <canvas>}: the
 * numbers travel as JSON in the canvas's {@code data-parley-chart} attribute and {@code charts.js}
 * draws every such canvas, so the page needs no inline script under the host's strict CSP. Pages keep
 * an accessible table with the same numbers next to the chart. Shared by all plugins.
 *
 * @since 1.0
 */
public final class Chart extends Behavior {

    private static final long serialVersionUID = 1L;

    /** Chart.js's self-contained UMD build, served from the API's class loader (the host ships the WebJar). */
    static final ResourceReference CHART_JS = new ResourceReference(Chart.class, "chart.umd.js") {
        private static final long serialVersionUID = 1L;

        @Override
        public IResource getResource() {
            URL url = Chart.class.getClassLoader().getResource("META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js");
            if (url == null) {
                throw new IllegalStateException("Chart.js WebJar missing from the host");
            }
            ResourceStreamResource resource = new ResourceStreamResource(new UrlResourceStream(url));
            resource.setCacheDuration(java.time.Duration.ofDays(30));
            return resource;
        }
    };

    /** Draws every canvas with a {@code data-parley-chart} attribute once the page has loaded. */
    static final JavaScriptResourceReference CHARTS_JS = new JavaScriptResourceReference(Chart.class, "charts.js") {
        private static final long serialVersionUID = 1L;

        @Override
        public List<HeaderItem> getDependencies() {
            return List.of(JavaScriptHeaderItem.forReference(CHART_JS).setDefer(true));
        }
    };

    /** One line or bar series. */
    public record Series(String label, List<? extends Number> values) implements java.io.Serializable {
    }

    private final String type;
    private final List<String> labels;
    private final List<Series> series;

    private Chart(String type, List<String> labels, List<Series> series) {
        this.type = type;
        this.labels = List.copyOf(labels);
        this.series = List.copyOf(series);
    }

    /** Bars: one group per label, one bar per series. */
    public static Chart bar(List<String> labels, Series... series) {
        return new Chart("bar", labels, List.of(series));
    }

    /** Lines: one point per label on each series. */
    public static Chart line(List<String> labels, Series... series) {
        return new Chart("line", labels, List.of(series));
    }

    @Override
    public void onComponentTag(Component component, ComponentTag tag) {
        super.onComponentTag(component, tag);
        tag.put("data-parley-chart", json(component.getLocale()));
    }

    @Override
    public void renderHead(Component component, IHeaderResponse response) {
        super.renderHead(component, response);
        response.render(JavaScriptHeaderItem.forReference(CHARTS_JS).setDefer(true));
    }

    /** The chart as JSON: {@code {"type":..,"locale":..,"labels":[..],"series":[{"label":..,"values":[..]}]}}. */
    String json(java.util.Locale locale) {
        StringBuilder b = new StringBuilder("{\"type\":").append(string(type))
                .append(",\"locale\":").append(string(locale.toLanguageTag())).append(",\"labels\":[");
        for (int i = 0; i < labels.size(); i++) {
            b.append(i == 0 ? "" : ",").append(string(labels.get(i)));
        }
        b.append("],\"series\":[");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            b.append(i == 0 ? "" : ",").append("{\"label\":").append(string(s.label())).append(",\"values\":[");
            for (int j = 0; j < s.values().size(); j++) {
                b.append(j == 0 ? "" : ",").append(s.values().get(j));
            }
            b.append("]}");
        }
        return b.append("]}").toString();
    }

    private static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
