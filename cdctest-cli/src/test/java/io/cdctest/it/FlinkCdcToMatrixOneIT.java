package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cdctest.cli.CliRunner;
import io.cdctest.env.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flink_cdc pipeline into a real MatrixOne: embedded MariaDB source, built-in producer and
 * consumer, MatrixOne target given by CDCTEST_MO_HOST (and CDCTEST_MO_PORT, CDCTEST_MO_USER,
 * CDCTEST_MO_PASSWORD). No MatrixOne can run on the project's machines, so without one this test
 * is skipped and says why; it is never faked.
 */
class FlinkCdcToMatrixOneIT {

    @Test
    void quickstartTestcasesPassIntoMatrixOne(@TempDir Path dir) throws Exception {
        String host = System.getenv("CDCTEST_MO_HOST");
        assumeTrue(host != null && !host.isBlank(),
                "no MatrixOne reachable: set CDCTEST_MO_HOST (and CDCTEST_MO_PORT/USER/PASSWORD) to run this test");
        int port = Integer.parseInt(System.getenv().getOrDefault("CDCTEST_MO_PORT", "6001"));
        assumeTrue(Ports.reachable(host, port, 3000), "no MatrixOne answers at " + host + ":" + port);

        Path scenario = dir.resolve("mariadb_to_matrixone.yaml");
        Files.writeString(scenario, """
                scenario_type: flink_cdc
                testcase: quickstart_tests.yaml
                source: {type: mariadb, provision: embedded, database: cdc_source}
                target:
                  type: matrixone
                  host: ${CDCTEST_MO_HOST}
                  port: ${CDCTEST_MO_PORT:-6001}
                  user: ${CDCTEST_MO_USER:-root}
                  password: ${CDCTEST_MO_PASSWORD:-111}
                  database: cdc_target
                flink_cdc: {tables: [cdc_test_base, cdc_test_composite_pk]}
                data: {rows: 300}
                validation: {check_interval: 2s, max_wait_time: 180s}
                """);
        CliRunner run = CliRunner.run("--scenario", scenario.toString(), "--group", "basic",
                "--report-dir", dir.resolve("reports").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        QuickstartIT.assertNoChildProcesses();
    }
}
