package io.cdctest.spec;

/** Where a configuration value came from: a file and line, or a command-line override. */
public record Origin(String source, int line) {
    public static Origin commandLine(String option) {
        return new Origin(option, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
