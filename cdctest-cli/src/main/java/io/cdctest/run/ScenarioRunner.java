package io.cdctest.run;

import io.cdctest.CdctestException;
import io.cdctest.CdctestHome;
import io.cdctest.ExitCode;
import io.cdctest.env.DatabaseServer;
import io.cdctest.env.Environment;
import io.cdctest.env.net.Links;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineMetrics;
import io.cdctest.pipeline.Pipelines;
import io.cdctest.report.ConsoleReport;
import io.cdctest.report.Lag;
import io.cdctest.report.ReportWriter;
import io.cdctest.report.RunReport;
import io.cdctest.report.Status;
import io.cdctest.report.TestcaseResult;
import io.cdctest.run.junit.JunitSuiteRunner;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.TestCase;
import io.cdctest.spec.TestSuite;
import io.cdctest.workload.WriteLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs the testcases of one scenario: stands up the environment and the pipeline, loads the data,
 * executes the testcases through the JUnit Platform, writes the reports and always tears down.
 */
public final class ScenarioRunner {
    private final CdctestHome home;
    private final Console console;

    public ScenarioRunner(CdctestHome home, Console console) {
        this.home = home;
        this.console = console;
    }

    /** A short run id: the suffix of every database, topic and group the run creates. */
    static String newRunId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder().append((char) ('a' + random.nextInt(26)));
        for (int i = 0; i < 5; i++) {
            id.append(Character.forDigit(random.nextInt(36), 36));
        }
        return id.toString();
    }

    public RunReport run(Scenario scenario, TestSuite suite, String group, List<TestCase> testcases,
                         RunOptions options) {
        String runId = newRunId();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        console.info("cdctest run " + runId + ": scenario " + scenario.name() + " (" + scenario.type() + "), "
                + suite.file().getFileName() + (group == null ? "" : ", group " + group) + ", " + testcases.size()
                + " testcase" + (testcases.size() == 1 ? "" : "s") + ", reports in " + options.reportDir());
        Map<String, Duration> phases = new LinkedHashMap<>();
        Environment env = new Environment(home, workDirectory(runId), options.reportDir().resolve("logs"));
        Thread hook = new Thread(() -> {
            if (!env.isClosed()) {
                console.warn("interrupted: tearing down the environment");
            }
            env.close();
        }, "cdctest-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        List<TestcaseResult> results = List.of();
        Lag lag = Lag.NONE;
        WriteLog writeLog = new WriteLog();
        String setupError = null;
        ExitCode setupFailure = null;
        Pipeline pipeline = null;
        try {
            long setupStart = System.nanoTime();
            for (Endpoint endpoint : List.of(scenario.source(), scenario.target())) {
                io.cdctest.env.MatrixOneAccount.ensure(endpoint).ifPresent(a -> {
                    env.own("account " + a.name(), a);
                    console.info("  account   " + a.name() + " created on " + endpoint.address() + " for the " + endpoint.role()
                            + " (dropped at the end)");
                });
            }
            io.cdctest.preflight.Doctor.require(scenario);
            // owned before the pipeline, so its fault points close after the components that dial through them
            Links links = env.own("network fault points", new Links(scenario.network(),
                    Pipelines.factory(scenario.type()).links(scenario)));
            pipeline = Pipelines.create(new PipelineContext(scenario, env, runId, options.timeoutScale(), links));
            Databases databases = setUp(scenario, env, pipeline, runId, phases);
            phases.put("setup", Duration.ofNanos(System.nanoTime() - setupStart));
            long testStart = System.nanoTime();
            TestcaseRun run = runTestcases(scenario, databases, pipeline, links, testcases, options, writeLog);
            results = run.results();
            lag = run.lag();
            phases.put("testcases", Duration.ofNanos(System.nanoTime() - testStart));
            if (options.keepEnv()) {
                keepUp(env, pipeline, scenario, databases, options, runId, started, t0, phases, suite, group, results, lag);
            }
        } catch (CdctestException e) {
            setupError = e.getMessage();
            setupFailure = e.exitCode();
        } finally {
            long teardownStart = System.nanoTime();
            env.close();
            phases.put("teardown", Duration.ofNanos(System.nanoTime() - teardownStart));
            removeHook(hook);
        }
        RunReport report = report(scenario, suite, group, runId, started, t0, results, phases, setupError, setupFailure,
                options, lag, pipeline == null ? PipelineMetrics.NONE : Pipeline.Metrics.of(pipeline).metrics());
        ReportWriter.write(report, options.reportDir());
        String replay = ReplayBundle.write(home, scenario, suite.file(), report, options, writeLog);
        ConsoleReport.summary(report).forEach(console::result);
        console.info("reports: " + options.reportDir() + " (report.html, summary.md, summary.json, junit.xml)");
        if (replay != null) {
            console.result("replay: " + replay);
        }
        return report;
    }

    private Databases setUp(Scenario scenario, Environment env, Pipeline pipeline, String runId,
                            Map<String, Duration> phases) {
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "cdctest-setup");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<DatabaseServer> source = timed(pool, "source", describe(scenario.source()),
                    () -> env.database(scenario.source(), 1));
            CompletableFuture<DatabaseServer> target = timed(pool, "target", describe(scenario.target()),
                    () -> env.database(scenario.target(), 2));
            CompletableFuture<Object> prepared = timed(pool, "pipeline", scenario.type() + " infrastructure", () -> {
                pipeline.prepare();
                return null;
            });
            join(Stream.of(source, target, prepared).toList());
            Databases databases;
            try {
                databases = new DatabaseSetup(scenario, env, runId, console).prepare(source.join(), target.join(), pipeline);
            } finally {
                // owned after the databases it replicates, so it stops before they are dropped (a CCPR
                // publication, say, keeps its database from being dropped)
                env.own("pipeline", pipeline);
            }
            long start = System.nanoTime();
            pipeline.start(databases);
            Duration startup = Duration.ofNanos(System.nanoTime() - start);
            phases.put("pipeline start", startup);
            console.info("  pipeline  " + scenario.type() + " running in " + Console.seconds(startup));
            return databases;
        } finally {
            pool.shutdownNow();
        }
    }

    private <T> CompletableFuture<T> timed(ExecutorService pool, String label, String what, Supplier<T> task) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            T value = task.get();
            console.info(String.format("  %-9s %s ready in %s", label, what,
                    Console.seconds(Duration.ofNanos(System.nanoTime() - start))));
            return value;
        }, pool);
    }

    /** Waits for all; the first failure (after all have ended, so everything started is owned) is rethrown. */
    private static void join(List<CompletableFuture<?>> futures) {
        RuntimeException failure = null;
        for (CompletableFuture<?> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String describe(Endpoint endpoint) {
        return switch (endpoint.provision()) {
            case EMBEDDED -> "mariadb (embedded)";
            case LOCAL -> "matrixone (local mo-service)";
            case TESTCONTAINERS -> endpoint.engine().id() + " (container)";
            case EXTERNAL -> endpoint.engine().id() + " at " + endpoint.address();
            case COMPOSE -> "compose";
        };
    }

    /** The testcases' results and the replication lag measured while they ran. */
    private record TestcaseRun(List<TestcaseResult> results, Lag lag) {
    }

    private TestcaseRun runTestcases(Scenario scenario, Databases databases, Pipeline pipeline, Links links,
                                     List<TestCase> testcases, RunOptions options, WriteLog writeLog) {
        int total = testcases.size();
        int[] index = {0};
        try (StepExecutor executor = new StepExecutor(scenario, databases, pipeline, links, options.timeoutScale(), console,
                writeLog, options.reportDir())) {
            List<TestcaseResult> results = JunitSuiteRunner.run(testcases, executor::run,
                    name -> console.info("[" + (++index[0]) + "/" + total + "] " + name),
                    result -> {
                        String status = switch (result.status()) {
                            case PASSED -> console.green("PASSED");
                            case SKIPPED -> console.yellow("SKIPPED");
                            default -> console.red(result.status().name());
                        };
                        console.result(String.format("  %-8s %s %s (%s)", status, result.id(), result.name(),
                                Console.seconds(result.duration())));
                        if (result.message() != null) {
                            console.result("    " + result.message());
                        }
                    });
            return new TestcaseRun(results, executor.lag());
        }
    }

    private void keepUp(Environment env, Pipeline pipeline, Scenario scenario, Databases databases, RunOptions options,
                        String runId, Instant started, long t0, Map<String, Duration> phases, TestSuite suite,
                        String group, List<TestcaseResult> results, Lag lag) {
        RunReport report = report(scenario, suite, group, runId, started, t0, results, phases, null, null, options, lag,
                Pipeline.Metrics.of(pipeline).metrics());
        ReportWriter.write(report, options.reportDir());
        ConsoleReport.summary(report).forEach(console::result);
        console.result("");
        console.result("--keep-env: the environment stays up until you press Ctrl-C");
        env.describe().forEach(line -> console.result("  " + line));
        pipeline.describe().forEach(line -> console.result("  " + line));
        console.result("  source database: " + databases.sourceDatabase() + ", target database: " + databases.targetDatabase());
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RunReport report(Scenario scenario, TestSuite suite, String group, String runId, Instant started, long t0,
                             List<TestcaseResult> results, Map<String, Duration> phases, String setupError,
                             ExitCode setupFailure, RunOptions options, Lag lag, PipelineMetrics metrics) {
        Map<String, Path> logs = new LinkedHashMap<>();
        Path logDir = options.reportDir().resolve("logs");
        if (Files.isDirectory(logDir)) {
            try (Stream<Path> files = Files.list(logDir)) {
                files.sorted().forEach(f -> logs.put(f.getFileName().toString().replaceFirst("\\.log$", ""), f));
            } catch (IOException ignored) {
                // the report then lists no logs
            }
        }
        return new RunReport(runId, scenario.name(), scenario.type(), scenario.file(), suite.name(), suite.file(), group,
                started, Duration.ofNanos(System.nanoTime() - t0), results,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phases)), setupError, logs, lag,
                RunReport.exitCodeFor(results, setupFailure), metrics);
    }

    private static Path workDirectory(String runId) {
        Environment.sweepStale(Path.of(System.getProperty("java.io.tmpdir")));
        try {
            return Files.createTempDirectory("cdctest-" + runId + "-");
        } catch (IOException e) {
            throw CdctestException.environment("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down: the hook is running
        }
    }
}
