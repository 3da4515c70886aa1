package io.cdctest.cli;

import io.cdctest.run.Console;
import java.io.PrintWriter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** -v and -q, accepted by every command. */
public final class GlobalOptions {
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show step details, debug logs and stack traces of errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Show only results and errors.")
    boolean quiet;

    Console.Verbosity verbosity() {
        return verbose ? Console.Verbosity.VERBOSE : quiet ? Console.Verbosity.QUIET : Console.Verbosity.NORMAL;
    }

    Console console(PrintWriter out, PrintWriter err) {
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
        return new Console(out, err, verbosity(), color);
    }
}
