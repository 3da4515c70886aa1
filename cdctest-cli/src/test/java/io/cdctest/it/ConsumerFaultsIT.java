package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in consumer's fault modes against the quickstart's consumer_faults group: dropping a
 * fraction of events must fail the run naming lost keys on the consumer hop; redelivering batches
 * must pass where at-least-once delivery is declared, and fail where exactly-once is.
 */
class ConsumerFaultsIT {

    /** The consumer_faults group with more options ({@code --set} pairs and the like). */
    private static CliRunner run(Path reports, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--scenario", "quickstart", "--group",
                "consumer_faults", "--report-dir", reports.toString(), "--set", "data.rows=300"));
        args.addAll(java.util.List.of(options));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void droppedEventsFailTheRunNamingTheKeys(@TempDir Path reports) {
        CliRunner run = run(reports, "--set", "flink_cdc.consumer_drop_fraction=0.02", "--timeout-scale", "0.1");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("missing in target: id=\\d+ \\[consumer hop: the row is in Kafka "
                + "\\(partition 0, offset \\d+\\) but not in the target\\]");
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void redeliveryPassesWhereAtLeastOnceIsDeclared(@TempDir Path reports) {
        CliRunner run = run(reports, "--set", "flink_cdc.consumer_redeliver_fraction=0.3", "--set",
                "flink_cdc.delivery=at_least_once");
        run.assertPassed(5);
    }

    @Test
    void redeliveryFailsWhereExactlyOnceIsDeclared(@TempDir Path reports) {
        CliRunner run = run(reports, "--set", "flink_cdc.consumer_redeliver_fraction=0.5");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("the consumer applied \\d+ events twice \\(redelivery\\) although the "
                + "scenario declares exactly-once delivery");
    }
}
