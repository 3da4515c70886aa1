package io.cdctest.cli;

import io.cdctest.CdctestException;
import io.cdctest.CdctestHome;
import io.cdctest.pipeline.ActionCheck;
import io.cdctest.pipeline.Pipelines;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.TestSuite;
import io.cdctest.spec.load.ConfigFiles;
import io.cdctest.spec.load.Interpolator;
import io.cdctest.spec.load.TestSuiteLoader;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cdctest validate}: load and check configuration only; touches no database. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Load and validate a scenario and/or a testcase file; connects to nothing.")
public final class ValidateCommand extends ScenarioCommand {
    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        PrintWriter out = out();
        var console = console();
        CdctestHome home = CdctestHome.locate();
        if (selection.scenario == null && selection.testcase == null) {
            throw CdctestException.config("nothing to validate: give --scenario and/or --testcase");
        }
        if (selection.scenario == null) {
            TestSuite suite = new TestSuiteLoader(Interpolator.system(), console::warn)
                    .load(ConfigFiles.of(home).testcase(selection.testcase));
            ActionCheck.checkAnyPipeline(suite.testcases());
            if (output.json()) {
                var doc = OutputOption.object().put("valid", true).put("testcase_file", suite.file().toString());
                suite.testcases().forEach(t -> doc.withArray("testcases").add(t.id()));
                OutputOption.print(out, doc);
                return 0;
            }
            out.println(suite.file() + ": valid testcase file, " + suite.testcases().size() + " testcases, groups: "
                    + String.join(", ", suite.groups().keySet()));
            return 0;
        }
        LoadedConfig config = LoadedConfig.load(home, selection, console::warn);
        Scenario s = config.scenario();
        if (output.json()) {
            OutputOption.print(out, json(config));
            return 0;
        }
        out.println(s.file() + ": valid scenario " + s.name() + " (" + s.type() + ": "
                + Pipelines.factory(s.type()).description() + ")");
        out.println("  source: " + endpoint(s.source()) + "; target: " + endpoint(s.target()));
        out.println("  tables: " + (s.tables().isEmpty() && s.mappings().isEmpty()
                ? "every table of the source database (found when the run starts)" : String.join(", ", s.tables())));
        out.println(config.suite().file() + ": valid, " + config.testcases().size() + " testcases selected"
                + (config.group() == null ? "" : " (group " + config.group() + ")"));
        return 0;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode json(LoadedConfig config) {
        Scenario s = config.scenario();
        var doc = OutputOption.object().put("valid", true);
        var scenario = doc.putObject("scenario").put("file", s.file().toString()).put("name", s.name()).put("type", s.type());
        for (Endpoint e : java.util.List.of(s.source(), s.target())) {
            scenario.putObject(e.role().id()).put("engine", e.engine().id()).put("provision", e.provision().id())
                    .put("address", e.provision() == io.cdctest.spec.Provision.EXTERNAL ? e.address() : null)
                    .put("database", e.database());
        }
        s.tables().forEach(scenario.putArray("tables")::add);
        doc.put("testcase_file", config.suite().file().toString()).put("group", config.group());
        config.testcases().forEach(t -> doc.withArray("testcases").add(t.id()));
        return doc;
    }

    private static String endpoint(Endpoint e) {
        return e.engine().id() + " " + e.provision().id()
                + (e.provision() == io.cdctest.spec.Provision.EXTERNAL ? " " + e.address() : "")
                + " database " + e.database();
    }
}
