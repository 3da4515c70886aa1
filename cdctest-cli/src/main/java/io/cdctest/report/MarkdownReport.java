package io.cdctest.report;

import io.cdctest.check.RowDifference;
import io.cdctest.check.TableComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * The run as Markdown ({@code summary.md}) for CI job pages: the result, the testcases, the lag
 * per table, and each failure with its first differences. Under GitHub Actions it is also appended
 * to the job summary ({@code $GITHUB_STEP_SUMMARY}).
 */
public final class MarkdownReport {
    private static final int DIFFERENCES_SHOWN = 10;

    private MarkdownReport() {
    }

    public static void write(RunReport r, Path file) throws IOException {
        String text = render(r);
        Files.writeString(file, text);
        String summary = System.getenv("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            Files.writeString(Path.of(summary), text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    static String render(RunReport r) {
        StringBuilder md = new StringBuilder();
        boolean passed = r.exitCode().code() == 0;
        md.append("## cdctest ").append(passed ? "✅" : "❌").append(' ').append(r.scenario()).append(" (")
                .append(r.scenarioType()).append(')').append(r.group() == null ? "" : ", group " + r.group()).append("\n\n");
        md.append("**").append(r.exitCode().meaning()).append("** (exit ").append(r.exitCode().code()).append(") · ")
                .append(r.totals())
                .append(" · run ").append(seconds(r.duration()));
        r.phases().forEach((phase, d) -> md.append(" · ").append(phase).append(' ').append(seconds(d)));
        md.append("\n\n");
        if (r.setupError() != null) {
            md.append("Setup failed: `").append(cell(r.setupError())).append("`\n\n");
        }
        if (!r.testcases().isEmpty()) {
            md.append("| id | testcase | status | time |\n|---|---|---|---:|\n");
            for (TestcaseResult t : r.testcases()) {
                md.append("| ").append(cell(t.id())).append(" | ").append(cell(t.name())).append(" | ")
                        .append(t.status() == Status.PASSED ? "✅ " : "❌ ").append(t.status()).append(" | ")
                        .append(seconds(t.duration())).append(" |\n");
            }
            md.append('\n');
        }
        if (!r.lag().tables().isEmpty()) {
            md.append("**Replication lag** (end of a step's writes until the target row equals the source row)\n\n")
                    .append("| table | keys | p50 | p95 | max |\n|---|---:|---:|---:|---:|\n");
            r.lag().tables().forEach((table, s) -> md.append("| ").append(cell(table)).append(" | ").append(s.keys())
                    .append(" | ").append(s.p50()).append(" ms | ").append(s.p95()).append(" ms | ").append(s.max())
                    .append(" ms |\n"));
            md.append('\n');
        }
        MetricsSection.markdown(md, r.metrics());
        for (TestcaseResult t : r.testcases()) {
            if (t.message() == null) {
                continue;
            }
            md.append("<details><summary>").append(t.id()).append(' ').append(cell(t.name())).append(": ")
                    .append(t.status()).append("</summary>\n\n```\n").append(t.message().replace("```", "'''"))
                    .append("\n```\n");
            for (TableComparison c : t.comparisons()) {
                if (c.samples().isEmpty()) {
                    continue;
                }
                md.append("\n| table | key | kind | cause |\n|---|---|---|---|\n");
                c.samples().stream().limit(DIFFERENCES_SHOWN).forEach(d -> md.append("| ").append(cell(c.table()))
                        .append(" | ").append(cell(key(d))).append(" | ").append(d.kind().id()).append(" | ")
                        .append(d.cause() == null ? "" : d.cause().id()).append(" |\n"));
            }
            md.append("\n</details>\n\n");
        }
        return md.toString();
    }

    private static String key(RowDifference d) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < d.key().columns().size(); i++) {
            key.append(i == 0 ? "" : ", ").append(d.key().columns().get(i)).append('=').append(d.key().values().get(i));
        }
        return key.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
