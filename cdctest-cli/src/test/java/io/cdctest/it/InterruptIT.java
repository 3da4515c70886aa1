package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdctest.CdctestHome;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cdctest as a real process, interrupted: Ctrl-C in the middle of a run, and SIGKILL of the JVM
 * itself. Either way nothing it started may remain.
 */
class InterruptIT {

    /** With the built-in producer and consumer, and with both started from scripts (their own process group). */
    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "flink_cdc_scripts"})
    void killDashNineOfCdctestTakesEveryChildAlong(String scenario, @TempDir Path dir) throws Exception {
        CdctestHome home = CdctestHome.locate();
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcdctest.home=" + home.root(), "-cp", home.classpath("cdctest-cli"), "io.cdctest.cli.Main",
                "--scenario", scenario, "--group", "monitoring", "--keep-env", "--report-dir",
                dir.resolve("reports").toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !process.isAlive() || Files.readString(output).contains("source database:"));
            List<ProcessHandle> started = process.descendants().toList();
            assertThat(started).as(Files.readString(output)).hasSizeGreaterThanOrEqualTo(5);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(started.stream().filter(ProcessHandle::isAlive).map(p -> p.pid() + " "
                            + p.info().commandLine().orElse("?")).toList()).as("children left after kill -9").isEmpty());
            assertThat(workDirectories()).as("the dead run's work directory").isNotEmpty();
            io.cdctest.env.Environment.sweepStale(Path.of(System.getProperty("java.io.tmpdir")));
            assertThat(workDirectories()).as("work directories of dead runs are swept by the next run").isEmpty();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Work directories of runs whose process is gone. */
    private static List<Path> workDirectories() throws Exception {
        try (var dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("cdctest-"))
                    .filter(p -> Files.exists(p.resolve("owner.pid"))).filter(p -> {
                        try {
                            long pid = Long.parseLong(Files.readString(p.resolve("owner.pid")).trim());
                            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                        } catch (Exception e) {
                            return false;
                        }
                    }).toList();
        }
    }

    @Test
    void ctrlCDuringTestcasesTearsEverythingDown(@TempDir Path dir) throws Exception {
        CdctestHome home = CdctestHome.locate();
        Path output = dir.resolve("output.txt");
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/env").canExecute()) {
            // a shell that started us in the background may have set SIGINT to "ignore"; undo that for the child
            command.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcdctest.home=" + home.root(), "-cp", home.classpath("cdctest-cli"), "io.cdctest.cli.Main",
                "--scenario", "quickstart", "--group", "incremental", "--report-dir", dir.resolve("reports").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !process.isAlive() || Files.readString(output).contains("[1/2]"));
            assertThat(process.isAlive()).as(Files.readString(output)).isTrue();
            List<ProcessHandle> started = process.descendants().toList();
            assertThat(started).as("children while running").hasSizeGreaterThanOrEqualTo(5);

            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("cdctest exits after Ctrl-C").isTrue();

            assertThat(Files.readString(output)).contains("interrupted: tearing down the environment");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(started.stream().filter(ProcessHandle::isAlive).map(p -> p.pid() + " "
                            + p.info().commandLine().orElse("?")).toList()).as("processes left behind").isEmpty());
            assertThat(workDirectories()).as("run work directories left behind").isEmpty();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
