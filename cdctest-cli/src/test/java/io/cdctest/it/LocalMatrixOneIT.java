package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cdctest.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code provision: local}: cdctest starts MatrixOne itself from the mo-service binary in
 * CDCTEST_MO_BINARY (skipped with the reason without one), two clusters side by side, and leaves no
 * mo-service running and no data behind: after a passing run, and after SIGINT and SIGKILL of cdctest.
 */
class LocalMatrixOneIT {
    private static final Pattern RUN_ID = Pattern.compile("cdctest run ([a-z0-9]{6}):");

    private static String binary() {
        String binary = System.getenv("CDCTEST_MO_BINARY");
        assumeTrue(binary != null && !binary.isBlank(), "no mo-service binary: set CDCTEST_MO_BINARY to run this test "
                + "(docs/matrixone.md, provision: local)");
        return binary;
    }

    private static List<String> moToMoLocal(Path reports) {
        return List.of("--scenario", "mo_to_mo", "--group", "basic", "--set", "source.provision=local",
                "--set", "target.provision=local", "--set", "data.rows=300", "--report-dir", reports.toString());
    }

    private static List<ProcessHandle> moServices() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/mo-service")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("/cdctest-")).orElse(false)).toList();
    }

    @Test
    void aRunStartsTwoClustersPassesAndLeavesNothing(@TempDir Path dir) throws Exception {
        binary();
        CliRunner run = CliRunner.run(moToMoLocal(dir).toArray(String[]::new));
        run.assertPassed(6);
        assertThat(run.err()).contains("source    matrixone (local mo-service) ready in",
                "target    matrixone (local mo-service) ready in");
        assertThat(dir.resolve("logs/source-matrixone.log")).isNotEmptyFile();
        assertNothingLeft(run.err());
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "KILL"})
    void aSignalMidRunLeavesNoClusterBehind(String signal, @TempDir Path dir) throws Exception {
        binary();
        CdctestProcess run = CdctestProcess.start(dir, moToMoLocal(dir.resolve("reports")));
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !run.process().isAlive() || run.text().contains("[1/6]"));
            assertThat(run.process().isAlive()).as(run.text()).isTrue();
            assertThat(moServices()).as("two clusters running").hasSize(2);
            run.signal(signal);
            assertThat(run.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(moServices()).as("mo-service left").isEmpty());
            if (signal.equals("KILL")) {
                // a run killed so cannot delete its work directory: the next run sweeps it, as here
                io.cdctest.env.Environment.sweepStale(Path.of(System.getProperty("java.io.tmpdir")));
            }
            assertNothingLeft(run.text());
        } finally {
            run.process().destroyForcibly();
        }
    }

    /** No mo-service of a run alive, and no work directory (its clusters' data) of the run left. */
    private static void assertNothingLeft(String output) throws Exception {
        assertThat(moServices()).as("mo-service processes of runs").isEmpty();
        Matcher id = RUN_ID.matcher(output);
        assertThat(id.find()).as(output).isTrue();
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(dirs.filter(d -> d.getFileName().toString().startsWith("cdctest-" + id.group(1) + "-")))
                    .as("work directory of run " + id.group(1)).isEmpty();
        }
    }

    @Test
    void withoutABinaryTheRunSaysWhereToGetOne(@TempDir Path dir) {
        assumeTrue(System.getenv("CDCTEST_MO_BINARY") == null, "CDCTEST_MO_BINARY is set");
        CliRunner run = CliRunner.run(moToMoLocal(dir).toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(3);
        String failure = run.out().lines().filter(l -> l.startsWith("setup failed:")).findFirst().orElse(run.out());
        assertThat(failure).contains("source.provision: local needs a mo-service binary: set source.binary or "
                + "CDCTEST_MO_BINARY").contains("https://github.com/matrixorigin/matrixone/releases");
    }
}
