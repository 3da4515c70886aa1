package io.cdctest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.Fixtures;
import io.cdctest.cli.CliRunner;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Network links a testcase file or a scenario names that the pipeline does not have, or that this
 * run cannot route: {@code cdctest validate} (in-process, no server) exits 2 with one line naming the
 * file, line and key. Each fixture under {@code spec/links/invalid} gives its scenario ({@code # scenario:}),
 * its overrides ({@code # set:}) and the line it must produce ({@code # expect:}).
 */
class LinkCheckTest {

    static Stream<Path> invalid() {
        return Fixtures.files("spec/links/invalid").stream();
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void aLinkThePipelineCannotBreakIsAConfigurationError(Path file) throws Exception {
        CliRunner run = CliRunner.validate(file);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("cdctest: ").contains(Fixtures.expectation(file));
    }

    @Test
    void theEarlierToolsOutageCutsTheMainLinkOfAMatrixOnePipeline() {
        CliRunner run = CliRunner.run("validate", "--scenario", "mo_to_mo", "--testcase",
                Fixtures.dir("spec/testcases/valid").resolve("legacy_cross_cluster.yaml").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // the task's sink is its main link: the outage has something to cut, so no warning
        assertThat(run.err()).doesNotContain("simulate_network_issue");
    }

    @Test
    void everyLinkTheQuickstartGroupBreaksIsRoutedByDefault() {
        CliRunner run = CliRunner.run("validate", "--scenario", "quickstart", "--group", "network");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
    }
}
