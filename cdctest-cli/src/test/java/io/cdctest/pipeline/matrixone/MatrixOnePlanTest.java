package io.cdctest.pipeline.matrixone;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The full statement sequence of each shipped MatrixOne scenario, printed without a server (cdctest plan). */
class MatrixOnePlanTest {

    @Test
    void moToMoPlanMatchesTheReference() {
        CliRunner plan = CliRunner.run("plan", "--scenario", "mo_to_mo");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out().lines().filter(l -> !l.startsWith("--")).toList()).containsExactly(
                "CREATE PITR IF NOT EXISTS `cdctest_pitr_runid` FOR DATABASE `source_db_runid` RANGE 2 'h';",
                "CREATE CDC IF NOT EXISTS `cdctest_runid` 'mysql://root:******@127.0.0.1:6001' 'matrixone' "
                        + "'mysql://root:******@127.0.0.1:6001' 'source_db_runid:target_db_runid' {'Level'='database'};",
                "DROP CDC TASK `cdctest_runid`;",
                "DROP PITR `cdctest_pitr_runid`;");
        assertThat(plan.out()).doesNotContain("111");
    }

    @Test
    void moToMysqlUsesTheMysqlSinkAndTableLevelWhenAsked() {
        CliRunner plan = CliRunner.run("--dry-run", "--scenario", "mo_to_mysql", "--set", "cdc_config.level=table",
                "--set", "cdc_config.no_full=true", "--set", "cdc_config.sink_host=mysql", "--set", "target.password=pw");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("'mysql' 'mysql://root:******@mysql:3306' 'source_db_runid.cdc_test_base:"
                + "target_db_runid.cdc_test_base,source_db_runid.cdc_test_composite_pk:target_db_runid.cdc_test_composite_pk,")
                .contains("{'Level'='table', 'NoFull'='true'};");
    }

    /** MatrixOne's sink URI cannot carry an empty password (invalid uri format): said before anything runs. */
    @Test
    void aMysqlSinkWithoutPasswordIsRefused() {
        CliRunner plan = CliRunner.run("--dry-run", "--scenario", "mo_to_mysql", "--set", "target.password=");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.err().strip()).contains("mo_to_mysql.yaml:", "target.password: MatrixOne cannot dial a sink user "
                + "without a password").doesNotContain("\n");
    }

    @Test
    void ccprPlanMatchesTheReference() {
        CliRunner plan = CliRunner.run("plan", "--scenario", "cross_cluster");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        List<String> statements = plan.out().lines().filter(l -> !l.startsWith("--")).toList();
        assertThat(statements).containsExactly(
                "CREATE PUBLICATION IF NOT EXISTS `cdctest_pub_runid` DATABASE `ccpr_db_runid` ACCOUNT ALL;",
                "CREATE DATABASE IF NOT EXISTS `ccpr_db_runid` FROM 'mysql://root:******@127.0.0.1:6001' `sys` PUBLICATION "
                        + "`cdctest_pub_runid` SYNC INTERVAL 10;");
        assertThat(plan.out()).contains("DROP CCPR SUBSCRIPTION IF EXISTS '<task id>'; DROP DATABASE IF EXISTS `ccpr_db_runid`",
                "DROP PUBLICATION IF EXISTS `cdctest_pub_runid`", "as acc_ccpr#admin");
    }

    @Test
    void sinkPreflightRules() {
        assertThat(MysqlSinkPreflight.utc("+00:00", "CET")).isTrue();
        assertThat(MysqlSinkPreflight.utc("SYSTEM", "UTC")).isTrue();
        assertThat(MysqlSinkPreflight.utc("SYSTEM", "CET")).isFalse();
        assertThat(MysqlSinkPreflight.utc("+08:00", "UTC")).isFalse();
        assertThat(MysqlSinkPreflight.missing(List.of("GRANT ALL PRIVILEGES ON *.* TO `cdc`@`%`"))).isEmpty();
        assertThat(MysqlSinkPreflight.missing(List.of("GRANT USAGE ON *.* TO `cdc`@`%`",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON `dw`.* TO `cdc`@`%`"))).containsExactly("CREATE", "DROP");
    }

    @Test
    void ccprShowRowsAreRead() {
        CcprProgress p = CcprPipeline.fromShow("running", "", "2026-08-20 10:00:05", java.time.ZoneOffset.UTC);
        assertThat(p.state()).isZero();
        assertThat(p.watermark()).isEqualTo(java.time.Instant.parse("2026-08-20T10:00:05Z"));
        assertThat(CcprPipeline.fromShow("running", "", "2026-08-20 18:00:05", java.time.ZoneOffset.ofHours(8)).watermark())
                .as("a server in UTC+8 writes local time").isEqualTo(java.time.Instant.parse("2026-08-20T10:00:05Z"));
        assertThat(MoSession.zoneOf(java.time.LocalDateTime.parse("2026-08-20T10:00:00.000001"),
                java.time.LocalDateTime.parse("2026-08-20T18:00:00.004"))).isEqualTo(java.time.ZoneOffset.ofHours(8));
        assertThat(CcprPipeline.fromShow("pause", null, null, java.time.ZoneOffset.UTC).stateName()).isEqualTo("pause");
        assertThat(CcprPipeline.fromShow("error", "object copy failed", null, java.time.ZoneOffset.UTC).failure())
                .contains("CCPR subscription error: object copy failed");
    }

    @Test
    void withoutMatrixOneTheRunEndsAtOnceSayingHowToProvideOne() {
        CliRunner run = CliRunner.run("--scenario", "mo_to_mo", "--group", "basic", "--set", "source.port=1",
                "--report-dir", System.getProperty("java.io.tmpdir") + "/cdctest-mo-unreachable");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("preflight: source reachable: nothing answers at 127.0.0.1:1",
                "docker run -d -p 1:6001 matrixorigin/matrixone:4.2.0", "--set source.provision=local and CDCTEST_MO_BINARY",
                "--set source.host=");
    }
}
