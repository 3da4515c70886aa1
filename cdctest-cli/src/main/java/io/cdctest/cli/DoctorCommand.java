package io.cdctest.cli;

import io.cdctest.CdctestHome;
import io.cdctest.preflight.Check;
import io.cdctest.preflight.Doctor;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cdctest doctor}: the scenario's preflight, a pass/fail line per check with the fix; changes nothing. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check that a scenario's endpoints are reachable and set up for CDC; prints the fix for each failure.")
public final class DoctorCommand extends ScenarioCommand {
    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        PrintWriter out = out();
        LoadedConfig config = LoadedConfig.load(CdctestHome.locate(), selection, console()::warn);
        List<Check> checks = Doctor.examine(config.scenario());
        long failed = checks.stream().filter(c -> !c.passed()).count();
        if (output.json()) {
            var doc = OutputOption.object().put("scenario", config.scenario().file().toString()).put("passed", failed == 0);
            var list = doc.putArray("checks");
            checks.forEach(c -> list.addObject().put("name", c.name()).put("passed", c.passed()).put("detail", c.detail())
                    .put("fix", c.fix()));
            OutputOption.print(out, doc);
        } else {
            for (Check check : checks) {
                out.println((check.passed() ? "PASS  " : "FAIL  ") + check.name() + ": " + check.detail());
                if (!check.passed()) {
                    out.println("      fix: " + check.fix());
                }
            }
            out.println(failed == 0 ? "all " + checks.size() + " checks passed"
                    : failed + " of " + checks.size() + " checks failed (exit 3)");
        }
        return failed == 0 ? 0 : io.cdctest.ExitCode.ENVIRONMENT.code();
    }
}
