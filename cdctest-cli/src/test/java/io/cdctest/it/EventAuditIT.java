package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka audit finds what the target cannot show: the producer loses the first of two updates
 * of a row (flink_cdc.producer_drop_nth), the second brings the target right, and the run must
 * still fail naming the key, the lost update and the before image that no longer fits.
 */
class EventAuditIT {

    @Test
    void aLostIntermediateUpdateFailsTheRunThoughTheTargetIsRight(@TempDir Path reports) {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "audit", "--report-dir", reports.toString(),
                "--set", "data.rows=200", "--set", "flink_cdc.producer_drop_nth=1");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("PASSED   QS001")
                .contains("the target is right but the topic is not")
                .contains("cdc_test_base id=1: the harness made [insert, update, update], Kafka has [snapshot read, update]")
                .contains("an update never reached Kafka (producer hop)")
                .contains("in col_varchar (before audit-1, row ");
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void withoutTheFaultTheSameTestcasesPassWithTheAuditFigures(@TempDir Path reports) {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "audit", "--report-dir", reports.toString(),
                "--set", "data.rows=200", "-v");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out() + run.err()).contains("Kafka audit: 202 events of 200 keys against the harness's writes: "
                + "none lost or out of order, 0 duplicate(s), 2 before image(s) checked");
    }
}
