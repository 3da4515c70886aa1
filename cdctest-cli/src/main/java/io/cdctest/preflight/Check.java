package io.cdctest.preflight;

import io.cdctest.CdctestException;
import java.util.List;

/**
 * One preflight check: what was checked, whether it passed, what was found, and how to fix it.
 *
 * @param fix what to do when it failed (null when it passed)
 */
public record Check(String name, boolean passed, String detail, String fix) {

    public static Check pass(String name, String detail) {
        return new Check(name, true, detail, null);
    }

    public static Check fail(String name, String detail, String fix) {
        return new Check(name, false, detail, fix);
    }

    /** The failure on one line: what was found and the fix. */
    public String failureLine() {
        return name + ": " + detail + " (fix: " + fix + ")";
    }

    /** Throws the first failed check as an environment error (exit 3); does nothing when all passed. */
    public static void requireAll(List<Check> checks) {
        checks.stream().filter(c -> !c.passed()).findFirst().ifPresent(c -> {
            throw CdctestException.environment(c.failureLine());
        });
    }
}
