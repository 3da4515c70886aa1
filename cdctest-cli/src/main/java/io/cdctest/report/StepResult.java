package io.cdctest.report;

import java.time.Duration;

/**
 * One executed step.
 *
 * @param where  file:line of the step
 * @param detail what happened ("1000 rows equal in 2.1 s", "deleted 1 row", the failure message)
 */
public record StepResult(int index, String action, String where, Status status, Duration duration, String detail) {
}
