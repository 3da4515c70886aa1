package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flink_cdc pipeline into a real MatrixOne: embedded MariaDB source, the Flink CDC job, Kafka and
 * the built-in consumer, the target the MatrixOne {@link MatrixOneCluster} names (skipped with the
 * reason without one; never faked). The shipped scenario runs every group of its testcase file, and
 * the quickstart's testcases run into MatrixOne too (composite keys, key changes, explanations).
 */
class FlinkCdcToMatrixOneIT {

    @Test
    void theShippedScenarioPassesEveryGroup(@TempDir Path dir) throws Exception {
        MatrixOneCluster mo = MatrixOneCluster.first();
        TreeSet<String> before = mo.inventory();
        List<String> args = new ArrayList<>(List.of("--scenario", "flink_cdc", "--report-dir", dir.toString(),
                "--set", "source.provision=embedded", "--set", "source.type=mariadb", "--set", "data.rows=1000"));
        args.addAll(mo.as("target"));
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        run.assertPassed(6);
        assertThat(mo.leftSince(before)).as("left on " + mo.address()).isEmpty();
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void quickstartTestcasesPassIntoMatrixOne(@TempDir Path dir) throws Exception {
        MatrixOneCluster mo = MatrixOneCluster.first();
        Path scenario = dir.resolve("mariadb_to_matrixone.yaml");
        Files.writeString(scenario, """
                scenario_type: flink_cdc
                testcase: quickstart_tests.yaml
                source: {type: mariadb, provision: embedded, database: cdc_source}
                target: {type: matrixone, host: %s, port: %d, user: %s, password: "%s", database: cdc_target}
                flink_cdc: {tables: [cdc_test_base, cdc_test_composite_pk]}
                data: {rows: 300}
                validation: {check_interval: 2s, max_wait_time: 180s}
                """.formatted(mo.host(), mo.port(), mo.user(), mo.password()));
        for (String group : List.of("basic", "explain")) {
            CliRunner run = CliRunner.run("--scenario", scenario.toString(), "--group", group,
                    "--report-dir", dir.resolve(group).toString());
            assertThat(run.exitCode()).as(group + ": " + run.out() + run.err()).isZero();
        }
        QuickstartIT.assertNoChildProcesses();
    }
}
