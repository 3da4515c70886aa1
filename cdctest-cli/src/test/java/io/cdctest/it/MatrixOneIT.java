package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cdctest.cli.CliRunner;
import io.cdctest.env.EmbeddedMariaDb;
import io.cdctest.env.Ports;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MatrixOne pipelines against a real MatrixOne, when one is reachable: CDCTEST_MO_HOST (and
 * CDCTEST_MO_PORT, CDCTEST_MO_USER, CDCTEST_MO_PASSWORD; for CCPR also CDCTEST_MO_TARGET_ACCOUNT,
 * an existing account whose admin is admin / CDCTEST_MO_PASSWORD). None can run on the project's
 * machines, so these tests are skipped there with that reason; they are never faked. The MySQL
 * sink checks run against a real embedded MariaDB.
 */
class MatrixOneIT {
    private static String moHost() {
        String host = System.getenv("CDCTEST_MO_HOST");
        assumeTrue(host != null && !host.isBlank(),
                "no MatrixOne reachable: set CDCTEST_MO_HOST (and CDCTEST_MO_PORT/USER/PASSWORD) to run this test");
        int port = Integer.parseInt(System.getenv().getOrDefault("CDCTEST_MO_PORT", "6001"));
        assumeTrue(Ports.reachable(host, port, 3000), "no MatrixOne answers at " + host + ":" + port);
        return host;
    }

    private static String[] endpointOverrides(String host) {
        String port = System.getenv().getOrDefault("CDCTEST_MO_PORT", "6001");
        return new String[] {"--set", "source.host=" + host, "--set", "source.port=" + port, "--set", "target.host=" + host,
            "--set", "target.port=" + port};
    }

    @Test
    void moToMoBasicGroupPasses(@TempDir Path dir) {
        String host = moHost();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--scenario", "mo_to_mo", "--group", "basic",
                "--report-dir", dir.toString(), "--set", "data.rows=300"));
        args.addAll(java.util.List.of(endpointOverrides(host)));
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void moToMoPauseResumeAndRestartLoseNothing(@TempDir Path dir) {
        String host = moHost();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--scenario", "mo_to_mo", "--group", "control",
                "--report-dir", dir.toString(), "--set", "data.rows=300"));
        args.addAll(java.util.List.of(endpointOverrides(host)));
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void ccprBasicAndDdlGroupsPass(@TempDir Path dir) {
        String host = moHost();
        String account = System.getenv("CDCTEST_MO_TARGET_ACCOUNT");
        assumeTrue(account != null && !account.isBlank(), "set CDCTEST_MO_TARGET_ACCOUNT to an account for the CCPR target");
        for (String group : new String[] {"basic", "ddl"}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--scenario", "cross_cluster", "--group",
                    group, "--report-dir", dir.resolve(group).toString(), "--set", "data.rows=300", "--set",
                    "target.account=" + account));
            args.addAll(java.util.List.of(endpointOverrides(host)));
            CliRunner run = CliRunner.run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(group + ": " + run.out() + run.err()).isZero();
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
