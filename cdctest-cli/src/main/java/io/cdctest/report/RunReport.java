package io.cdctest.report;

import io.cdctest.ExitCode;
import io.cdctest.pipeline.PipelineMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run produced; every report format renders this record.
 *
 * @param phases      durations of setup, load, pipeline start, testcases and teardown
 * @param setupError  why the run could not start its testcases (null when it could)
 * @param logs        component name to log file
 * @param lag         replication lag per table and step ({@link Lag#NONE} when nothing was measured)
 * @param metrics     the pipeline's own metrics recorded during the run ({@link PipelineMetrics#NONE}: none declared)
 */
public record RunReport(String runId, String scenario, String scenarioType, Path scenarioFile, String suite,
                        Path testcaseFile, String group, Instant started, Duration duration,
                        List<TestcaseResult> testcases, Map<String, Duration> phases, String setupError,
                        Map<String, Path> logs, Lag lag, ExitCode exitCode, PipelineMetrics metrics) {

    /** A report without pipeline metrics. */
    public RunReport(String runId, String scenario, String scenarioType, Path scenarioFile, String suite,
                     Path testcaseFile, String group, Instant started, Duration duration,
                     List<TestcaseResult> testcases, Map<String, Duration> phases, String setupError,
                     Map<String, Path> logs, Lag lag, ExitCode exitCode) {
        this(runId, scenario, scenarioType, scenarioFile, suite, testcaseFile, group, started, duration, testcases, phases,
                setupError, logs, lag, exitCode, PipelineMetrics.NONE);
    }

    public long count(Status status) {
        return testcases.stream().filter(t -> t.status() == status).count();
    }

    /** The exit code the results call for: internal errors outrank environment errors, which outrank failures. */
    /** "5 passed, 1 failed[, 2 errors][, 1 skipped]", for every report. */
    public String totals() {
        return count(Status.PASSED) + " passed, " + count(Status.FAILED) + " failed"
                + (count(Status.ERROR) > 0 ? ", " + count(Status.ERROR) + " errors" : "")
                + (count(Status.SKIPPED) > 0 ? ", " + count(Status.SKIPPED) + " skipped" : "");
    }

    public static ExitCode exitCodeFor(List<TestcaseResult> testcases, ExitCode setupFailure) {
        if (setupFailure != null) {
            return setupFailure;
        }
        ExitCode worst = ExitCode.PASSED;
        for (TestcaseResult t : testcases) {
            if (t.exitCode().code() > worst.code()) {
                worst = t.exitCode();
            }
        }
        return worst;
    }
}
