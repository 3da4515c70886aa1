package io.cdctest.cli;

import io.cdctest.run.Console;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand that reads a scenario has: the selection options, the root's global options, its streams. */
abstract class ScenarioCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioSelection selection;
    @ParentCommand
    CdctestCommand root;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    Console console() {
        return root.global.console(out(), spec.commandLine().getErr());
    }
}
