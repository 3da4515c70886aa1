package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped sharded-merge scenario: four shards in two databases (one lacking a column) merged by
 * the consumer's route into one table keyed by (database, table, id), checked shard by shard with
 * the many-to-one mapping; and the same checks finding sabotage on the right shard.
 */
class ShardedMergeIT {

    @Test
    void shardsMergeIntoOneTable(@TempDir Path reports) {
        CliRunner run = CliRunner.run("--scenario", "sharded_merge", "--group", "basic", "--report-dir", reports.toString());
        run.assertPassed(5);
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void sabotageOfTheMergedTableIsFoundOnItsShard(@TempDir Path reports) {
        CliRunner run = CliRunner.run("--scenario", "sharded_merge", "--group", "explain", "--report-dir", reports.toString(),
                "-v");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out() + run.err())
                .contains("found as expected: missing in target: id=5")
                .contains("found as expected: different: id=7 [corrupt]: name: source 'alice_7', target 'sabotaged'");
        QuickstartIT.assertNoChildProcesses();
    }
}
