package io.cdctest.report;

import io.cdctest.ExitCode;
import io.cdctest.check.TableComparison;
import java.time.Duration;
import java.util.List;

/**
 * One testcase's outcome.
 *
 * @param exitCode    what the outcome means for the run's exit code
 * @param message     why it failed, or why it was skipped (null when passed)
 * @param comparisons the last comparison of each table checked by its validate_sync steps
 */
public record TestcaseResult(String id, String name, String description, Status status, ExitCode exitCode,
                             Duration duration,
                             String message, List<StepResult> steps, List<TableComparison> comparisons) {
}
