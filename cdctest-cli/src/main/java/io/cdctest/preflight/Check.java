package io.cdctest.preflight;

/**
 * One preflight check: what was checked, whether it passed, what was found, and how to fix it.
 *
 * @param fix what to do when it failed (null when it passed)
 */
public record Check(String name, boolean passed, String detail, String fix) {

    static Check pass(String name, String detail) {
        return new Check(name, true, detail, null);
    }

    static Check fail(String name, String detail, String fix) {
        return new Check(name, false, detail, fix);
    }
}
