package io.cdctest.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which scenario, testcases and group to use; shared by run and validate. */
public final class ScenarioSelection {
    @Option(names = {"-s", "--scenario"}, paramLabel = "<name|path>",
            description = "Scenario name (config/scenarios/<name>.yaml) or path to a scenario file.")
    String scenario;

    @Option(names = {"-t", "--testcase"}, paramLabel = "<file>",
            description = "Testcase file (name in config/testcases or path); default: the scenario's own.")
    String testcase;

    @Option(names = {"-g", "--group"}, paramLabel = "<group>",
            description = "Run only this group of testcases; default: all testcases of the file.")
    String group;

    @Option(names = "--id", paramLabel = "<id>", split = ",",
            description = "Run only these testcases (ids, comma-separated), e.g. --id QS090 (a replay bundle's command uses it).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--set", paramLabel = "key.path=value",
            description = "Override a scenario key, e.g. --set validation.max_wait_time=300 (repeatable).")
    List<String> overrides = new ArrayList<>();
}
