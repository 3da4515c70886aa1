package io.cdctest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in-process: exit codes, stdout for data, stderr for diagnostics. No database is touched. */
class CliTest {

    /** The stderr of a command line that must exit 2: a usage error or an invalid configuration. */
    private static String usageError(String... args) {
        CliRunner run = CliRunner.run(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        return run.err();
    }

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
        Path scenario = Fixtures.embeddedScenario(dir.resolve("typo.yaml"), "flink_cdc", """
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
        assertThat(usageError("--scenario", "quickstrat"))
                .contains("unknown scenario 'quickstrat' (did you mean 'quickstart'?)");
        assertThat(usageError("validate", "--scenario", "quickstart", "--group", "nope"))
                .contains("unknown group 'nope'").contains("basic").contains("incremental");
        assertThat(usageError("run", "--scenaro", "quickstart")).contains("Unknown options: '--scenaro'");
        assertThat(usageError()).contains("no scenario given");
    }

    @Test
    void badSetPathAndBadTimeoutScaleExitTwoBeforeAnythingStarts() {
        assertThat(usageError("run", "--scenario", "quickstart", "--set", "validation.max_wait=3"))
                .contains("--set validation.max_wait: unknown key 'max_wait' in validation");
        assertThat(usageError("run", "--scenario", "quickstart", "--timeout-scale", "0"))
                .contains("--timeout-scale must be above 0");
    }

    @Test
    void validateTestcaseFileAlone() {
        Path file = Fixtures.dir("spec/actions/invalid").resolve("unknown_action.yaml");
        assertThat(usageError("validate", "--testcase", file.toString()))
                .contains(":7: action: unknown action 'validate_snyc' (did you mean 'validate_sync'?)")
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
        assertThat(usageError("generate", "--count", "10").strip())
                .isEqualTo("cdctest: --database is required (or take it from --scenario)");
        assertThat(usageError("generate", "--scenario", "quickstart"))
                .contains("its source is embedded; generate needs a running server");
        assertThat(usageError("generate", "--database", "d", "--tables", "cdc_test_nope"))
                .contains("--tables: unknown table 'cdc_test_nope'");
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

        usageError("list", "--output", "yaml");
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
        Path scenario = Fixtures.embeddedScenario(dir.resolve("scripts.yaml"), "flink_cdc", """
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
        assertThat(usageError("run", "--scenario", "quickstart", "--shuffle=soon").strip())
                .isEqualTo("cdctest: --shuffle: expected a number (the seed), got 'soon'");
    }
}
