package io.cdctest.cli;

import io.cdctest.CdctestException;
import io.cdctest.CdctestHome;
import io.cdctest.pipeline.Pipelines;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Step;
import io.cdctest.spec.TestCase;
import io.cdctest.spec.TestSuite;
import io.cdctest.spec.load.ConfigFiles;
import io.cdctest.spec.load.Interpolator;
import io.cdctest.spec.load.ScenarioLoader;
import io.cdctest.spec.load.TestSuiteLoader;
import java.util.List;
import java.util.function.Consumer;

/** A scenario, its testcase file and the selected testcases, loaded and cross-checked. */
record LoadedConfig(Scenario scenario, TestSuite suite, String group, List<TestCase> testcases) {

    static LoadedConfig load(CdctestHome home, ScenarioSelection selection, Consumer<String> warnings) {
        if (selection.scenario == null) {
            throw CdctestException.config("no scenario given: use --scenario <name|path> (see cdctest list)");
        }
        ConfigFiles files = ConfigFiles.of(home);
        Interpolator env = Interpolator.system();
        Scenario scenario = new ScenarioLoader(env, Pipelines.all(), warnings)
                .load(files.scenario(selection.scenario), selection.overrides);
        TestSuite suite = new TestSuiteLoader(env, warnings).load(selection.testcase != null
                ? files.testcase(selection.testcase) : files.defaultTestcase(scenario.defaultTestcase(), scenario.type()));
        if (selection.group != null && !suite.groups().containsKey(selection.group)) {
            throw CdctestException.config(suite.file() + ": unknown group '" + selection.group + "' (known: "
                    + String.join(", ", suite.groups().keySet()) + ")");
        }
        List<TestCase> testcases = suite.select(selection.group);
        if (!selection.ids.isEmpty()) {
            for (String id : selection.ids) {
                if (testcases.stream().noneMatch(t -> t.id().equals(id))) {
                    throw CdctestException.config(suite.file() + ": --id " + id + ": no such testcase"
                            + (selection.group == null ? "" : " in group " + selection.group));
                }
            }
            testcases = testcases.stream().filter(t -> selection.ids.contains(t.id())).toList();
        }
        if (testcases.isEmpty()) {
            throw CdctestException.config(suite.file() + ": group '" + selection.group + "' has no testcases");
        }
        checkTables(scenario, testcases, warnings);
        io.cdctest.pipeline.LinkCheck.check(scenario, testcases, warnings);
        io.cdctest.pipeline.ActionCheck.check(scenario, testcases);
        io.cdctest.pipeline.ActionCheck.faultTargets(scenario, testcases, warnings);
        return new LoadedConfig(scenario, suite, selection.group, testcases);
    }

    /**
     * A step that names a table the scenario does not list is allowed (database-level replication
     * carries tables created during the run), but is often a typo: say so. A scenario that lists no
     * table replicates every table of its source database, found at run time: nothing to say then.
     */
    private static void checkTables(Scenario scenario, List<TestCase> testcases, Consumer<String> warnings) {
        if (scenario.tables().isEmpty()) {
            return;
        }
        for (TestCase tc : testcases) {
            for (Step step : tc.steps()) {
                String table = step instanceof Step.ValidateSync v ? v.table() : null;
                if (table != null && !scenario.tables().contains(table)) {
                    warnings.accept(step.origin() + ": validate_sync: table '" + table + "' is not among the scenario's "
                            + "tables (" + String.join(", ", scenario.tables()) + "); it must be created during the run");
                }
            }
        }
    }
}
