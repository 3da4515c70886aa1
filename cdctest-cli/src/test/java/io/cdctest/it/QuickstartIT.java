package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.Fixtures;
import io.cdctest.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart for real: embedded MariaDB source and target, a Kafka broker, the Flink CDC
 * producer and the consumer, all started by the CLI (in this JVM) and torn down after.
 */
class QuickstartIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void basicGroupPassesAndLeavesNothingRunning(@TempDir Path reports) throws Exception {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "basic", "--report-dir", reports.toString());

        run.assertPassed(6);
        assertThat(run.out()).contains("result: all testcases passed (exit 0)");
        assertNoChildProcesses();

        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("exit_code").asInt()).isZero();
        assertThat(summary.path("counts").path("passed").asInt()).isEqualTo(6);
        JsonNode fullSync = summary.path("testcases").get(0);
        assertThat(fullSync.path("id").asText()).isEqualTo("QS001");
        assertThat(fullSync.path("tables")).extracting(t -> t.path("source_rows").asLong()).containsOnly(1000L);
        String xml = Files.readString(reports.resolve("junit.xml"));
        assertThat(xml).contains("tests=\"6\"", "failures=\"0\"", "name=\"QS005 Composite primary key, including a key change\"");
        assertThat(reports.resolve("logs")).isDirectoryContaining("glob:**/producer.log")
                .isDirectoryContaining("glob:**/consumer.log").isDirectoryContaining("glob:**/kafka.log")
                .isDirectoryContaining("glob:**/source-mariadb.log");
        assertThat(Files.readString(reports.resolve("logs/producer.log"))).contains("job RUNNING");
    }

    /**
     * Every testcase of the file but the network group's (NetworkFaultsIT runs those), in a shuffled
     * order (a new seed each time, printed): all pass, so no outcome depends on which testcases ran
     * before. The self-tests among them pass because the harness catches what they plant (a row
     * deleted, a value changed on the target) and explains it (stale, resurrected, extra); each puts
     * right what it broke.
     */
    @Test
    void everyTestcaseOfTheFilePassesInAShuffledOrder(@TempDir Path reports) throws Exception {
        io.cdctest.spec.TestSuite suite = new io.cdctest.spec.load.TestSuiteLoader(new io.cdctest.spec.load.Interpolator(
                java.util.Map.of()), w -> { }).load(Fixtures.repositoryRoot().resolve("config/testcases/quickstart_tests.yaml"));
        java.util.Set<String> network = new java.util.HashSet<>(suite.groups().get("network"));
        network.remove("QS001");
        String ids = String.join(",", suite.testcases().stream().map(io.cdctest.spec.TestCase::id)
                .filter(id -> !network.contains(id)).toList());
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--shuffle", "--id", ids, "--report-dir", reports.toString(),
                "--set", "data.rows=300", "-v");
        String order = run.err().lines().filter(l -> l.startsWith("testcases in shuffled order")).findFirst().orElse("?");

        assertThat(run.exitCode()).as(order + "\n" + run.out()).isZero();
        assertThat(run.out()).contains("24 testcases: 24 passed, 0 failed");
        assertThat(run.err()).contains("caught as expected (validate_sync, ", "missing in target: id=-900090",
                "different: (pk1=-900091, pk2='selftest') [corrupt]: col_data: source 'original', target 'sabotaged'",
                "found as expected: different: id=-900095 [stale]: col_varchar: source 'version-2', target 'version-1'",
                "found as expected: extra in target: id=-900096 [resurrected]", "found as expected: extra in target: id=-999999");
        assertThat(reports.resolve("fix/fix-cdc_test_base.sql")).content().contains("VALUES (-900090, ");
        assertNoChildProcesses();

        JsonNode testcases = JSON.readTree(reports.resolve("summary.json").toFile()).path("testcases");
        JsonNode selftest = java.util.stream.StreamSupport.stream(testcases.spliterator(), false)
                .filter(t -> t.path("id").asText().equals("QS090")).findFirst().orElseThrow();
        assertThat(selftest.path("status").asText()).isEqualTo("PASSED");
        assertThat(selftest.path("steps").get(3).path("detail").asText()).startsWith("failed as expected: not in sync");
    }

    @Test
    void anEventDroppedByTheConsumerIsNamedWithItsHop(@TempDir Path reports) {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "snapshot", "--report-dir", reports.toString(),
                "--set", "data.rows=300", "--set", "flink_cdc.consumer_drop_nth=250", "--set", "validation.max_wait_time=15");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("1 row differs \\(source 300 rows, target 299\\)")
                .containsPattern("missing in target: .+ \\[consumer hop: the row is in Kafka \\(partition 0, offset 249\\) "
                        + "but not in the target]");
        assertNoChildProcesses();
    }

    static void assertNoChildProcesses() {
        assertNoChildProcessesBut();
    }

    /** As {@link #assertNoChildProcesses()}, but processes the test itself started (and their descendants) may stay. */
    static void assertNoChildProcessesBut(Process... own) {
        List<ProcessHandle> allowed = java.util.Arrays.stream(own).filter(java.util.Objects::nonNull)
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p.toHandle()), p.descendants())).toList();
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> !allowed.contains(p))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertThat(left).as("processes left behind").isEmpty();
    }
}
