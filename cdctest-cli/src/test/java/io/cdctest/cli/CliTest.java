package io.cdctest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in-process: exit codes, stdout for data, stderr for diagnostics. No database is touched. */
class CliTest {

    @Test
    void helpAndVersion() {
        CliRunner help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--scenario", "--timeout-scale", "--keep-env", "run", "list", "validate",
                "generate-completion", "Exit codes: 0 all passed");
        CliRunner version = CliRunner.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("cdctest ");
    }

    @Test
    void listShowsScenariosGroupsAndTestcases() {
        CliRunner list = CliRunner.run("list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("quickstart", "flink_cdc", "group basic: QS001", "QS090");
        assertThat(CliRunner.run("-l").out()).isEqualTo(list.out());
    }

    @Test
    void validateShippedScenarios() {
        CliRunner quickstart = CliRunner.run("validate", "--scenario", "quickstart", "--group", "basic");
        assertThat(quickstart.exitCode()).as(quickstart.err()).isZero();
        assertThat(quickstart.out()).contains("valid scenario quickstart", "6 testcases selected");
        CliRunner legacy = CliRunner.run("validate", "-s", "flink_cdc", "-g", "basic");
        assertThat(legacy.exitCode()).as(legacy.err()).isZero();
        assertThat(legacy.out()).contains("target: matrixone external 127.0.0.1:6001");
    }

    @Test
    void misspeltKeyExitsTwoNamingFileLineAndKey(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("typo.yaml");
        Files.writeString(scenario, """
                scenario_type: flink_cdc
                source: {type: mariadb, provision: embedded, database: s}
                target: {type: mariadb, provision: embedded, database: t}
                flink_cdc:
                  tables: [cdc_test_base]
                  consumer_batchsize: 10
                """);
        CliRunner result = CliRunner.run("validate", "--scenario", scenario.toString(),
                "--testcase", "quickstart_tests.yaml");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo("cdctest: " + scenario + ":6: unknown key 'consumer_batchsize'"
                + " in flink_cdc (did you mean 'consumer_batch_size'?)");
    }

    @Test
    void unknownScenarioGroupOrOptionExitTwo() {
        CliRunner scenario = CliRunner.run("--scenario", "quickstrat");
        assertThat(scenario.exitCode()).isEqualTo(2);
        assertThat(scenario.err()).contains("unknown scenario 'quickstrat' (did you mean 'quickstart'?)");

        CliRunner group = CliRunner.run("validate", "--scenario", "quickstart", "--group", "nope");
        assertThat(group.exitCode()).isEqualTo(2);
        assertThat(group.err()).contains("unknown group 'nope'").contains("basic").contains("incremental");

        CliRunner option = CliRunner.run("run", "--scenaro", "quickstart");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown options: '--scenaro'");

        CliRunner nothing = CliRunner.run();
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("no scenario given");
    }

    @Test
    void badSetPathAndBadTimeoutScaleExitTwoBeforeAnythingStarts() {
        CliRunner set = CliRunner.run("run", "--scenario", "quickstart", "--set", "validation.max_wait=3");
        assertThat(set.exitCode()).isEqualTo(2);
        assertThat(set.err()).contains("--set validation.max_wait: unknown key 'max_wait' in validation");
        CliRunner scale = CliRunner.run("run", "--scenario", "quickstart", "--timeout-scale", "0");
        assertThat(scale.exitCode()).isEqualTo(2);
        assertThat(scale.err()).contains("--timeout-scale must be above 0");
    }

    @Test
    void validateTestcaseFileAlone() {
        Path file = Fixtures.dir("spec/actions/invalid").resolve("unknown_action.yaml");
        CliRunner bad = CliRunner.run("validate", "--testcase", file.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains(":7: action: unknown action 'validate_snyc' (did you mean 'validate_sync'?)")
                .doesNotContain("Exception");
        CliRunner good = CliRunner.run("validate", "--testcase", "quickstart_tests.yaml");
        assertThat(good.exitCode()).isZero();
        assertThat(good.out()).contains("valid testcase file");
    }

    @Test
    void generateAcceptsTheEarlierToolsOptions() {
        CliRunner help = CliRunner.run("generate", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--host", "--port", "--user", "--password", "--database", "--group", "--count",
                "--batch-size", "--create-only", "--create-indexes", "--indexes-only", "--dialect", "--tables", "--seed",
                "--threads", "--drop-existing", "--scenario", "basic, fulltext, vector, partition");
        CliRunner noDatabase = CliRunner.run("generate", "--count", "10");
        assertThat(noDatabase.exitCode()).isEqualTo(2);
        assertThat(noDatabase.err().strip()).isEqualTo("cdctest: --database is required (or take it from --scenario)");
        CliRunner embedded = CliRunner.run("generate", "--scenario", "quickstart");
        assertThat(embedded.exitCode()).isEqualTo(2);
        assertThat(embedded.err()).contains("its source is embedded; generate needs a running server");
        CliRunner unknownTable = CliRunner.run("generate", "--database", "d", "--tables", "cdc_test_nope");
        assertThat(unknownTable.exitCode()).isEqualTo(2);
        assertThat(unknownTable.err()).contains("--tables: unknown table 'cdc_test_nope'");
    }

    @Test
    void completionScriptIsGenerated() {
        CliRunner completion = CliRunner.run("generate-completion");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).contains("complete -F").contains("cdctest");
    }

    @Test
    void listValidateAndDoctorSpeakJson() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        CliRunner list = CliRunner.run("list", "--output", "json");
        assertThat(list.exitCode()).isZero();
        var scenarios = json.readTree(list.out()).path("scenarios");
        assertThat(scenarios.findValuesAsText("name")).contains("quickstart", "mo_to_mo", "cross_cluster");
        assertThat(json.readTree(list.out()).path("testcase_files").get(0).path("groups").isObject()).isTrue();

        CliRunner validate = CliRunner.run("validate", "--scenario", "quickstart", "--group", "basic", "-o", "json");
        var v = json.readTree(validate.out());
        assertThat(v.path("valid").asBoolean()).isTrue();
        assertThat(v.path("scenario").path("source").path("provision").asText()).isEqualTo("embedded");
        assertThat(v.path("testcases").size()).isEqualTo(6);

        CliRunner doctor = CliRunner.run("doctor", "--scenario", "quickstart", "-o", "json");
        assertThat(doctor.exitCode()).as(doctor.err()).isZero();
        var d = json.readTree(doctor.out());
        assertThat(d.path("passed").asBoolean()).isTrue();
        assertThat(d.path("checks").findValuesAsText("name")).contains("java", "source", "target", "kafka");

        CliRunner unreachable = CliRunner.run("doctor", "--scenario", "mo_to_mo", "--set", "source.port=1", "-o", "json");
        assertThat(unreachable.exitCode()).isEqualTo(3);
        var u = json.readTree(unreachable.out());
        assertThat(u.path("passed").asBoolean()).isFalse();
        assertThat(u.path("checks").get(1).path("fix").asText()).contains("docker run -d -p 1:6001");

        CliRunner bad = CliRunner.run("list", "--output", "yaml");
        assertThat(bad.exitCode()).isEqualTo(2);
    }

    @Test
    void listKeepsItsColumnsForNamesLongerThanUsual() {
        java.util.List<String> rows = CliRunner.run("list").out().lines().dropWhile(l -> !l.equals("Scenarios:")).skip(1)
                .takeWhile(l -> !l.isBlank()).toList();
        int typeColumn = rows.get(0).indexOf("TYPE");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("  flink_cdc_filters "));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.charAt(typeColumn - 1)).as(r).isEqualTo(' ');
            assertThat(r.charAt(typeColumn)).as(r).isNotEqualTo(' ');
            assertThat(r.substring(2, typeColumn)).as(r).matches("\\S+ {2,}");
        });
    }

    @Test
    void aScriptDirectoryMissingHereIsAWarningToValidateAndStopsARunWithExitThree(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("scripts.yaml");
        Files.writeString(scenario, """
                scenario_type: flink_cdc
                source: {type: mariadb, provision: embedded, database: s}
                target: {type: mariadb, provision: embedded, database: t}
                flink_cdc:
                  tables: [cdc_test_base, cdc_test_composite_pk]
                  path: ../no-such-flink-cdc
                data: {rows: 10}
                """);
        CliRunner validate = CliRunner.run("validate", "--scenario", scenario.toString(), "--testcase", "quickstart_tests.yaml");
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.err().strip()).isEqualTo("cdctest: warning: " + scenario + ":6: flink_cdc.path: no such directory "
                + "here: " + dir.getParent().resolve("no-such-flink-cdc") + "; a run needs it on the machine that runs the pipeline");

        CliRunner run = CliRunner.run("run", "--scenario", scenario.toString(), "--testcase", "quickstart_tests.yaml",
                "--group", "basic", "--report-dir", dir.resolve("reports").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat((run.out() + run.err()).lines().filter(l -> l.contains("no such directory:"))).singleElement()
                .isEqualTo("setup failed: preflight: paths: flink_cdc.path: no such directory: " + dir.getParent().resolve(
                        "no-such-flink-cdc") + " (" + scenario + ":6) (fix: create or check out the directory there, or "
                        + "correct flink_cdc.path)");
        assertThat(run.out()).contains("result: environment");
        assertThat(run.err()).as("nothing started").doesNotContain("ready in");
    }

    @Test
    void shuffleNeedsANumberForItsSeed() {
        CliRunner bad = CliRunner.run("run", "--scenario", "quickstart", "--shuffle=soon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("cdctest: --shuffle: expected a number (the seed), got 'soon'");
    }
}
