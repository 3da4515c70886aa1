package io.cdctest.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The summary table printed at the end of a run. */
public final class ConsoleReport {
    private ConsoleReport() {
    }

    public static List<String> summary(RunReport r) {
        List<String> lines = new ArrayList<>();
        int idWidth = Math.max(2, r.testcases().stream().mapToInt(t -> t.id().length()).max().orElse(2));
        int nameWidth = Math.min(48, Math.max(4, r.testcases().stream().mapToInt(t -> t.name().length()).max().orElse(4)));
        String format = "  %-" + idWidth + "s  %-" + nameWidth + "s  %-7s  %8s";
        lines.add("");
        if (!r.testcases().isEmpty()) {
            lines.add(String.format(Locale.ROOT, format, "ID", "NAME", "STATUS", "TIME"));
        }
        for (TestcaseResult t : r.testcases()) {
            String name = t.name().length() > nameWidth ? t.name().substring(0, nameWidth - 1) + "…" : t.name();
            lines.add(String.format(Locale.ROOT, format, t.id(), name, t.status(), seconds(t.duration())));
        }
        if (!r.testcases().isEmpty()) {
            lines.add("");
        }
        StringBuilder totals = new StringBuilder();
        String noun = "diff".equals(r.scenarioType()) ? " table" : " testcase";
        totals.append(r.testcases().size()).append(noun).append(r.testcases().size() == 1 ? "" : "s").append(": ")
                .append(r.totals());
        totals.append(" · run ").append(seconds(r.duration()));
        r.phases().forEach((phase, d) -> totals.append(" · ").append(phase).append(' ').append(seconds(d)));
        lines.add(totals.toString());
        if (!r.lag().tables().isEmpty()) {
            int width = r.lag().tables().keySet().stream().mapToInt(String::length).max().orElse(5);
            r.lag().tables().forEach((table, stats) -> lines.add(String.format(Locale.ROOT, "lag  %-" + width + "s  %s",
                    table, stats.summary())));
        }
        MetricsSection.console(lines, r.metrics());
        if (r.setupError() != null) {
            lines.add("setup failed: " + r.setupError());
        }
        String meaning = "diff".equals(r.scenarioType())
                ? (r.exitCode().code() == 0 ? "all tables equal" : r.exitCode().code() == 1 ? "tables differ" : r.exitCode().meaning())
                : r.exitCode().code() == 0 && r.count(Status.SKIPPED) > 0
                ? "every testcase that ran passed, " + r.count(Status.SKIPPED) + " skipped" : r.exitCode().meaning();
        lines.add("result: " + meaning + " (exit " + r.exitCode().code() + ")");
        return lines;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
