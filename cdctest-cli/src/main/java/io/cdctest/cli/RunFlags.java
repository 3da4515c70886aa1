package io.cdctest.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Flags that only matter when testcases run. */
public final class RunFlags {
    @Option(names = "--report-dir", paramLabel = "<dir>",
            description = "Where reports and component logs go; default: reports/<time>-<scenario>.")
    Path reportDir;

    @Option(names = "--timeout-scale", paramLabel = "<x>", defaultValue = "1.0",
            description = "Multiply every timeout by this factor (slow CI machines); default ${DEFAULT-VALUE}.")
    double timeoutScale;

    @Option(names = "--dry-run",
            description = "Print every statement the pipeline would run, connect to nothing (same as: cdctest plan).")
    boolean dryRun;

    @Option(names = "--shuffle", arity = "0..1", fallbackValue = "random", paramLabel = "<seed>",
            description = "Run the selected testcases in a shuffled order (from <seed>; without one, a random seed, "
                    + "printed): no outcome may depend on which testcases ran before.")
    String shuffle;

    @Option(names = "--keep-env",
            description = "Leave the environment up after the testcases, print how to reach it, tear down on Ctrl-C.")
    boolean keepEnv;
}
