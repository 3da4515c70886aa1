package io.cdctest.run;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.FixSql;
import io.cdctest.check.KeyHistory;
import io.cdctest.check.SyncOutcome;
import io.cdctest.check.TableComparison;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.spec.Step;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the outcome of a {@code validate_sync} wait means: in sync (then the pipeline's own record
 * of the changes is audited), differences exactly as the filters or the step's {@code expect} say,
 * or a failure listing the differing rows (placed on a hop where the pipeline can tell) with fix SQL.
 */
final class SyncVerdict {
    static final int SHOWN_DIFFERENCES = 20;

    private final Pipeline pipeline;
    private final KeyHistory history;
    private final java.nio.file.Path reportDir;

    SyncVerdict(Pipeline pipeline, KeyHistory history, java.nio.file.Path reportDir) {
        this.pipeline = pipeline;
        this.history = history;
        this.reportDir = reportDir;
    }

    /** The step's result line, or a CdctestException saying why it failed. */
    String judge(Step.ValidateSync step, List<ComparisonPlan> plans, SyncOutcome outcome, Duration timeout) {
        if (outcome.broken().isPresent()) {
            throw new CdctestException(ExitCode.FAILED, "the pipeline broke while waiting: " + outcome.broken().get());
        }
        if (!step.expect().isEmpty()) {
            return expected(step, outcome);
        }
        if (outcome.behind().isPresent() && outcome.comparisons().stream().allMatch(TableComparison::equal)) {
            throw new CdctestException(ExitCode.FAILED, "the pipeline did not catch up within " + Console.seconds(timeout)
                    + ": " + outcome.behind().get());
        }
        boolean settled = outcome.behind().isEmpty() && outcome.comparisons().stream()
                .allMatch(c -> c.explainedBy(Pipeline.Filters.of(pipeline).filters(c.plan()).causes()));
        List<String> leaks = outcome.comparisons().stream()
                .flatMap(c -> Pipeline.Filters.of(pipeline).filters(c.plan()).violation(c, history).stream()).toList();
        if (settled && !leaks.isEmpty()) {
            throw new CdctestException(ExitCode.FAILED, "the filters leaked: " + String.join("; ", leaks));
        }
        if (!settled) {
            throw new CdctestException(ExitCode.FAILED, "not in sync after " + Console.seconds(timeout) + ": "
                    + describe(outcome.comparisons()) + writeFixSql(outcome.comparisons())
                    + outcome.behind().map(b -> "\n      pipeline not caught up: " + b).orElse(""));
        }
        outcome.comparisons().stream().filter(TableComparison::equal).forEach(c -> history.markSynced(c.plan()));
        String audit = Pipeline.Audit.of(pipeline).audit(plans, history).map(check -> {
            if (!check.passed()) {
                throw new CdctestException(ExitCode.FAILED, "the target is right but the topic is not: "
                        + String.join("; ", check.problems()));
            }
            return "; " + check.summary();
        }).orElse("");
        return outcome.comparisons().stream().map(c -> c.equal() ? c.summary() : keptOut(c)).collect(Collectors.joining(", "))
                + " after " + Console.seconds(outcome.waited()) + " (" + outcome.checks() + " checks)" + audit;
    }

    /** A table that differs only as the filters say it must: "t: equal but for 5 rows kept out by the filters (resurrected)". */
    private String keptOut(TableComparison c) {
        return c.table() + ": equal but for " + c.differences() + (c.differences() == 1 ? " row" : " rows")
                + " the filters keep out (" + c.samples().stream().map(d -> d.explanation().id())
                .distinct().sorted().collect(Collectors.joining(", ")) + ")";
    }

    /** A validate_sync with {@code expect}: passes when differences remain and each has an expected cause. */
    private String expected(Step.ValidateSync step, SyncOutcome outcome) {
        List<io.cdctest.check.RowDifference> found = outcome.comparisons().stream()
                .flatMap(c -> c.samples().stream()).toList();
        if (found.isEmpty()) {
            throw new CdctestException(ExitCode.FAILED, "expected differences (" + expected(step)
                    + ") but the tables are equal");
        }
        List<io.cdctest.check.RowDifference> unexpected = found.stream()
                .filter(d -> !step.expect().contains(d.explanation())).toList();
        if (!unexpected.isEmpty()) {
            throw new CdctestException(ExitCode.FAILED, "differences with an unexpected cause (expected "
                    + expected(step) + "): " + describe(outcome.comparisons()));
        }
        return "found as expected: " + found.stream().map(Object::toString).collect(Collectors.joining("; "));
    }

    /** The step's expected causes as written: "stale, resurrected". */
    private static String expected(Step.ValidateSync step) {
        return step.expect().stream().map(io.cdctest.spec.Cause::id).collect(Collectors.joining(", "));
    }

    /** Writes fix SQL for every differing table; returns a note naming the files. */
    private String writeFixSql(List<TableComparison> comparisons) {
        List<String> files = new java.util.ArrayList<>();
        for (TableComparison c : comparisons) {
            try {
                java.nio.file.Path file = c.equal() ? null : FixSql.write(reportDir.resolve("fix"), c);
                if (file != null) {
                    files.add(file.toString());
                }
            } catch (java.io.IOException e) {
                files.add("(cannot write fix SQL: " + e.getMessage() + ")");
            }
        }
        return files.isEmpty() ? "" : "\n      fix SQL: " + String.join(", ", files);
    }

    /** The differences of the tables that differ, up to {@link #SHOWN_DIFFERENCES} rows, each placed on a hop where the pipeline can tell. */
    private String describe(List<TableComparison> comparisons) {
        StringBuilder out = new StringBuilder();
        for (TableComparison c : comparisons) {
            if (c.equal()) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "; ").append(c.summary());
            List<String> located = Pipeline.Locate.of(pipeline).locate(c, SHOWN_DIFFERENCES);
            (located.isEmpty() ? c.samples().stream().limit(SHOWN_DIFFERENCES).map(Object::toString).toList() : located)
                    .forEach(d -> out.append("\n      ").append(d));
            if (c.differences() > SHOWN_DIFFERENCES) {
                out.append("\n      ... and ").append(c.differences() - SHOWN_DIFFERENCES).append(" more");
            }
        }
        return out.toString();
    }
}
