package io.cdctest.testpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.Fixtures;
import io.cdctest.cli.CliRunner;
import io.cdctest.env.net.Links;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;
import io.cdctest.pipeline.Pipelines;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Step;
import io.cdctest.spec.load.Interpolator;
import io.cdctest.spec.load.ScenarioLoader;
import io.cdctest.spec.load.TestSuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline kind the main code has never heard of ({@link CopyPipelineFactory}, registered from the test
 * class path) goes through the registry, the loader and {@code cdctest validate} like the shipped ones:
 * its block, its engine pairs, its actions, links and fault targets are all its factory's. And the
 * sources of {@code spec}, {@code spec.load}, {@code run} and the registry name no pipeline kind.
 */
class TestOnlyPipelineTest {
    private static final Path SCENARIO = Fixtures.dir("spec/registry").resolve("test_copy.yaml");

    @TempDir
    Path dir;

    private final ScenarioLoader loader = new ScenarioLoader(new Interpolator(Map.of()), Pipelines.all(), w -> { });

    @Test
    void theRegistryFindsAKindRegisteredFromTheTestClassPath() {
        assertThat(Pipelines.types()).contains("test_copy", "flink_cdc");
        assertThat(Pipelines.factory("test_copy")).isInstanceOf(CopyPipelineFactory.class);
    }

    @Test
    void theLoaderHandsTheKindItsOwnBlockAndAsksItForTheTables() {
        Scenario scenario = loader.load(SCENARIO, List.of());

        assertThat(scenario.type()).isEqualTo("test_copy");
        CopyPipelineFactory.CopySettings copy = scenario.settings(CopyPipelineFactory.CopySettings.class);
        assertThat(copy.every()).isEqualTo(Duration.ofMillis(500));
        assertThat(scenario.tables()).as("the kind's tables, before data.tables").containsExactly("orders", "customers");
        assertThat(scenario.data().tables()).containsExactly("cdc_test_base");
        assertThat(scenario.mappings()).isEmpty();
        Scenario overridden = loader.load(SCENARIO, List.of("copy.tables=[a]"));
        assertThat(overridden.tables()).containsExactly("a");
    }

    @Test
    void itsBlockAndItsEnginePairsAreCheckedWithFileAndLine() throws Exception {
        assertConfigError(() -> loader.load(SCENARIO, List.of("copy.tabels=[a]")),
                "--set copy.tabels: unknown key 'tabels' in copy (did you mean 'tables'?)");
        assertConfigError(() -> loader.load(SCENARIO, List.of("target.type=matrixone", "target.provision=external")),
                ":3: target.type: scenario_type test_copy needs mysql or mariadb, got matrixone");
        Path noBlock = Fixtures.embeddedScenario(dir.resolve("no_block.yaml"), "test_copy", "");
        assertConfigError(() -> loader.load(noBlock, List.of()), "no_block.yaml:1: missing required key 'copy'");
    }

    @Test
    void aBlockOfOneKindIsAnErrorInAnotherNamingItsKind() throws Exception {
        Path flink = Fixtures.embeddedScenario(dir.resolve("flink.yaml"), "flink_cdc", """
                flink_cdc: {tables: [a]}
                copy: {tables: [a]}
                """);
        assertConfigError(() -> loader.load(flink, List.of()),
                "flink.yaml:5: copy: read only by scenario_type test_copy (this scenario is flink_cdc)");
        assertConfigError(() -> loader.load(SCENARIO, List.of("flink_cdc.tables=[a]")),
                ": flink_cdc: read only by scenario_type flink_cdc (this scenario is test_copy)");
    }

    @Test
    void validateChecksTestcasesAgainstWhatTheFactoryDeclares() throws Exception {
        Path good = write("good_tests.yaml", """
                test_cases:
                  - id: C1
                    steps:
                      - action: pause_cdc
                      - action: fault
                        component: network
                        link: copier_target
                        fault: partition
                        duration: 1s
                      - action: resume_cdc
                  - id: C2
                    steps:
                      - action: fault
                        component: producer
                        fault: kill
                """);
        CliRunner valid = CliRunner.run("validate", "--scenario", SCENARIO.toString(), "--testcase", good.toString());
        assertThat(valid.exitCode()).as(valid.err()).isZero();
        assertThat(valid.out()).contains("valid scenario test_copy (test_copy: a test-only pipeline that copies rows with SQL)",
                "tables: orders, customers");
        assertThat(valid.err()).contains(good + ":13: fault: the test_copy pipeline has no producer to break (its parts: "
                + "consumer); testcase C2 will be skipped");

        Path bad = write("bad_tests.yaml", """
                test_cases:
                  - id: C1
                    steps:
                      - action: restart_cdc
                """);
        CliRunner invalid = CliRunner.run("validate", "--scenario", SCENARIO.toString(), "--testcase", bad.toString());
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err().strip()).isEqualTo("cdctest: " + bad + ":4: action: restart_cdc: the test_copy pipeline "
                + "has no such step (its actions: pause_cdc, resume_cdc, copy_now)");
    }

    /**
     * {@code copy_now} is named only in this package: the loader reads it as the pipeline's step,
     * {@code cdctest validate} accepts it for this kind (and, without a scenario, as a registered kind's),
     * the pipeline the registry makes runs it as a run does, and another kind's scenario rejects it.
     */
    @Test
    void anActionOfItsOwnValidatesAndRuns() throws Exception {
        Path tests = write("copy_tests.yaml", """
                test_cases:
                  - id: C1
                    steps:
                      - action: copy_now
                        name: copy
                        description: copy before comparing
                      - action: validate_sync
                """);
        CliRunner valid = CliRunner.run("validate", "--scenario", SCENARIO.toString(), "--testcase", tests.toString());
        assertThat(valid.exitCode()).as(valid.err()).isZero();
        CliRunner alone = CliRunner.run("validate", "--testcase", tests.toString());
        assertThat(alone.exitCode()).as(alone.err()).isZero();

        Step step = new TestSuiteLoader(new Interpolator(Map.of()), w -> { }).load(tests).testcases().get(0).steps().get(0);
        assertThat(step).isEqualTo(new Step.PipelineAction("copy_now", step.origin()));
        Scenario scenario = loader.load(SCENARIO, List.of());
        try (Pipeline pipeline = Pipelines.create(new PipelineContext(scenario, null, "t1", 1.0, Links.none()))) {
            Pipeline.Actions actions = Pipeline.Actions.of(pipeline);
            assertThat(actions.act(step.action())).isEqualTo("copied orders, customers (copy 1)");
            assertThat(actions.act(step.action())).isEqualTo("copied orders, customers (copy 2)");
        }

        CliRunner flinkCdc = CliRunner.run("validate", "--scenario", "quickstart", "--testcase", tests.toString());
        assertThat(flinkCdc.exitCode()).isEqualTo(2);
        assertThat(flinkCdc.err().strip()).isEqualTo("cdctest: " + tests + ":4: action: copy_now: the flink_cdc pipeline "
                + "has no such step (it has no pipeline actions)");
    }

    /**
     * What a pipeline kind owns stays in its package: no source of spec, spec.load, run or the registry
     * (the top of io.cdctest.pipeline) names a kind in its code, or refers to a kind's package.
     */
    @Test
    void specLoaderRunAndRegistryNameNoPipelineKind() throws Exception {
        Path main = Fixtures.repositoryRoot().resolve("cdctest-cli/src/main/java/io/cdctest");
        Set<String> kinds = Pipelines.types();
        Set<String> kindPackages = Pipelines.all().stream().map(f -> f.getClass().getPackageName())
                .filter(p -> !p.equals(PipelineFactory.class.getPackageName())).collect(Collectors.toSet());
        assertThat(kindPackages).contains("io.cdctest.pipeline.flinkcdc", "io.cdctest.pipeline.matrixone",
                "io.cdctest.pipeline.custom", "io.cdctest.testpipeline");
        List<Path> sources = new ArrayList<>();
        for (String dir : List.of("spec", "run")) {
            try (Stream<Path> files = Files.walk(main.resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        try (Stream<Path> files = Files.list(main.resolve("pipeline"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
        }
        assertThat(sources).hasSizeGreaterThan(40);

        Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        List<String> found = new ArrayList<>();
        for (Path source : sources) {
            String code = Files.readString(source).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
            kindPackages.stream().filter(code::contains).forEach(p -> found.add(main.relativize(source) + ": " + p));
            Matcher m = literal.matcher(code);
            while (m.find()) {
                for (String kind : kinds) {
                    if (Pattern.compile("\\b" + kind + "\\b").matcher(m.group()).find()) {
                        found.add(main.relativize(source) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("pipeline kinds named outside their packages").isEmpty();
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void assertConfigError(org.assertj.core.api.ThrowableAssert.ThrowingCallable load, String message) {
        assertThatThrownBy(load).isInstanceOfSatisfying(CdctestException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
            assertThat(e.getMessage()).contains(message).doesNotContain("\n");
        });
    }
}
