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

/** Ctrl-C in the middle of a run: cdctest as a real process, SIGINT, then nothing it started may remain. */
class InterruptIT {

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
            assertThat(Files.list(Path.of(System.getProperty("java.io.tmpdir")))
                    .filter(p -> p.getFileName().toString().startsWith("cdctest-"))
                    .filter(p -> p.toFile().lastModified() > System.currentTimeMillis() - 600_000)
                    .filter(p -> Files.exists(p.resolve("source-db")))).as("run work directories left behind").isEmpty();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
