package io.cdctest.cli;

import io.cdctest.CdctestException;
import io.cdctest.CdctestHome;
import io.cdctest.pipeline.Pipelines;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.TestCase;
import io.cdctest.spec.TestSuite;
import io.cdctest.spec.load.ConfigFiles;
import io.cdctest.spec.load.Interpolator;
import io.cdctest.spec.load.ScenarioLoader;
import io.cdctest.spec.load.TestSuiteLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cdctest list}: scenarios, testcase files, their groups and testcases. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List scenarios (name, type, description), testcase files, groups and testcases.")
public final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @picocli.CommandLine.Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        if (output.json()) {
            OutputOption.print(spec.commandLine().getOut(), json(CdctestHome.locate()));
        } else {
            print(spec.commandLine().getOut(), CdctestHome.locate());
        }
        return 0;
    }

    static com.fasterxml.jackson.databind.node.ObjectNode json(CdctestHome home) {
        ConfigFiles files = ConfigFiles.of(home);
        var root = OutputOption.object();
        var scenarios = root.putArray("scenarios");
        for (Path file : files.scenarioFiles()) {
            var entry = scenarios.addObject().put("name", file.getFileName().toString().replaceFirst("\\.ya?ml$", ""))
                    .put("file", file.toString());
            try {
                Scenario s = new ScenarioLoader(Interpolator.system(), Pipelines.all(), w -> { }).load(file, List.of());
                entry.put("type", s.type()).put("description", s.description());
            } catch (CdctestException e) {
                entry.put("error", e.getMessage());
            }
        }
        var testcaseFiles = root.putArray("testcase_files");
        for (Path file : files.testcaseFiles()) {
            var entry = testcaseFiles.addObject().put("file", file.toString());
            try {
                TestSuite suite = new TestSuiteLoader(Interpolator.system(), w -> { }).load(file);
                entry.put("name", suite.name()).put("description", suite.description());
                var groups = entry.putObject("groups");
                suite.groups().forEach((group, ids) -> {
                    var members = groups.putArray(group);
                    ids.forEach(members::add);
                });
                var testcases = entry.putArray("testcases");
                suite.testcases().forEach(tc -> testcases.addObject().put("id", tc.id()).put("name", tc.name()));
            } catch (CdctestException e) {
                entry.put("error", e.getMessage());
            }
        }
        return root;
    }

    static void print(PrintWriter out, CdctestHome home) {
        ConfigFiles files = ConfigFiles.of(home);
        out.println("Scenarios:");
        List<String[]> rows = new java.util.ArrayList<>();
        for (Path file : files.scenarioFiles()) {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            try {
                Scenario s = new ScenarioLoader(Interpolator.system(), Pipelines.all(), w -> { }).load(file, List.of());
                rows.add(new String[] {name, s.type(), s.description()});
            } catch (CdctestException e) {
                rows.add(new String[] {name, "?", "(invalid: " + e.getMessage() + ")"});
            }
        }
        // columns as wide as their longest value, so long names keep them apart
        int nameWidth = Math.max(4, rows.stream().mapToInt(r -> r[0].length()).max().orElse(0));
        int typeWidth = Math.max(4, rows.stream().mapToInt(r -> r[1].length()).max().orElse(0));
        String format = "  %-" + nameWidth + "s  %-" + typeWidth + "s  %s%n";
        out.printf(format, "NAME", "TYPE", "DESCRIPTION");
        rows.forEach(r -> out.printf(format, (Object[]) r));
        out.println();
        out.println("Testcase files:");
        for (Path file : files.testcaseFiles()) {
            try {
                TestSuite suite = new TestSuiteLoader(Interpolator.system(), w -> { }).load(file);
                out.println("  " + file.getFileName() + " - " + suite.name()
                        + (suite.description().isEmpty() ? "" : ": " + suite.description()));
                suite.groups().forEach((group, ids) -> out.println("    group " + group + ": " + String.join(", ", ids)));
                int idWidth = Math.max(10, suite.testcases().stream().mapToInt(tc -> tc.id().length()).max().orElse(0));
                for (TestCase tc : suite.testcases()) {
                    out.printf("      %-" + idWidth + "s %s%n", tc.id(), tc.name());
                }
            } catch (CdctestException e) {
                out.println("  " + file.getFileName() + " (invalid: " + e.getMessage() + ")");
            }
        }
    }
}
