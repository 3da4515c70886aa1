package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdctest.CdctestHome;
import io.cdctest.Fixtures;
import io.cdctest.env.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing left behind: cdctest as a real process that passes, fails, times out in a step, is
 * stopped with SIGINT, SIGTERM or SIGKILL, or loses one of its children to a kill -9 from outside.
 * Afterwards no process it started is alive and its work directory (data of the embedded
 * databases and the broker included) is gone.
 */
class TeardownIT {
    private static final String TESTCASES = Fixtures.dir("teardown/teardown_tests.yaml").toString();
    /** The timeout of TD002's validate_sync steps. */
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void aPassingRunLeavesNothing(@TempDir Path dir) throws Exception {
        try (Cdctest run = Cdctest.start(dir, "--scenario", "quickstart", "--group", "basic")) {
            assertThat(run.awaitExit(Duration.ofMinutes(3))).as(run.output()).isZero();
            assertThat(run.output()).contains("result: all testcases passed (exit 0)");
            run.assertNothingLeft(true);
        }
    }

    /** Two testcases that fail differently: bad SQL on the source, and a validate_sync that times out after sabotage. */
    @Test
    void aFailedStepAndAStepTimeoutLeaveNothing(@TempDir Path dir) throws Exception {
        try (Cdctest run = Cdctest.start(dir, "--scenario", "quickstart", "--testcase", TESTCASES,
                "--group", "failing")) {
            assertThat(run.awaitExit(Duration.ofMinutes(3))).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("FAILED   TD010", "no_such_table' doesn't exist",
                    "FAILED   TD011", "not in sync after 3.0 s", "missing in target: id=1");
            run.assertNothingLeft(true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalMidRunTearsEverythingDownPromptly(String signal, @TempDir Path dir) throws Exception {
        try (Cdctest run = Cdctest.running(dir, "quickstart")) {
            run.awaitOutput("[2/2] TD002");
            run.signal(signal);
            run.awaitExit(Duration.ofSeconds(60));
            assertThat(run.output()).contains("interrupted: tearing down the environment");
            run.assertNothingLeft(false);
        }
    }

    /** With the built-in producer and consumer, and with both started from scripts (their own process group). */
    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "flink_cdc_scripts"})
    void sigkillOfTheHarnessTakesEveryChildAlong(String scenario, @TempDir Path dir) throws Exception {
        try (Cdctest run = Cdctest.running(dir, scenario)) {
            run.awaitOutput("[2/2] TD002");
            run.signal("KILL");
            run.awaitExit(Duration.ofSeconds(10));
            run.assertNoDescendantAlive();
            // a run killed with SIGKILL cannot delete its work directory: the next run sweeps it
            Environment.sweepStale(Path.of(System.getProperty("java.io.tmpdir")));
            run.assertNothingLeft(false);
        }
    }

    /**
     * A child killed from outside (not by a fault step) while the source keeps changing: the run
     * notices within the step, fails naming the component, and tears down the rest.
     *
     * @param component names the case
     * @param program  the child's executable (not the shell guarding a database)
     * @param argument what tells it from its siblings on its command line
     * @param exitCode 1 for a pipeline component that broke, 3 for a database (the environment)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "producer        | java     | io.cdctest.producer.FlinkCdcProducer               | 1 | producer exited with code 137",
            "consumer        | java     | io.cdctest.pipeline.flinkcdc.consumer.ConsumerMain | 1 | consumer exited with code 137",
            "kafka broker    | java     | io.cdctest.kafka.BrokerMain                        | 1 | the Kafka broker stopped",
            "source database | mariadbd | /source-db/                                        | 3 | the source database died",
            "target database | mariadbd | /target-db/                                        | 3 | the target database died"})
    void theDeathOfAChildIsNoticedAndNamed(String component, String program, String argument, int exitCode, String message,
                                           @TempDir Path dir) throws Exception {
        try (Cdctest run = Cdctest.running(dir, "quickstart")) {
            run.awaitOutput("[2/2] TD002");
            ProcessHandle child = run.child(program, argument);
            long killed = System.nanoTime();
            child.destroyForcibly();
            assertThat(run.awaitExit(Duration.ofSeconds(90))).as(run.output()).isEqualTo(exitCode);
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("noticed within the step's timeout, teardown included")
                    .isLessThan(STEP_TIMEOUT);
            assertThat(run.output()).contains("TD002", message);
            run.assertNothingLeft(true);
        }
    }

    /**
     * cdctest as a real process (its own JVM, as the launcher starts it), with the data cut to 200
     * rows; records every process it starts while it runs.
     */
    private static final class Cdctest implements AutoCloseable {
        private static final Pattern RUN_ID = Pattern.compile("cdctest run (\\w+):");

        private final Process process;
        private final Path output;
        private final Path reportDir;
        private final Map<Long, ProcessHandle> descendants = new ConcurrentHashMap<>();
        private final ScheduledExecutorService recorder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "descendants");
            t.setDaemon(true);
            return t;
        });

        private Cdctest(Process process, Path output, Path reportDir) {
            this.process = process;
            this.output = output;
            this.reportDir = reportDir;
            recorder.scheduleWithFixedDelay(this::record, 0, 100, TimeUnit.MILLISECONDS);
        }

        /** A run of TD001 (in sync) then TD002 (DML and validate_sync in a loop): long enough to break something. */
        static Cdctest running(Path dir, String scenario) throws IOException {
            return start(dir, "--scenario", scenario, "--testcase", TESTCASES, "--group", "running");
        }

        static Cdctest start(Path dir, String... args) throws IOException {
            CdctestHome home = CdctestHome.locate();
            List<String> command = new ArrayList<>();
            if (new File("/usr/bin/env").canExecute()) {
                // a shell that started us in the background may have set SIGINT to "ignore"; undo that for the child
                command.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
            }
            Path reportDir = dir.resolve("reports");
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-XX:+UseSerialGC", "-Dcdctest.home=" + home.root(), "-cp", home.classpath("cdctest-cli"),
                    "io.cdctest.cli.Main", "--report-dir", reportDir.toString(), "--set", "data.rows=200"));
            command.addAll(List.of(args));
            Path output = dir.resolve("output.txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new Cdctest(process, output, reportDir);
        }

        private void record() {
            process.descendants().forEach(p -> descendants.putIfAbsent(p.pid(), p));
        }

        String output() {
            try {
                return Files.readString(output);
            } catch (IOException e) {
                return "(cannot read " + output + ": " + e + ")";
            }
        }

        /** Waits until cdctest has printed {@code text}; fails if it exits first. */
        void awaitOutput(String text) {
            await().alias("cdctest printing " + text).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || output().contains(text));
            assertThat(process.isAlive()).as("cdctest still running after printing %s:%n%s", text, output()).isTrue();
        }

        /** The running descendant that is {@code program} (its file name) with {@code argument} on its command line. */
        ProcessHandle child(String program, String argument) {
            record();
            List<ProcessHandle> found = descendants.values().stream().filter(ProcessHandle::isAlive).filter(p -> {
                String commandLine = commandLine(p);
                String executable = commandLine.split(" ", 2)[0];
                return executable.substring(executable.lastIndexOf('/') + 1).equals(program) && commandLine.contains(argument);
            }).toList();
            assertThat(found).as("the one %s with %s among%n%s", program, argument, describe(descendants.values().stream()))
                    .hasSize(1);
            return found.get(0);
        }

        /** Sends a signal (INT, TERM, KILL) to the cdctest JVM, after recording its descendants once more. */
        void signal(String signal) throws Exception {
            record();
            assertThat(descendants).as("children while running").hasSizeGreaterThanOrEqualTo(5);
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
        }

        /** The exit code, once cdctest has exited within {@code timeout}. */
        int awaitExit(Duration timeout) throws InterruptedException {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(exited).as("cdctest exited within %s:%n%s", timeout, output()).isTrue();
            recorder.shutdownNow();
            return process.exitValue();
        }

        void assertNoDescendantAlive() {
            assertThat(descendants).as("children recorded").isNotEmpty();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(describe(descendants.values().stream()
                    .filter(ProcessHandle::isAlive))).as("processes left behind").isEmpty());
        }

        /** After the exit: no process it started alive, no work directory of the run, the JUnit XML if expected. */
        void assertNothingLeft(boolean reportExpected) throws IOException {
            assertNoDescendantAlive();
            Matcher id = RUN_ID.matcher(output());
            assertThat(id.find()).as("run id in%n%s", output()).isTrue();
            try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                assertThat(dirs.filter(d -> d.getFileName().toString().startsWith("cdctest-" + id.group(1) + "-")))
                        .as("work directory of run %s", id.group(1)).isEmpty();
            }
            if (reportExpected) {
                assertThat(reportDir.resolve("junit.xml")).as(output()).isRegularFile();
            }
        }

        private static List<String> describe(Stream<ProcessHandle> processes) {
            return processes.map(p -> p.pid() + " " + commandLine(p).replaceAll("-cp \\S+", "-cp ...")).toList();
        }

        /** The whole command line: ProcessHandle.Info cuts long ones (a class path) before the main class. */
        private static String commandLine(ProcessHandle p) {
            try {
                return Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).replace('\0', ' ').trim();
            } catch (IOException e) {
                return p.info().commandLine().orElse("?");
            }
        }

        @Override
        public void close() {
            recorder.shutdownNow();
            descendants.values().forEach(ProcessHandle::destroyForcibly);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
