package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.Fixtures;
import io.cdctest.cli.CliRunner;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The earlier tool's actions on the embedded quickstart pipeline: check_subscription_status (its state
 * code 0, and a state the pipeline is not in), measure_sync_delay, wait_for_recovery after a consumer
 * paused while the source changed, simulate_network_issue (the binlog link partitioned for 4 s while
 * 20 rows are inserted; wait_for_recovery waits the outage out and finds them on the target, their
 * lag the length of the outage), and a self-test
 * (expect_failure) that fails because there is nothing to catch.
 */
class LegacyActionsIT {

    @Test
    void theEarlierToolsActionsRunAndReportOnTheEmbeddedPipeline(@TempDir Path reports) throws Exception {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--testcase",
                Fixtures.dir("legacy").resolve("earlier_actions_tests.yaml").toString(), "--report-dir", reports.toString(),
                "--set", "data.rows=300", "-v");
        String all = run.out() + run.err();

        assertThat(run.exitCode()).as(all).isEqualTo(1);
        assertThat(run.out()).contains("6 testcases: 5 passed, 1 failed", "PASSED   EA001", "PASSED   EA002", "PASSED   EA003",
                "PASSED   EA004", "PASSED   EA005", "FAILED   EA006");
        assertThat(run.err()).contains("check_subscription_status: the Flink CDC pipeline (producer job, Kafka, consumer) "
                        + "is running",
                "caught as expected (check_subscription_status, ",
                "measure_sync_delay: 100 rows inserted into cdc_test_base, lag cdc_test_base p50 ",
                "over 100 keys; cdc_test_base: ",
                "wait_for_recovery: healthy after ");
        assertThat(run.err()).contains("simulate_network_issue: network outage on the main link source_producer (producer → "
                + "source): partition (silent): open connections stall, new connections accepted and silent for 4.0 s");
        assertThat(run.out()).contains("step 1 (validate_sync, ").contains("expected to fail naming 'missing in target', "
                + "but passed: cdc_test_base: ");
        QuickstartIT.assertNoChildProcesses();

        JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
        JsonNode delay = StreamSupport.stream(summary.path("lag_ms").path("steps").spliterator(), false)
                .filter(s -> s.path("step").asText().equals("EA003 step 1 measure_sync_delay")).findFirst().orElseThrow();
        assertThat(delay.path("table").asText()).isEqualTo("cdc_test_base");
        assertThat(delay.path("keys").asLong()).isEqualTo(100);
        JsonNode recovery = summary.path("testcases").get(3).path("steps").get(2);
        assertThat(recovery.path("detail").asText()).startsWith("healthy after ");
        assertThat(recovery.path("duration_s").asDouble()).as("waited for the paused consumer").isGreaterThan(2.0);
        JsonNode outage = summary.path("testcases").get(4).path("steps");
        assertThat(outage.get(2).path("detail").asText()).as("the inserts held back by the outage arrive after it")
                .startsWith("network faults over after ").contains("healthy after ", "cdc_test_base: ", "rows equal");
        JsonNode heldBack = StreamSupport.stream(summary.path("lag_ms").path("steps").spliterator(), false)
                .filter(s -> s.path("step").asText().equals("EA005 step 2 insert")).findFirst().orElseThrow();
        assertThat(heldBack.path("p50").asLong()).as("rows written during the 4 s outage wait for it").isGreaterThan(2500);
    }
}
