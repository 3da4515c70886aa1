package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import io.cdctest.env.EmbeddedMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdctest doctor} against real MariaDB servers given as external endpoints: one set up for
 * CDC passes every check; one started without a binary log fails with the setting to change.
 */
class DoctorIT {

    private static Path scenario(Path dir, int sourcePort, int targetPort) throws Exception {
        Path file = dir.resolve("doctor.yaml");
        Files.writeString(file, String.join("\n",
                "scenario_type: flink_cdc",
                "source: {type: mariadb, host: 127.0.0.1, port: " + sourcePort + ", user: root, database: s}",
                "target: {type: mariadb, host: 127.0.0.1, port: " + targetPort + ", user: root, database: t}",
                "kafka: {provision: embedded}",
                "flink_cdc: {tables: [cdc_test_base]}",
                ""));
        return file;
    }

    @Test
    void aSourceWithoutBinaryLogFailsWithTheFix(@TempDir Path tmp) throws Exception {
        try (EmbeddedMariaDb noBinlog = EmbeddedMariaDb.start("source", tmp.resolve("src"), tmp.resolve("src.log"), 71,
                List.of("--skip-log-bin"));
             EmbeddedMariaDb target = EmbeddedMariaDb.start("target", tmp.resolve("dst"), tmp.resolve("dst.log"), 72)) {
            CliRunner run = CliRunner.run("doctor", "--scenario",
                    scenario(tmp, noBinlog.endpoint().port(), target.endpoint().port()).toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.out())
                    .contains("PASS  source reachable: 127.0.0.1:" + noBinlog.endpoint().port())
                    .contains("FAIL  source binlog: log_bin is OFF")
                    .contains("fix: enable it and restart the server: log_bin=mysql-bin")
                    .contains("PASS  target login")
                    .contains("checks failed (exit 3)");
        }
    }

    @Test
    void aSourceSetUpForCdcPassesAndAnUnreachableTargetFails(@TempDir Path tmp) throws Exception {
        try (EmbeddedMariaDb source = EmbeddedMariaDb.start("source", tmp.resolve("src"), tmp.resolve("src.log"), 73)) {
            CliRunner run = CliRunner.run("doctor", "--scenario", scenario(tmp, source.endpoint().port(), 1).toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.out())
                    .contains("PASS  source binlog: log_bin ON")
                    .contains("PASS  source binlog_format: ROW")
                    .contains("PASS  source binlog_row_image: FULL")
                    .contains("FAIL  target reachable: nothing answers at 127.0.0.1:1")
                    .contains("fix: start the server, or correct target.host / target.port");
        }
    }
}
