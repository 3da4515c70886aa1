package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault steps on the embedded default: the producer killed (SIGKILL), the consumer stopped and
 * started, killed, and paused (SIGSTOP), the Kafka broker restarted, the source database restarted,
 * the target database killed, each while the source keeps changing; the pipeline must converge with
 * every row equal and every change in Kafka.
 */
class FaultsIT {

    @Test
    void thePipelineConvergesAfterEveryFault(@TempDir Path reports) {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "faults", "--report-dir", reports.toString(),
                "--set", "data.rows=300", "-v");
        run.assertPassed(8);
        assertThat(run.out() + run.err())
                .contains("fault: producer killed (SIGKILL) and running again after")
                .contains("fault: consumer stopped; it stays down until a fault step starts it")
                .contains("fault: kafka restarted in")
                .contains("fault: consumer paused (SIGSTOP) for 4.0 s")
                .contains("fault: consumer killed (SIGKILL) and running again after")
                .contains("fault: source restarted in")
                .contains("fault: target killed (SIGKILL) and running again after")
                .contains("none lost or out of order");
        // QS074 restarts the consumer just before QS076 kills the target: the new consumer has yet to read
        // cdc_test_base's definition, and must wait for the target to come back rather than fail
        assertThat(reports.resolve("logs/consumer.log")).content().contains("unreachable (cannot read the definition of");
        QuickstartIT.assertNoChildProcesses();
    }
}
