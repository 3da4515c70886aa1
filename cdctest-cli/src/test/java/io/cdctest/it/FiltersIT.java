package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped filter scenario: an excluded table and filtered deletes must stay off the target.
 * The same testcases with a producer that ignores the filters (a broken pipeline) must fail, naming
 * what leaked: so the passing run proves the filters, not just the absence of a check.
 */
class FiltersIT {

    @Test
    void excludedTablesAndFilteredDeletesStayOffTheTarget(@TempDir Path reports) {
        CliRunner run = CliRunner.run("--scenario", "flink_cdc_filters", "--group", "basic", "--report-dir", reports.toString());
        run.assertPassed(4);
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void aProducerThatIgnoresTheFiltersFailsTheRunNamingWhatLeaked(@TempDir Path reports) {
        Path scripts = Path.of("..", "examples", "flink_cdc_scripts").toAbsolutePath().normalize();
        CliRunner run = CliRunner.run("--scenario", "flink_cdc_filters", "--group", "basic", "--report-dir", reports.toString(),
                "--set", "flink_cdc.path=" + scripts,
                "--set", "flink_cdc.producer_command=env CDCTEST_DML_TYPES=insert,update,delete CDCTEST_EXCLUDE_TABLES= "
                        + "{path}/scripts/producer-realtime.sh --db {db} --tables {tables} --topic {topic}");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                // caught on the target, or (when the check comes while the consumer is still behind) in the topic
                .containsPattern("FL001 .*\\n.*(the filters leaked: cdc_test_composite_pk: \\d+ rows on the target although "
                        + "the table is excluded|the target is right but the topic is not: cdc_test_composite_pk: \\d+ events "
                        + "in Kafka although the table is excluded)")
                .containsPattern("cdc_test_composite_pk: \\d+ rows on the target although the table is excluded")
                .containsPattern("the filters leaked: cdc_test_base: 25 filtered change\\(s\\) reached the target: "
                        + "the delete of id=\\d+");
        QuickstartIT.assertNoChildProcesses();
    }
}
