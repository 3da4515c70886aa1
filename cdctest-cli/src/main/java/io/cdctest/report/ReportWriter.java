package io.cdctest.report;

import io.cdctest.CdctestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes every file report of a run into its report directory. */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** Writes summary.json, junit.xml, summary.md and report.html; returns the files written. */
    public static List<Path> write(RunReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("summary.json");
            Path xml = dir.resolve("junit.xml");
            Path markdown = dir.resolve("summary.md");
            Path html = dir.resolve("report.html");
            JsonReport.write(report, json);
            JunitXmlReport.write(report, xml);
            MarkdownReport.write(report, markdown);
            HtmlReport.write(report, html);
            return List.of(json, xml, markdown, html);
        } catch (IOException e) {
            throw CdctestException.environment("cannot write reports to " + dir + ": " + e.getMessage(), e);
        }
    }
}
