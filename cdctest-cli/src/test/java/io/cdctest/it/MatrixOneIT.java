package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cdctest.cli.CliRunner;
import io.cdctest.env.EmbeddedMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MatrixOne pipelines against a real MatrixOne 4.2 (see {@link MatrixOneCluster} for the
 * variables that name it; without one every test here is skipped with that reason). Each shipped
 * scenario runs every group of its testcase file, and afterwards the clusters hold nothing the run
 * created: no CDC task, watermark row, PITR, publication, subscription, account or database, also
 * after a failing run and a run stopped with Ctrl-C. The MySQL sink is a real MariaDB started here.
 */
class MatrixOneIT {
    /** Every CCPR testcase but the UPDATE/DELETE one, which MatrixOne 4.2 fails within one cluster (CC050). */
    private static final String CCPR_ONE_CLUSTER = "CC001,CC002,CC003,CC004,CC006,CC007,CC008,CC020,CC030,CC031,CC040";

    private static List<String> args(Path dir, String scenario, String... more) {
        List<String> args = new ArrayList<>(List.of("--scenario", scenario, "--report-dir", dir.resolve("reports").toString(),
                "--set", "data.rows=300"));
        args.addAll(List.of(more));
        return args;
    }

    private static CliRunner run(List<String> args) {
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void moToMoPassesEveryGroupAndLeavesNothing(@TempDir Path dir) throws Exception {
        MatrixOneCluster mo = MatrixOneCluster.first();
        TreeSet<String> before = mo.inventory();
        List<String> args = args(dir, "mo_to_mo");
        args.addAll(mo.as("source"));
        args.addAll(mo.as("target"));
        CliRunner run = run(args);
        run.assertPassed(16);
        assertThat(run.out()).contains("TC095").contains("TC021");
        assertThat(mo.leftSince(before)).as("left on " + mo.address()).isEmpty();
    }

    @Test
    void moToMysqlPassesEveryGroupIntoMariaDb(@TempDir Path dir) throws Exception {
        MatrixOneCluster mo = MatrixOneCluster.first();
        assumeTrue(mo.local(), "the MariaDB sink this test starts listens on loopback, which MatrixOne at " + mo.address()
                + " cannot reach");
        TreeSet<String> before = mo.inventory();
        List<String> args = args(dir, "mo_to_mysql", "--set", "target.provision=embedded", "--set", "target.type=mariadb");
        args.addAll(mo.as("source"));
        CliRunner run = run(args);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        // MySQL has no vector type: the vector testcase is skipped, saying so
        assertThat(run.out()).contains("16 testcases: 15 passed, 0 failed, 1 skipped")
                .contains("does not replicate the generator table cdc_test_vector_index");
        assertThat(mo.leftSince(before)).as("left on " + mo.address()).isEmpty();
    }

    @Test
    void ccprBetweenTwoAccountsOfOneClusterPassesAndCatchesTheTombstoneBug(@TempDir Path dir) throws Exception {
        MatrixOneCluster mo = MatrixOneCluster.first();
        TreeSet<String> before = mo.inventory();
        List<String> args = args(dir.resolve("all"), "cross_cluster", "--id", CCPR_ONE_CLUSTER);
        args.addAll(mo.as("source"));
        args.addAll(mo.asCcprTarget());
        CliRunner run = run(args);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("10 passed, 0 failed, 1 skipped");
        assertThat(run.err()).contains("created on " + mo.address());
        assertThat(mo.leftSince(before)).as("left on " + mo.address()).isEmpty();

        // MatrixOne 4.2 bug (docs/matrixone.md): in one cluster a copied DELETE breaks the publisher's table
        List<String> dml = args(dir.resolve("dml"), "cross_cluster", "--group", "dml");
        dml.addAll(mo.as("source"));
        dml.addAll(mo.asCcprTarget());
        CliRunner broken = run(dml);
        assertThat(broken.exitCode()).as(broken.out() + broken.err()).isNotZero();
        assertThat(broken.out()).contains("cannot read ccpr_db_").contains(".cdc_ccpr_dml: ");
        assertThat(mo.leftSince(before)).as("left on " + mo.address() + " after the failing run").isEmpty();
    }

    @Test
    void ccprBetweenTwoClustersPassesEveryGroup(@TempDir Path dir) throws Exception {
        MatrixOneCluster up = MatrixOneCluster.first();
        MatrixOneCluster down = MatrixOneCluster.second();
        TreeSet<String> beforeUp = up.inventory();
        TreeSet<String> beforeDown = down.inventory();
        List<String> args = args(dir, "cross_cluster");
        args.addAll(up.as("source"));
        args.addAll(down.asCcprTarget());
        CliRunner run = run(args);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("11 passed, 0 failed, 1 skipped");
        assertThat(up.leftSince(beforeUp)).as("left on " + up.address()).isEmpty();
        assertThat(down.leftSince(beforeDown)).as("left on " + down.address()).isEmpty();
    }

    /** A table MatrixOne stops on an error it cannot record fails the step at once, long before its timeout. */
    @Test
    void aTableTheTaskStopsOnFailsTheStepAtOnce(@TempDir Path dir) throws Exception {
        MatrixOneCluster mo = MatrixOneCluster.first();
        TreeSet<String> before = mo.inventory();
        // without data.avoid: BIT values with a byte 0x27 break MatrixOne's sink SQL
        Path scenario = dir.resolve("mo_bit.yaml");
        Files.writeString(scenario, """
                scenario_type: mo_to_mo
                testcase: common_tests.yaml
                source: {type: matrixone, host: %1$s, port: %2$d, user: %3$s, password: "%4$s", database: bit_src}
                target: {type: matrixone, host: %1$s, port: %2$d, user: %3$s, password: "%4$s", database: bit_dst}
                data: {tables: [cdc_test_base], rows: 300}
                """.formatted(mo.host(), mo.port(), mo.user(), mo.password()));
        long start = System.nanoTime();
        CliRunner run = CliRunner.run("--scenario", scenario.toString(), "--id", "TC001", "--report-dir",
                dir.resolve("reports").toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(run.exitCode()).as(run.out() + run.err()).isNotZero();
        assertThat(run.out() + run.err()).contains("cdc_test_base").contains("non-retryable");
        assertThat(took).as("TC001 waits up to 180 s").isLessThan(Duration.ofSeconds(120));
        assertThat(mo.leftSince(before)).as("left on " + mo.address()).isEmpty();
    }

    @Test
    void aFailingRunAndAnInterruptedRunLeaveNothing(@TempDir Path dir) throws Exception {
        MatrixOneCluster mo = MatrixOneCluster.first();
        TreeSet<String> before = mo.inventory();
        Path testcases = dir.resolve("failing.yaml");
        Files.writeString(testcases, """
                test_groups: {failing: [F001], long: [L001]}
                test_cases:
                  - id: F001
                    name: "A row removed on the target is caught"
                    table: cdc_test_base
                    steps:
                      - action: validate_sync
                      - action: sql
                        on: target
                        sql: "DELETE FROM cdc_test_base WHERE id = 1"
                      - action: validate_sync
                        timeout: 5
                  - id: L001
                    name: "Waits long enough to be interrupted"
                    steps:
                      - action: validate_sync
                      - action: pause_cdc
                      - action: insert
                        table: cdc_test_base
                        count: 10
                      - action: validate_sync
                        timeout: 600
                """);
        List<String> failing = args(dir.resolve("failing"), "mo_to_mo", "--testcase", testcases.toString(), "--group", "failing");
        failing.addAll(mo.as("source"));
        failing.addAll(mo.as("target"));
        CliRunner run = run(failing);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("missing in target: id=1");
        assertThat(mo.leftSince(before)).as("left on " + mo.address() + " by a failing run").isEmpty();

        for (String scenario : List.of("mo_to_mo", "cross_cluster")) {
            List<String> args = args(dir.resolve(scenario), scenario, "--testcase", testcases.toString(), "--group", "long");
            args.addAll(mo.as("source"));
            args.addAll(scenario.equals("mo_to_mo") ? mo.as("target") : mo.asCcprTarget());
            interrupt(dir.resolve(scenario), args, "[1/1] L001");
            assertThat(mo.leftSince(before)).as("left on " + mo.address() + " by " + scenario + " stopped with Ctrl-C").isEmpty();
        }
    }

    /** Runs cdctest as a process of its own, sends it SIGINT once it printed {@code ready}, and waits for it. */
    private static void interrupt(Path dir, List<String> args, String ready) throws Exception {
        CdctestProcess run = CdctestProcess.start(dir, args);
        try {
            await().alias("cdctest printing " + ready).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !run.process().isAlive() || run.text().contains(ready));
            assertThat(run.process().isAlive()).as(run.text()).isTrue();
            run.signal("INT");
            assertThat(run.process().waitFor(3, TimeUnit.MINUTES)).as("cdctest exited after SIGINT:%n%s", run.text()).isTrue();
            assertThat(run.text()).contains("interrupted: tearing down");
        } finally {
            run.process().destroyForcibly();
        }
    }

    @Test
    void mysqlSinkMustRunInUtc(@TempDir Path dir) throws Exception {
        try (EmbeddedMariaDb mysql = EmbeddedMariaDb.start("target", dir.resolve("db"), dir.resolve("db.log"), 81)) {
            io.cdctest.pipeline.matrixone.MysqlSinkPreflight.check(mysql.endpoint());
            try (Connection c = mysql.endpoint().connect(); Statement st = c.createStatement()) {
                st.execute("SET GLOBAL time_zone = '+08:00'");
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.cdctest.pipeline.matrixone.MysqlSinkPreflight.check(
                    mysql.endpoint())).hasMessageContaining("needs the MySQL server in UTC (global time_zone is +08:00");
        }
    }
}
