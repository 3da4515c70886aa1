package io.cdctest.report;

/** The outcome of a testcase or step. ERROR means it could not be judged (environment or internal error). */
public enum Status {
    PASSED, FAILED, ERROR, SKIPPED
}
