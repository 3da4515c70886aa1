package io.cdctest.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdctest.pipeline.PipelineMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The pipeline's own metrics in each report: a line per series on the console, a table in
 * Markdown, a table with a line chart per series (inline SVG) in HTML, and every sample in
 * {@code summary.json} ({@code metrics.series[].points}: seconds since the run started, value).
 */
final class MetricsSection {
    private MetricsSection() {
    }

    static void console(List<String> lines, PipelineMetrics m) {
        if (m.isEmpty()) {
            return;
        }
        if (m.series().isEmpty()) {
            lines.add("metrics  none of the declared series at " + m.endpoint() + problem(m));
        }
        int width = m.series().stream().mapToInt(s -> s.name().length()).max().orElse(5);
        for (PipelineMetrics.Series s : m.series()) {
            lines.add(String.format(Locale.ROOT, "metrics  %-" + width + "s  %-8s  last %s, min %s, max %s over %d samples",
                    s.name(), s.role(), number(s.last()), number(s.min()), number(s.max()), s.samples().size()));
        }
    }

    static ObjectNode json(PipelineMetrics m, Instant started) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("endpoint", m.endpoint()).put("scrapes", m.scrapes());
        if (m.problem() != null) {
            o.put("problem", m.problem());
        }
        ArrayNode series = o.putArray("series");
        for (PipelineMetrics.Series s : m.series()) {
            ObjectNode one = series.addObject().put("name", s.name()).put("role", s.role()).put("samples", s.samples().size());
            one.put("last", s.last()).put("min", s.min()).put("max", s.max());
            ArrayNode points = one.putArray("points");
            s.samples().forEach(p -> points.addArray().add(Duration.between(started, p.at()).toMillis() / 1000.0).add(p.value()));
        }
        return o;
    }

    static void markdown(StringBuilder md, PipelineMetrics m) {
        if (m.isEmpty()) {
            return;
        }
        md.append("**Pipeline metrics** (").append(m.endpoint()).append(", ").append(m.scrapes()).append(" scrapes")
                .append(problem(m)).append(")\n\n| series | role | last | min | max | samples |\n|---|---|---:|---:|---:|---:|\n");
        m.series().forEach(s -> md.append("| `").append(s.name().replace("|", "\\|")).append("` | ").append(s.role())
                .append(" | ").append(number(s.last())).append(" | ").append(number(s.min())).append(" | ")
                .append(number(s.max())).append(" | ").append(s.samples().size()).append(" |\n"));
        md.append('\n');
    }

    static void html(StringBuilder h, PipelineMetrics m, Instant started) {
        if (m.isEmpty()) {
            return;
        }
        h.append("<h2>Pipeline metrics</h2>\n<p class=\"meta\">").append(HtmlReport.esc(m.endpoint())).append(", ")
                .append(m.scrapes()).append(" scrapes").append(HtmlReport.esc(problem(m))).append("</p>\n")
                .append("<table id=\"metrics\"><tr><th>series</th><th>role</th><th class=\"num\">last</th>"
                        + "<th class=\"num\">min</th><th class=\"num\">max</th><th class=\"num\">samples</th></tr>");
        for (PipelineMetrics.Series s : m.series()) {
            h.append("<tr><td><code>").append(HtmlReport.esc(s.name())).append("</code></td><td>").append(s.role())
                    .append("</td><td class=\"num\">").append(number(s.last())).append("</td><td class=\"num\">")
                    .append(number(s.min())).append("</td><td class=\"num\">").append(number(s.max()))
                    .append("</td><td class=\"num\">").append(s.samples().size()).append("</td></tr>");
        }
        h.append("</table>\n");
        m.series().forEach(s -> chart(h, s, started));
    }

    /** The series over the run: a polyline, time across, value up, its range labelled. */
    private static void chart(StringBuilder h, PipelineMetrics.Series s, Instant started) {
        List<PipelineMetrics.Sample> points = s.samples().stream().filter(p -> Double.isFinite(p.value())).toList();
        if (points.size() < 2) {
            return;
        }
        double t0 = seconds(started, points.get(0).at());
        double t1 = Math.max(t0 + 1e-3, seconds(started, points.get(points.size() - 1).at()));
        double lo = Math.min(0, s.min());
        double hi = s.max() > lo ? s.max() : lo + 1;
        int width = 600;
        int height = 120;
        StringBuilder path = new StringBuilder();
        for (PipelineMetrics.Sample p : points) {
            double x = 60 + (seconds(started, p.at()) - t0) / (t1 - t0) * width;
            double y = 10 + (1 - (p.value() - lo) / (hi - lo)) * height;
            path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        h.append("<div class=\"chart\"><div><b>").append(HtmlReport.esc(s.name())).append("</b> (").append(s.role())
                .append(") over the run</div><svg class=\"metric-chart\" width=\"").append(width + 70).append("\" height=\"")
                .append(height + 36).append("\" role=\"img\" aria-label=\"").append(HtmlReport.esc(s.name())).append("\">")
                .append("<text x=\"0\" y=\"16\" font-size=\"11\">").append(number(hi)).append("</text>")
                .append("<text x=\"0\" y=\"").append(height + 10).append("\" font-size=\"11\">").append(number(lo)).append("</text>")
                .append("<text x=\"60\" y=\"").append(height + 30).append("\" font-size=\"11\">")
                .append(String.format(Locale.ROOT, "%.0f s", t0)).append("</text>")
                .append("<text x=\"").append(width + 20).append("\" y=\"").append(height + 30).append("\" font-size=\"11\">")
                .append(String.format(Locale.ROOT, "%.0f s", t1)).append("</text>")
                .append("<polyline fill=\"none\" stroke=\"#4e79a7\" stroke-width=\"2\" points=\"").append(path.toString().trim())
                .append("\"/></svg></div>\n");
    }

    private static double seconds(Instant started, Instant at) {
        return Duration.between(started, at).toMillis() / 1000.0;
    }

    private static String problem(PipelineMetrics m) {
        return m.problem() == null ? "" : "; last scrape failed: " + m.problem();
    }

    private static String number(double value) {
        return PipelineMetrics.format(value);
    }
}
