package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Producer and consumer started from commands, as users run their own: the earlier tool's script
 * layout (the shipped example scripts wrap the built-in producer and consumer) and command
 * templates.
 */
class CustomCommandsIT {

    @Test
    void theEarlierToolsScriptLayoutPasses(@TempDir Path reports) throws Exception {
        CliRunner run = CliRunner.run("--scenario", "flink_cdc_scripts", "--group", "basic", "--report-dir", reports.toString(),
                "--set", "data.rows=300");
        run.assertPassed(6);
        assertThat(Files.readString(reports.resolve("logs/producer.log")))
                .contains("producer-realtime.sh: capturing cdc_source_").contains("job RUNNING");
        assertThat(Files.readString(reports.resolve("logs/consumer.log"))).contains("consumer.sh: applying cdc_test_topic_");
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void aCommandThatExitsAtStartIsAnEnvironmentErrorShowingItsLog(@TempDir Path reports) {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "basic", "--report-dir", reports.toString(),
                "--set", "data.rows=10",
                "--set", "flink_cdc.producer_command=echo connecting to {bootstrap_servers}; echo 'no route to jobmanager' >&2; exit 7",
                "--set", "flink_cdc.consumer_command=sleep 600");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out() + run.err()).contains("producer failed to start: producer exited with code 7:")
                .contains("no route to jobmanager").contains("producer.log");
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void commandsWithoutStatusFilesCountAsRunningAfterTheGraceAndAreStoppedWithEverythingTheyStarted(@TempDir Path reports)
            throws Exception {
        // the consumer command starts a background child and never writes a status file: the run must not wait
        // for one, and teardown must stop the child too (same process group)
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "monitoring", "--report-dir", reports.toString(),
                "-v", "--set", "data.rows=10", "--set", "flink_cdc.startup_grace=1s",
                "--set", "flink_cdc.producer_command=sleep 600 & echo started $!; wait",
                "--set", "flink_cdc.consumer_command=sleep 601 & wait");
        assertThat(run.out() + run.err()).contains("custom command, no status file");
        QuickstartIT.assertNoChildProcesses();
        assertThat(Files.readString(reports.resolve("logs/producer.log"))).contains("started");
    }
}
