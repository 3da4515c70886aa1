package io.cdctest.cli;

import io.cdctest.CdctestHome;
import io.cdctest.pipeline.Pipelines;
import io.cdctest.run.PlanPrinter;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.load.ConfigFiles;
import io.cdctest.spec.load.Interpolator;
import io.cdctest.spec.load.ScenarioLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cdctest plan}: print every statement the scenario's pipeline would run; connects to nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print, without connecting, every statement a scenario's pipeline would run (also: run --dry-run).")
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioSelection selection;
    @ParentCommand
    CdctestCommand root;

    @Override
    public Integer call() {
        return print(spec, selection, root.global);
    }

    static int print(CommandSpec spec, ScenarioSelection selection, GlobalOptions global) {
        if (selection.scenario == null) {
            throw io.cdctest.CdctestException.config("no scenario given: use --scenario <name|path>");
        }
        var console = global.console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Scenario scenario = new ScenarioLoader(Interpolator.system(), Pipelines.all(), console::warn)
                .load(ConfigFiles.of(CdctestHome.locate()).scenario(selection.scenario), selection.overrides);
        PlanPrinter.plan(scenario).forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
