package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code workload} step on the embedded quickstart: steady mixed DML at a target rate while the
 * pipeline is watched, then every row compared and every change audited in Kafka; and a rate the
 * source cannot sustain failing the step with the rate it did achieve.
 */
class WorkloadIT {

    @Test
    void steadyLoadReachesItsRateAndThePipelineKeepsUp(@TempDir Path reports) {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "workload", "--report-dir", reports.toString(),
                "--set", "data.rows=300", "-v");
        run.assertPassed(3);
        assertThat(run.err())
                .containsPattern("workload: [\\d,]+ statements in 2\\d\\.\\d s \\(\\d+\\.\\d/s of 50/s target; insert \\d+, "
                        + "update \\d+, delete \\d+; [\\d,]+ rows changed\\) on cdc_test_base, cdc_test_composite_pk, "
                        + "latency p50 [\\d.]+ ms p99 [\\d.]+ ms max [\\d.]+ ms, heap after GC \\d+→\\d+ MB \\(peak used \\d+ MB\\)")
                .containsPattern("workload: \\d+ statements in \\d+\\.\\d s \\(\\d+\\.\\d/s of 100/s target; .+\\) on cdc_test_base,")
                .contains("none lost or out of order");
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void aRateTheSourceCannotSustainFailsNamingTheAchievedRate(@TempDir Path dir) throws Exception {
        Path testcases = dir.resolve("overload.yaml");
        Files.writeString(testcases, """
                test_cases:
                  - id: OVERLOAD
                    name: "A rate no source sustains"
                    table: cdc_test_base
                    steps:
                      - action: workload
                        rate: 1000000
                        duration: 3s
                      - action: validate_sync
                """);
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--testcase", testcases.toString(), "--report-dir",
                dir.resolve("reports").toString(), "--set", "data.rows=100");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("step 1 \\(workload, .*overload.yaml:6\\): the source did not keep up: "
                + "[\\d.]+ statements/s achieved, below 90 % of the 1,000,000/s target: [\\d,]+ statements in [\\d.]+ s");
        QuickstartIT.assertNoChildProcesses();
    }
}
