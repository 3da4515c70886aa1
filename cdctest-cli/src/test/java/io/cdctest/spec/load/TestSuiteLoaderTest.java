package io.cdctest.spec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.Fixtures;
import io.cdctest.spec.Cause;
import io.cdctest.spec.Component;
import io.cdctest.spec.NetworkFault;
import io.cdctest.spec.Side;
import io.cdctest.spec.Step;
import io.cdctest.spec.TaskState;
import io.cdctest.spec.TestSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TestSuiteLoaderTest {
    private final TestSuiteLoader loader = new TestSuiteLoader(new Interpolator(Map.of()), w -> { });

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    /** The steps of the first testcase of a testcase file with this text. */
    private java.util.List<Step> steps(String yaml) throws Exception {
        Path file = dir.resolve("tests.yaml");
        Files.writeString(file, yaml);
        return loader.load(file).testcases().get(0).steps();
    }

    static Stream<Path> invalid() {
        return Fixtures.files("spec/testcases/invalid").stream();
    }

    static Stream<Path> shipped() {
        return Fixtures.shipped("testcases").stream();
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void badTestcaseFileFailsWithFileLineAndKey(Path file) {
        String expected = Fixtures.expectation(file);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(CdctestException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
            assertThat(e.getMessage()).startsWith(file.toString()).contains(expected);
        });
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedTestcaseFilesLoad(Path file) {
        TestSuite suite = loader.load(file);
        assertThat(suite.testcases()).isNotEmpty();
        suite.groups().keySet().forEach(g -> assertThat(suite.select(g)).isNotEmpty());
    }

    @Test
    void legacyLayoutBecomesTypedSteps() {
        TestSuite suite = loader.load(Fixtures.dir("spec/testcases/valid").resolve("legacy_common.yaml"));
        assertThat(suite.name()).isEqualTo("CDC Common Test Suite");
        assertThat(suite.select("basic")).extracting(tc -> tc.id()).containsExactly("TC001", "TC002");
        assertThat(suite.testcases().get(0).steps()).singleElement()
                .isEqualTo(new Step.ValidateSync("cdc_test_base", Duration.ofSeconds(120), java.util.List.of(),
                        suite.testcases().get(0).steps().get(0).origin()));
        var steps = suite.testcases().get(1).steps();
        assertThat(steps.get(0)).isInstanceOfSatisfying(Step.Dml.class, d -> {
            assertThat(d.kind()).isEqualTo(Step.Dml.Kind.UPDATE);
            assertThat(d.table()).isEqualTo("cdc_test_base");
            assertThat(d.origin().line()).isEqualTo(17);
        });
        assertThat(steps.get(1)).isInstanceOf(Step.ValidateIndexQuery.class);
        assertThat(steps.get(2)).isInstanceOfSatisfying(Step.Sql.class, s -> assertThat(s.on()).isEqualTo(Side.TARGET));
        assertThat(steps.get(3)).isEqualTo(new Step.CheckStatus(Component.PRODUCER, steps.get(3).origin()));
    }

    @Test
    void workloadStepReadsRateDurationMixAndTables() throws Exception {
        var steps = steps("""
                test_cases:
                  - id: TC1
                    table: cdc_test_base
                    steps:
                      - action: workload
                        rate: 12.5
                        duration: 2m
                      - action: workload
                        tables: [cdc_test_base, cdc_test_composite_pk]
                        rate: 1_000
                        duration: 30s
                        mix: {update: 3, delete: 1}
                        check_every: 500ms
                """);
        assertThat(steps.get(0)).isEqualTo(new Step.Workload(java.util.List.of("cdc_test_base"), 12.5, Duration.ofMinutes(2),
                Step.Workload.Mix.DEFAULT, null, steps.get(0).origin()));
        assertThat(steps.get(1)).isEqualTo(new Step.Workload(java.util.List.of("cdc_test_base", "cdc_test_composite_pk"), 1000,
                Duration.ofSeconds(30), new Step.Workload.Mix(0, 3, 1), Duration.ofMillis(500), steps.get(1).origin()));
        assertThat(steps.get(1).action()).isEqualTo("workload");
    }

    @Test
    void networkFaultsBecomeTypedSteps() throws Exception {
        var steps = steps("""
                test_cases:
                  - id: NW1
                    steps:
                      - {action: fault, component: network, link: source_producer, fault: partition, mode: refuse}
                      - {action: fault, component: network, link: source_producer, fault: partition, duration: 5s}
                      - {action: fault, component: network, link: consumer_target, fault: reset}
                      - {action: fault, component: network, link: kafka_consumer, fault: latency, delay: 200ms, jitter: 50ms, towards: consumer}
                      - {action: fault, component: network, link: producer_kafka, fault: bandwidth, bytes_per_second: 20_000}
                      - {action: fault, component: network, link: consumer_target, fault: flap, period: 2s, mode: refuse, duration: 6s}
                      - {action: heal, link: consumer_target}
                      - {action: heal}
                      - {action: simulate_network_issue, duration: 4s}
                """);
        assertThat(steps).extracting(Step::action).containsExactly("fault", "fault", "fault", "fault", "fault", "fault", "heal",
                "heal", "simulate_network_issue");
        assertThat(steps.get(0)).isEqualTo(new Step.LinkFault("source_producer",
                new NetworkFault.Partition(NetworkFault.Mode.REFUSE), null, steps.get(0).origin()));
        assertThat(steps.get(1)).as("silent by default").isEqualTo(new Step.LinkFault("source_producer",
                new NetworkFault.Partition(NetworkFault.Mode.SILENT), Duration.ofSeconds(5), steps.get(1).origin()));
        assertThat(((Step.LinkFault) steps.get(2)).fault()).isEqualTo(new NetworkFault.Reset());
        assertThat(((Step.LinkFault) steps.get(3)).fault()).isEqualTo(new NetworkFault.Latency(Duration.ofMillis(200),
                Duration.ofMillis(50), "consumer"));
        assertThat(((Step.LinkFault) steps.get(4)).fault()).isEqualTo(new NetworkFault.Bandwidth(20_000, null));
        assertThat(steps.get(5)).isEqualTo(new Step.LinkFault("consumer_target", new NetworkFault.Flap(Duration.ofSeconds(2),
                NetworkFault.Mode.REFUSE), Duration.ofSeconds(6), steps.get(5).origin()));
        assertThat(steps.get(6)).isEqualTo(new Step.Heal("consumer_target", steps.get(6).origin()));
        assertThat(steps.get(7)).isEqualTo(new Step.Heal(null, steps.get(7).origin()));
        assertThat(steps.get(8)).isEqualTo(new Step.NetworkIssue(null, Duration.ofSeconds(4), steps.get(8).origin()));
    }

    @Test
    void earlierCrossClusterActionsBecomeTypedSteps() {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        TestSuite suite = new TestSuiteLoader(new Interpolator(Map.of()), warnings::add)
                .load(Fixtures.dir("spec/testcases/valid").resolve("legacy_cross_cluster.yaml"));
        Step state = suite.select("subscription").get(0).steps().get(0);
        assertThat(state).isEqualTo(new Step.CheckState(TaskState.RUNNING, Duration.ofSeconds(30), state.origin()));
        Step delay = suite.select("subscription").get(1).steps().get(0);
        assertThat(delay).isEqualTo(new Step.MeasureSyncDelay("cdc_test_base", 50, null, delay.origin()));
        var recovery = suite.select("recovery").get(0).steps();
        assertThat(recovery.get(0)).as("a partition of the pipeline's main link for 30 s")
                .isEqualTo(new Step.NetworkIssue(null, Duration.ofSeconds(30), recovery.get(0).origin()));
        assertThat(recovery.get(1)).isEqualTo(new Step.WaitForRecovery(null, Duration.ofSeconds(120), recovery.get(1).origin()));
        assertThat(warnings).as("whether the pipeline has a main link is checked against the scenario").isEmpty();
    }

    @Test
    void expectedStatesTakeNamesAndTheEarlierToolsNumbers() throws Exception {
        var steps = steps("""
                test_cases:
                  - id: TC1
                    steps:
                      - {action: check_subscription_status, expected_state: 2, timeout: 10s}
                      - {action: check_subscription_status, expected_state: paused}
                      - {action: check_subscription_status, expected_state: error}
                      - {action: check_subscription_status}
                """);
        assertThat(steps).extracting(s -> ((Step.CheckState) s).expected())
                .containsExactly(TaskState.PAUSED, TaskState.PAUSED, TaskState.FAILED, TaskState.RUNNING);
        assertThat(((Step.CheckState) steps.get(0)).timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void expectFailureWrapsAnyStepWithTheTextsItsFailureMustContain() throws Exception {
        var steps = steps("""
                test_cases:
                  - id: ST1
                    table: cdc_test_base
                    steps:
                      - action: validate_sync
                        timeout: 5
                        expect_failure: "different: (pk1=2, pk2='alpha') [corrupt]"
                      - action: check_consumer_status
                        expect_failure: [consumer, "not healthy"]
                """);
        assertThat(steps.get(0)).isInstanceOfSatisfying(Step.ExpectFailure.class, x -> {
            assertThat(x.texts()).containsExactly("different: (pk1=2, pk2='alpha') [corrupt]");
            assertThat(x.step()).isEqualTo(new Step.ValidateSync("cdc_test_base", Duration.ofSeconds(5), java.util.List.of(),
                    x.origin()));
            assertThat(x.action()).isEqualTo("validate_sync");
        });
        assertThat(steps.get(1)).isInstanceOfSatisfying(Step.ExpectFailure.class,
                x -> assertThat(x.texts()).containsExactly("consumer", "not healthy"));
    }

    @Test
    void faultTargetsAndExpectedCausesBecomeTypes() throws Exception {
        var steps = steps("""
                test_cases:
                  - id: T1
                    steps:
                      - {action: fault, component: consumer, fault: kill}
                      - {action: fault, component: target, fault: restart}
                      - {action: validate_sync, expect: [stale, resurrected, missing]}
                """);
        assertThat(steps.get(0)).isInstanceOfSatisfying(Step.Fault.class,
                f -> assertThat(f.component()).isEqualTo(Component.CONSUMER));
        assertThat(steps.get(1)).isInstanceOfSatisfying(Step.Fault.class,
                f -> assertThat(f.component()).isEqualTo(Side.TARGET));
        assertThat(steps.get(2)).isInstanceOfSatisfying(Step.ValidateSync.class,
                v -> assertThat(v.expect()).containsExactly(Cause.STALE, Cause.RESURRECTED, Cause.MISSING));
    }
}
