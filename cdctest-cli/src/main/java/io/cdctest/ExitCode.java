package io.cdctest;

/**
 * The one exit-code policy of cdctest. A data mismatch is a result (1), not an exception; bad
 * input is 2; anything the environment did wrong is 3; a bug in cdctest is 4.
 */
public enum ExitCode {
    PASSED(0, "all testcases passed"),
    FAILED(1, "a testcase failed (data differs or a step failed)"),
    CONFIG(2, "usage error or invalid configuration"),
    ENVIRONMENT(3, "environment error (endpoint unreachable, component failed to start)"),
    INTERNAL(4, "internal error");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
