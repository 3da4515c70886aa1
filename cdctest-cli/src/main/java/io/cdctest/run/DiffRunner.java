package io.cdctest.run;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.DiffOptions;
import io.cdctest.check.FixSql;
import io.cdctest.check.Mappings;
import io.cdctest.check.TableComparison;
import io.cdctest.check.TableDiff;
import io.cdctest.check.Verdict;
import io.cdctest.report.ConsoleReport;
import io.cdctest.report.ReportWriter;
import io.cdctest.report.RunReport;
import io.cdctest.report.Status;
import io.cdctest.report.StepResult;
import io.cdctest.report.TestcaseResult;
import io.cdctest.spec.TableMapping;
import io.cdctest.sql.Engines;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cdctest diff}: compares tables of two databases with the consistency engine, once, and
 * reports like a run (each table a testcase): console, summary.json, junit.xml, fix SQL.
 */
public final class DiffRunner {
    private final Console console;

    public DiffRunner(Console console) {
        this.console = console;
    }

    /**
     * @param mappings how tables map; empty: every table of the source database, by name (or {@code tables})
     */
    public RunReport run(JdbcEndpoint sourceEndpoint, JdbcEndpoint targetEndpoint, List<String> tables,
                         List<TableMapping> mappings, DiffOptions options, Path reportDir) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<TestcaseResult> results = new ArrayList<>();
        try (Connection s = sourceEndpoint.withDatabase(null).connect();
             Connection t = targetEndpoint.withDatabase(null).connect()) {
            JdbcEndpoint sourceServer = sourceEndpoint.withDatabase(null);
            JdbcEndpoint targetServer = targetEndpoint.withDatabase(null);
            TableDiff.Database source = new TableDiff.Database(s, Engines.detect(s), sourceEndpoint.remote(),
                    sourceServer::connect);
            TableDiff.Database target = new TableDiff.Database(t, Engines.detect(t), targetEndpoint.remote(),
                    targetServer::connect);
            List<TableMapping> effective = new ArrayList<>(mappings);
            if (effective.isEmpty()) {
                List<String> names = tables.isEmpty() ? Mappings.tables(s, sourceEndpoint.database()) : tables;
                if (names.isEmpty()) {
                    throw CdctestException.config("--source: database " + sourceEndpoint.database() + " at "
                            + sourceEndpoint.address() + " has no tables");
                }
                names.forEach(n -> effective.add(TableMapping.same(n)));
            }
            List<ComparisonPlan> plans = Mappings.plans(source, sourceEndpoint.database(), target,
                    targetEndpoint.database(), effective);
            console.info("cdctest diff: " + plans.size() + " table(s), " + source.engine().id() + " "
                    + sourceEndpoint.address() + "/" + sourceEndpoint.database() + " -> " + target.engine().id() + " "
                    + targetEndpoint.address() + "/" + targetEndpoint.database() + ", mode " + options.mode());
            TableDiff diff = new TableDiff(options);
            for (ComparisonPlan plan : plans) {
                TableComparison c = diff.compare(source, target, plan);
                results.add(result(c, reportDir));
                console.result(line(c));
                c.samples().stream().limit(SyncVerdict.SHOWN_DIFFERENCES).forEach(d -> console.result("    " + d));
                if (c.differences() > SyncVerdict.SHOWN_DIFFERENCES) {
                    console.result("    ... and " + (c.differences() - SyncVerdict.SHOWN_DIFFERENCES) + " more");
                }
            }
        } catch (SQLException e) {
            throw CdctestException.environment("cannot compare: " + Sql.firstLine(e), e);
        }
        RunReport report = new RunReport(Long.toString(System.currentTimeMillis(), 36), "diff", "diff", null,
                "cdctest diff", null, null, started, Duration.ofNanos(System.nanoTime() - t0), results, Map.of(), null,
                new LinkedHashMap<>(), io.cdctest.report.Lag.NONE, RunReport.exitCodeFor(results, null));
        ReportWriter.write(report, reportDir);
        ConsoleReport.summary(report).forEach(console::result);
        console.info("reports: " + reportDir);
        return report;
    }

    private static String line(TableComparison c) {
        String status = c.equal() ? "EQUAL    " : c.verdict() == Verdict.UNKNOWN ? "UNKNOWN  " : "DIFFERENT";
        return String.format("  %s %s (%s, %s)", status, c.summary(), c.method().id(), Console.seconds(c.elapsed()));
    }

    private static TestcaseResult result(TableComparison c, Path reportDir) {
        Status status = c.equal() ? Status.PASSED : Status.FAILED;
        String message = null;
        if (!c.equal()) {
            StringBuilder text = new StringBuilder(c.summary());
            c.samples().stream().limit(SyncVerdict.SHOWN_DIFFERENCES).forEach(d -> text.append("\n      ").append(d));
            try {
                Path fix = FixSql.write(reportDir.resolve("fix"), c);
                if (fix != null) {
                    text.append("\n      fix SQL: ").append(fix);
                }
            } catch (IOException e) {
                text.append("\n      (cannot write fix SQL: ").append(e.getMessage()).append(')');
            }
            message = text.toString();
        }
        ExitCode code = c.equal() ? ExitCode.PASSED : ExitCode.FAILED;
        StepResult step = new StepResult(1, "diff", c.method().id(), status, c.elapsed(), c.summary());
        return new TestcaseResult(c.table(), c.table(), "", status, code, c.elapsed(), message, List.of(step), List.of(c));
    }
}
