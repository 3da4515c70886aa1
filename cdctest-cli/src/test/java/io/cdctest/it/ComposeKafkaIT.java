package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.CdctestHome;
import io.cdctest.cli.CliRunner;
import io.cdctest.env.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kafka.provision: compose}, the earlier tool's docker-compose Kafka: used as it is when it
 * already answers (compose is not even looked for: there is no Docker on these machines), and a
 * clear environment error when it does not answer and cannot be started.
 */
class ComposeKafkaIT {

    @Test
    void aComposeKafkaThatIsAlreadyUpIsUsedAndLeftRunning(@TempDir Path tmp) throws Exception {
        Path composeDir = Files.createDirectories(tmp.resolve("flink-cdc"));
        Files.writeString(composeDir.resolve("docker-compose.yml"), "services: {}\n");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(CdctestHome.locate(), tmp.resolve("broker"), tmp.resolve("broker.log"),
                java.util.List.of(), io.cdctest.env.net.Links.none())) {
            CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "snapshot", "--report-dir",
                    tmp.resolve("reports").toString(), "--set", "data.rows=50", "--set", "kafka.provision=compose",
                    "--set", "kafka.compose_dir=" + composeDir, "--set", "kafka.bootstrap_servers=" + kafka.bootstrapServers(),
                    "--set", "flink_cdc.stop_kafka_on_teardown=true");
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(kafka.isAlive()).as("a Kafka the run did not start is never stopped").isTrue();
        }
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void aComposeKafkaThatIsDownWithoutDockerIsAnEnvironmentError(@TempDir Path tmp) throws Exception {
        Path composeDir = Files.createDirectories(tmp.resolve("flink-cdc"));
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "snapshot", "--report-dir",
                tmp.resolve("reports").toString(), "--set", "kafka.provision=compose",
                "--set", "kafka.compose_dir=" + composeDir, "--set", "kafka.bootstrap_servers=127.0.0.1:1");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out() + run.err()).contains("kafka.provision: compose: nothing answers at 127.0.0.1:1 and neither "
                + "'docker compose' nor 'docker-compose' is on the PATH");
        QuickstartIT.assertNoChildProcesses();
    }
}
