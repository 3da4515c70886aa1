package io.cdctest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.Fixtures;
import io.cdctest.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A testcase step that names a pipeline action its pipeline does not declare ({@link PipelineFactory#actions}),
 * a misspelt action among them, fails {@code cdctest validate} (in-process, no server) with exit 2 and one
 * line naming file, line and action, instead of failing halfway through a run.
 */
class ActionCheckTest {
    @TempDir
    Path dir;

    private Path testcases(String steps) throws Exception {
        Path file = dir.resolve("tests.yaml");
        Files.writeString(file, """
                test_cases:
                  - id: A1
                    steps:
                      - action: validate_sync
                """ + steps);
        return file;
    }

    private static CliRunner validate(String scenario, Path testcases) {
        return CliRunner.run("validate", "--scenario", scenario, "--testcase", testcases.toString());
    }

    private static void assertConfigError(CliRunner run, String line) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        // the legacy fixtures' unused keys are warned about first
        assertThat(run.err().strip().lines().filter(l -> !l.startsWith("cdctest: warning: ")))
                .containsExactly("cdctest: " + line);
    }

    static Stream<Path> invalid() {
        return Fixtures.files("spec/actions/invalid").stream();
    }

    /**
     * Each fixture under {@code spec/actions/invalid} gives its scenario ({@code # scenario:}, none for
     * the file alone) and the line it must produce ({@code # expect:}): a step of another pipeline, a
     * misspelt action of the harness's or of the pipeline's.
     */
    @ParameterizedTest
    @MethodSource("invalid")
    void anActionThePipelineDoesNotHaveFailsValidate(Path file) throws Exception {
        assertConfigError(CliRunner.validate(file), file.getParent() + "/" + Fixtures.expectation(file));
    }

    @Test
    void aStepThatMustFailIsCheckedToo() throws Exception {
        Path file = testcases("""
                      - action: check_cdc_status
                        expect_failure: not running
                """);

        assertConfigError(validate("quickstart", file), file
                + ":5: action: check_cdc_status: the flink_cdc pipeline has no such step (it has no pipeline actions)");
    }

    @Test
    void crossClusterHasNoRestart() throws Exception {
        Path file = testcases("""
                      - action: pause_cdc
                      - action: resume_cdc
                      - action: restart_cdc
                """);

        assertConfigError(validate(scenario("legacy_cross_cluster.yaml"), file), file + ":7: action: restart_cdc: the "
                + "cross_cluster pipeline has no such step (its actions: pause_cdc, resume_cdc, check_cdc_status)");
    }

    @Test
    void eachPipelineAcceptsTheActionsItDeclares() throws Exception {
        Path file = testcases("""
                      - action: check_cdc_status
                """);
        CliRunner custom = validate("custom_example", file);
        assertThat(custom.exitCode()).as(custom.err()).isZero();

        CliRunner moToMo = CliRunner.run("validate", "--scenario", scenario("legacy_mo_to_mo.yaml"), "--testcase",
                "common_tests.yaml");
        assertThat(moToMo.exitCode()).as(moToMo.err()).isZero();
        assertThat(moToMo.out()).contains("testcases selected");
    }

    @Test
    void aCdcConfigBlockOnAPipelineThatReadsNoneIsAConfigurationError() throws Exception {
        Path scenario = Fixtures.embeddedScenario(dir.resolve("flink.yaml"), "flink_cdc", """
                flink_cdc: {tables: [cdc_test_base]}
                cdc_config:
                  level: table
                """);

        assertConfigError(validate(scenario.toString(), testcases("")), scenario + ":5: cdc_config: read only by "
                + "scenario_type cross_cluster, mo_to_mo, mo_to_mysql (this scenario is flink_cdc)");
    }

    @Test
    void aFaultOnAPartThePipelineLacksIsAWarningThatTheTestcaseIsSkipped() throws Exception {
        Path file = testcases("""
                      - action: fault
                        component: producer
                        fault: kill
                """);

        CliRunner moToMo = validate(scenario("legacy_mo_to_mo.yaml"), file);
        assertThat(moToMo.exitCode()).as(moToMo.err()).isZero();
        assertThat(moToMo.err()).contains("cdctest: warning: " + file + ":5: fault: the mo_to_mo pipeline has no producer "
                + "to break (it has none that fault steps break); testcase A1 will be skipped");
        CliRunner quickstart = validate("quickstart", file);
        assertThat(quickstart.exitCode()).as(quickstart.err()).isZero();
        assertThat(quickstart.err()).doesNotContain("fault:");
    }

    private static String scenario(String fixture) {
        return Fixtures.dir("spec/scenarios/valid").resolve(fixture).toString();
    }
}
