package io.cdctest.cli;

import io.cdctest.CdctestException;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The root command. {@code cdctest --scenario x [--group g]} runs testcases (the earlier tool's
 * form, same as {@code cdctest run ...}); {@code cdctest -l} lists like {@code cdctest list}.
 */
@Command(name = "cdctest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"End-to-end tests of change-data-capture pipelines: stands up source, target and the pipeline",
            "between them, drives INSERT/UPDATE/DELETE, and proves every row arrives."},
        subcommands = {RunCommand.class, ListCommand.class, ValidateCommand.class, GenerateCommand.class, DiffCommand.class, PlanCommand.class,
            DoctorCommand.class, ProducerCommand.class, ConsumerCommand.class,
            AutoComplete.GenerateCompletion.class},
        footer = {"", "Exit codes: 0 all passed, 1 a testcase failed, 2 usage or invalid config,",
            "3 environment (unreachable endpoint, component failed to start), 4 internal error."})
public final class CdctestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioSelection selection;
    @Mixin
    RunFlags flags;
    @Mixin
    GlobalOptions global;

    @Option(names = {"-l", "--list"}, description = "List scenarios and testcases (same as: cdctest list).")
    boolean list;

    @Override
    public Integer call() {
        if (list) {
            ListCommand.print(spec.commandLine().getOut(), io.cdctest.CdctestHome.locate());
            return 0;
        }
        if (selection.scenario == null) {
            spec.commandLine().usage(spec.commandLine().getErr());
            throw CdctestException.config("no scenario given: use --scenario <name|path> or a command");
        }
        if (flags.dryRun) {
            return PlanCommand.print(spec, selection, global);
        }
        return RunCommand.run(spec, selection, flags, global);
    }
}
