package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quickstart with every other wire format on the Kafka leg: the built-in producer writes the
 * format, the built-in consumer decodes it, and every table must still arrive whole (Debezium
 * JSON, the default, is QuickstartIT).
 */
class WireFormatsIT {

    @ParameterizedTest
    @ValueSource(strings = {"canal-json", "maxwell-json", "changelog-json", "upsert-kafka", "enterprise-json"})
    void basicGroupPassesWithTheFormat(String format, @TempDir Path reports) throws Exception {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "basic", "--report-dir", reports.toString(),
                "--set", "data.rows=300", "--set", "flink_cdc.format=" + format);

        run.assertPassed(6);
        assertThat(Files.readString(reports.resolve("logs/consumer.log"))).contains("reading " + format + " from");
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void aDroppedEventIsPlacedOnTheConsumerHopWithPerTableTopics(@TempDir Path reports) {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "snapshot", "--report-dir", reports.toString(),
                "--set", "data.rows=300", "--set", "flink_cdc.format=upsert-kafka", "--set", "flink_cdc.consumer_drop_nth=100",
                "--set", "validation.max_wait_time=15");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("missing in target: .+ \\[consumer hop: the row is in Kafka \\(partition 0, offset \\d+\\) "
                + "but not in the target]");
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void anUnknownFormatIsAConfigErrorNamingTheKnownOnes() {
        CliRunner run = CliRunner.run("validate", "--scenario", "quickstart", "--set", "flink_cdc.format=avro");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("flink_cdc.format", "unknown wire format 'avro'", "canal-json", "upsert-kafka");
    }
}
