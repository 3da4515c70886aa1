package io.cdctest.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * What the user sees while a run goes: results on stdout, progress and diagnostics on stderr.
 * Quiet keeps only results and errors; verbose adds step details.
 */
public final class Console {
    public enum Verbosity { QUIET, NORMAL, VERBOSE }

    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final PrintWriter out;
    private final PrintWriter err;
    private final Verbosity verbosity;
    private final boolean color;
    private long lastProgress;

    public Console(PrintWriter out, PrintWriter err, Verbosity verbosity, boolean color) {
        this.out = out;
        this.err = err;
        this.verbosity = verbosity;
        this.color = color;
    }

    public Verbosity verbosity() {
        return verbosity;
    }

    /** A result line (stdout), always shown. */
    public void result(String line) {
        out.println(line);
        out.flush();
    }

    /** Progress of setup and teardown (stderr), hidden by --quiet. */
    public void info(String line) {
        if (verbosity != Verbosity.QUIET) {
            err.println(line);
            err.flush();
        }
    }

    /** Step details (stderr), shown with --verbose. */
    public void detail(String line) {
        if (verbosity == Verbosity.VERBOSE) {
            err.println("    " + line);
            err.flush();
        }
    }

    /** A progress line during a long wait, at most every few seconds. */
    public void progress(String line) {
        long now = System.nanoTime();
        if (verbosity != Verbosity.QUIET && now - lastProgress > PROGRESS_EVERY_NANOS) {
            lastProgress = now;
            err.println("    " + line);
            err.flush();
        }
    }

    public void warn(String line) {
        err.println("cdctest: warning: " + line);
        err.flush();
    }

    public String green(String text) {
        return color ? "\u001B[32m" + text + "\u001B[0m" : text;
    }

    public String yellow(String text) {
        return color ? "\u001B[33m" + text + "\u001B[0m" : text;
    }

    public String red(String text) {
        return color ? "\u001B[31m" + text + "\u001B[0m" : text;
    }

    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
