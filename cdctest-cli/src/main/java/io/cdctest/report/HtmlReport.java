package io.cdctest.report;

import io.cdctest.check.ColumnDifference;
import io.cdctest.check.LagProbe;
import io.cdctest.check.RowDifference;
import io.cdctest.check.TableComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * One self-contained HTML file per run ({@code report.html}): the result, the phases, every
 * testcase with its steps and timings, a lag distribution chart per table (inline SVG), the
 * differences of failed checks with keys, columns, values and their cause, and links to the
 * component logs next to it. No script, no external resource: it opens from a CI artifact as is.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d2330;max-width:1200px}
            h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #dde}
            .meta{color:#5a6275}.PASSED{color:#137333}.FAILED,.ERROR{color:#b3261e}.SKIPPED{color:#80868b}
            .banner{padding:10px 14px;border-radius:6px;margin:12px 0;font-weight:600}
            .ok{background:#e6f4ea;color:#137333}.bad{background:#fce8e6;color:#b3261e}
            table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:4px 8px;
            border-bottom:1px solid #eef;vertical-align:top}th{background:#f5f6fa}td.num,th.num{text-align:right}
            details{margin:4px 0}summary{cursor:pointer}code,pre{font:12px ui-monospace,monospace}
            pre{background:#f5f6fa;padding:8px;white-space:pre-wrap}.chart{margin:4px 0 16px}
            """;

    private HtmlReport() {
    }

    public static void write(RunReport r, Path file) throws IOException {
        Files.writeString(file, render(r, file.getParent()));
    }

    static String render(RunReport r, Path dir) {
        StringBuilder h = new StringBuilder(16_384);
        boolean passed = r.exitCode().code() == 0;
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>cdctest ")
                .append(esc(r.scenario())).append(" ").append(esc(r.runId())).append("</title><style>").append(CSS)
                .append("</style></head><body>\n");
        h.append("<h1>cdctest: ").append(esc(r.scenario())).append(" <span class=\"meta\">(").append(esc(r.scenarioType()))
                .append(")</span></h1>\n<div class=\"meta\">run ").append(esc(r.runId())).append(" · started ")
                .append(esc(r.started().toString())).append(" · ").append(esc(String.valueOf(r.testcaseFile())))
                .append(r.group() == null ? "" : " · group " + esc(r.group())).append("</div>\n");
        h.append("<div id=\"result\" class=\"banner ").append(passed ? "ok" : "bad").append("\">")
                .append(esc(r.exitCode().meaning())).append(" (exit ").append(r.exitCode().code()).append(") · ")
                .append(esc(r.totals())).append("</div>\n");
        if (r.setupError() != null) {
            h.append("<pre id=\"setup-error\">").append(esc(r.setupError())).append("</pre>\n");
        }
        h.append("<h2>Timing</h2>\n<table id=\"phases\"><tr><th>phase</th><th class=\"num\">seconds</th></tr>");
        h.append(row("run", seconds(r.duration())));
        r.phases().forEach((phase, d) -> h.append(row(phase, seconds(d))));
        h.append("</table>\n");
        lag(h, r.lag());
        MetricsSection.html(h, r.metrics(), r.started());
        testcases(h, r);
        differences(h, r);
        if (!r.logs().isEmpty()) {
            h.append("<h2>Component logs</h2>\n<ul id=\"logs\">");
            r.logs().forEach((name, path) -> h.append("<li><a href=\"").append(esc(link(dir, path))).append("\">")
                    .append(esc(name)).append("</a></li>"));
            h.append("</ul>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void lag(StringBuilder h, Lag lag) {
        if (lag.tables().isEmpty()) {
            return;
        }
        h.append("<h2>Replication lag</h2>\n<p class=\"meta\">From the end of a step's writes on the source until the "
                + "target row equals the source row, key by key.</p>\n<table id=\"lag\"><tr><th>table</th>"
                + "<th class=\"num\">keys</th><th class=\"num\">p50 ms</th><th class=\"num\">p95 ms</th>"
                + "<th class=\"num\">max ms</th><th class=\"num\">not reflected</th></tr>");
        lag.tables().forEach((table, s) -> h.append("<tr><td>").append(esc(table)).append("</td>")
                .append(num(s.keys())).append(num(s.p50())).append(num(s.p95())).append(num(s.max())).append(num(s.unseen()))
                .append("</tr>"));
        h.append("</table>\n");
        lag.tables().forEach((table, s) -> chart(h, table, s));
        if (!lag.steps().isEmpty()) {
            h.append("<details><summary>lag per step</summary><table id=\"step-lag\"><tr><th>step</th><th>table</th>"
                    + "<th class=\"num\">keys</th><th class=\"num\">p50 ms</th><th class=\"num\">max ms</th></tr>");
            for (LagProbe.StepLag s : lag.steps()) {
                h.append("<tr><td>").append(esc(s.step())).append("</td><td>").append(esc(s.table())).append("</td>")
                        .append(num(s.stats().keys())).append(num(s.stats().p50())).append(num(s.stats().max())).append("</tr>");
            }
            h.append("</table></details>\n");
        }
    }

    /** A horizontal bar per bucket of the table's lag distribution. */
    private static void chart(StringBuilder h, String table, LagProbe.Stats s) {
        long[] counts = s.distribution();
        long most = java.util.Arrays.stream(counts).max().orElse(0);
        int barHeight = 18;
        int height = counts.length * barHeight + 24;
        h.append("<div class=\"chart\"><div><b>").append(esc(table)).append("</b> keys by lag</div>")
                .append("<svg class=\"lag-chart\" data-table=\"").append(esc(table)).append("\" width=\"640\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"lag distribution of ").append(esc(table)).append("\">");
        for (int i = 0; i < counts.length; i++) {
            int y = i * barHeight + 4;
            long[] bounds = LagProbe.BUCKETS;
            String label = i < bounds.length ? "≤ " + millis(bounds[i]) : "> " + millis(bounds[bounds.length - 1]);
            int width = most == 0 ? 0 : (int) Math.max(counts[i] > 0 ? 2 : 0, 440 * counts[i] / most);
            h.append("<text x=\"0\" y=\"").append(y + 13).append("\" font-size=\"12\">").append(esc(label)).append("</text>")
                    .append("<rect x=\"90\" y=\"").append(y).append("\" width=\"").append(width).append("\" height=\"")
                    .append(barHeight - 4).append("\" fill=\"#4e79a7\"><title>").append(counts[i]).append(" keys</title></rect>")
                    .append("<text x=\"").append(96 + width).append("\" y=\"").append(y + 13).append("\" font-size=\"12\">")
                    .append(counts[i] == 0 ? "" : String.valueOf(counts[i])).append("</text>");
        }
        h.append("</svg></div>\n");
    }

    private static void testcases(StringBuilder h, RunReport r) {
        h.append("<h2>Testcases</h2>\n<table id=\"testcases\"><tr><th>id</th><th>name</th><th>status</th>"
                + "<th class=\"num\">seconds</th></tr>");
        for (TestcaseResult t : r.testcases()) {
            h.append("<tr class=\"testcase\"><td>").append(esc(t.id())).append("</td><td>").append(esc(t.name()));
            h.append("<details><summary>").append(t.steps().size()).append(" steps</summary><table>");
            for (StepResult s : t.steps()) {
                h.append("<tr><td>").append(s.index()).append(". ").append(esc(s.action())).append("</td><td class=\"")
                        .append(s.status()).append("\">").append(s.status()).append("</td>").append(num(seconds(s.duration())))
                        .append("<td><code>").append(esc(s.where())).append("</code> ").append(esc(s.detail())).append("</td></tr>");
            }
            h.append("</table></details>");
            if (t.message() != null) {
                h.append("<pre>").append(esc(t.message())).append("</pre>");
            }
            h.append("</td><td class=\"").append(t.status()).append("\">").append(t.status()).append("</td>")
                    .append(num(seconds(t.duration()))).append("</tr>");
        }
        h.append("</table>\n");
    }

    private static void differences(StringBuilder h, RunReport r) {
        StringBuilder rows = new StringBuilder();
        for (TestcaseResult t : r.testcases()) {
            for (TableComparison c : t.comparisons()) {
                for (RowDifference d : c.samples()) {
                    String key = String.join(", ", java.util.stream.IntStream.range(0, d.key().columns().size())
                            .mapToObj(i -> d.key().columns().get(i) + "=" + d.key().values().get(i)).toList());
                    String prefix = "<tr class=\"difference\"><td>" + esc(t.id()) + "</td><td>" + esc(c.table()) + "</td><td>"
                            + esc(key) + "</td><td>" + esc(d.kind().id()) + "</td><td>" + esc(d.cause() == null ? "" : d.cause().id()) + "</td>";
                    if (d instanceof RowDifference.Different different) {
                        for (ColumnDifference col : different.columns()) {
                            rows.append(prefix).append("<td>").append(esc(col.column())).append("</td><td><code>")
                                    .append(esc(col.source())).append("</code></td><td><code>").append(esc(col.target()))
                                    .append("</code></td></tr>");
                        }
                    } else {
                        rows.append(prefix).append("<td></td><td></td><td></td></tr>");
                    }
                }
            }
        }
        if (rows.length() > 0) {
            h.append("<h2>Differences</h2>\n<table id=\"differences\"><tr><th>testcase</th><th>table</th><th>key</th>"
                    + "<th>kind</th><th>cause</th><th>column</th><th>source</th><th>target</th></tr>")
                    .append(rows).append("</table>\n");
        }
    }

    private static String row(String name, String value) {
        return "<tr><td>" + esc(name) + "</td>" + num(value) + "</tr>";
    }

    private static String num(Object value) {
        return "<td class=\"num\">" + esc(String.valueOf(value)) + "</td>";
    }

    private static String link(Path dir, Path file) {
        try {
            return dir == null ? file.toString() : dir.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    private static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : ms / 1000 + " s";
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
