package io.cdctest.run;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.env.net.Links;
import io.cdctest.generate.TableCatalog;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.report.Lag;
import io.cdctest.report.Status;
import io.cdctest.report.StepResult;
import io.cdctest.report.TestcaseResult;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Step;
import io.cdctest.spec.TestCase;
import io.cdctest.sql.Sql;
import io.cdctest.workload.WriteLog;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the steps of testcases against the running pipeline, each by {@link StepActions}. A step that
 * fails ends its testcase; the remaining steps are reported as skipped.
 */
final class StepExecutor implements AutoCloseable {
    private final Scenario scenario;
    private final Databases databases;
    private final Console console;
    private final FaultRunner faults;
    private final DatabaseDeaths deaths;
    private final StepActions actions;

    /** @param reportDir where fix SQL for differing tables is written */
    StepExecutor(Scenario scenario, Databases databases, Pipeline pipeline, Links links, double timeoutScale,
                 Console console, WriteLog log, Path reportDir) {
        this.scenario = scenario;
        this.databases = databases;
        this.console = console;
        this.faults = new FaultRunner(pipeline, databases, links);
        this.deaths = new DatabaseDeaths(databases);
<<<<<<< HEAD
        this.expectedFailures = new ExpectedFailure(deaths, console);
        this.workloads = new WorkloadRunner(pipeline, writer, log, databases.tables(), scenario.validation().checkInterval(),
                seed, console);
        this.sourceSide = compared(Side.SOURCE, source);
        this.targetSide = compared(Side.TARGET, target);
        snapshot(null);
    }

    /**
     * Records the source's current rows of a table (all tables when null) in the key history, and
     * has the lag probe follow the keys that changed.
     */
    private void snapshot(String table) {
        long written = System.nanoTime();
        for (ComparisonPlan plan : plans(table)) {
            lagProbe.expect(plan, history.snapshot(sourceSide, plan), written, currentStep);
        }
=======
        this.actions = new StepActions(scenario, databases, pipeline, faults, deaths, timeoutScale, console, log, reportDir);
>>>>>>> main
    }

    /** The lag measured so far, after waiting briefly for changes still on their way. */
    Lag lag() {
        return actions.lag();
    }

    TestcaseResult run(TestCase testcase) {
        Optional<String> unable = unableToRun(testcase);
        if (unable.isPresent()) {
            List<StepResult> skipped = new ArrayList<>();
            for (int i = 0; i < testcase.steps().size(); i++) {
                Step step = testcase.steps().get(i);
                skipped.add(new StepResult(i + 1, step.action(), step.origin().toString(), Status.SKIPPED, Duration.ZERO,
                        "skipped"));
            }
            return new TestcaseResult(testcase.id(), testcase.name(), testcase.description(), Status.SKIPPED, ExitCode.PASSED,
                    Duration.ZERO, "skipped: " + unable.get(), List.copyOf(skipped), List.of());
        }
        long start = System.nanoTime();
        List<StepResult> steps = new ArrayList<>();
        Status status = Status.PASSED;
        ExitCode code = ExitCode.PASSED;
        String message = null;
        for (int i = 0; i < testcase.steps().size(); i++) {
            Step step = testcase.steps().get(i);
            String where = step.origin().toString();
            if (status != Status.PASSED) {
                steps.add(new StepResult(i + 1, step.action(), where, Status.SKIPPED, Duration.ZERO, "skipped"));
                continue;
            }
            long stepStart = System.nanoTime();
            String detail;
            try {
                detail = executeNamingDeadDatabase(step, testcase.id() + " step " + (i + 1) + " " + step.action());
                console.detail(step.action() + ": " + detail);
            } catch (CdctestException e) {
                code = e.exitCode() == ExitCode.PASSED ? ExitCode.FAILED : e.exitCode();
                status = code == ExitCode.FAILED ? Status.FAILED : Status.ERROR;
                detail = e.getMessage();
                message = "step " + (i + 1) + " (" + step.action() + ", " + where + "): " + e.getMessage();
            } catch (SQLException e) {
                status = Status.FAILED;
                code = ExitCode.FAILED;
                detail = Sql.firstLine(e);
                message = "step " + (i + 1) + " (" + step.action() + ", " + where + "): " + detail;
            } catch (RuntimeException e) {
                status = Status.ERROR;
                code = ExitCode.INTERNAL;
                detail = e.toString();
                message = "step " + (i + 1) + " (" + step.action() + ", " + where + "): internal error: " + e;
            }
            steps.add(new StepResult(i + 1, step.action(), where, status,
                    Duration.ofNanos(System.nanoTime() - stepStart), detail));
        }
        faults.endTestcase().ifPresent(healed -> console.detail("network: the testcase ended with faults in effect: " + healed));
        return new TestcaseResult(testcase.id(), testcase.name(), testcase.description(), status, code,
                Duration.ofNanos(System.nanoTime() - start), message, List.copyOf(steps), actions.takeComparisons());
    }

    /**
     * Why the testcase cannot run here, before it changes anything: a fault on a component this run
     * cannot break (the generic pipeline's platform, a database cdctest did not start), or a generator
     * table the scenario does not replicate (a MatrixOne vector table into a MySQL sink, which has no
     * vector type; any other table a testcase names is its own business: a step may create it). Such a
     * testcase is skipped, saying why, rather than failed half-way.
     */
    private Optional<String> unableToRun(TestCase testcase) {
        String table = testcase.table();
        if (table != null && scenario.data() != null && databases.tables().stream().noneMatch(table::equalsIgnoreCase)
                && TableCatalog.find(table).isPresent()) {
            return Optional.of("this scenario does not replicate the generator table " + table + " (not in data.tables)");
        }
        for (Step step : testcase.steps()) {
            Step inner = step instanceof Step.ExpectFailure x ? x.step() : step;
            if (inner instanceof Step.Fault f) {
                Optional<String> why = faults.unavailable(f.component());
                if (why.isPresent()) {
                    return Optional.of("step " + (testcase.steps().indexOf(step) + 1) + " (fault, " + f.origin() + "): " + why.get());
                }
            }
        }
        return Optional.empty();
    }

    /** As {@link StepActions#execute}, but a step that fails because a database of the run died names that database. */
    private String executeNamingDeadDatabase(Step step, String name) throws SQLException {
        try {
            return actions.execute(step, name);
        } catch (SQLException | RuntimeException e) {
            Optional<String> died = deaths.explaining(e);
            if (died.isPresent()) {
                throw CdctestException.environment(died.get(), e);
            }
            throw e;
        }
    }

<<<<<<< HEAD
    /**
     * Executes one step; returns what it did, or throws a CdctestException saying why it failed. A
     * failure after the testcase put faults on the network names them, so that a component that
     * does not survive one is seen next to the fault it did not survive.
     */
    private String execute(Step step, List<TableComparison> comparisons) throws SQLException {
        if (step instanceof Step.ExpectFailure x) {
            return expectedFailures.judge(x, () -> execute(x.step(), comparisons));
        }
        try {
            return executeStep(step, comparisons);
        } catch (CdctestException e) {
            String network = e.exitCode() == ExitCode.FAILED ? faults.networkContext() : "";
            if (network.isEmpty()) {
                throw e;
            }
            throw new CdctestException(e.exitCode(), e.getMessage() + network, e);
        }
    }

    private String executeStep(Step step, List<TableComparison> comparisons) throws SQLException {
        if (step instanceof Step.ValidateSync v) {
            return validateSync(v, timeout(v.timeout()), comparisons);
        }
        if (step instanceof Step.Dml d) {
            String done;
            if (d.sql() != null) {
                done = d.action() + ": " + writer.execute(d.sql(), d.table()) + " row(s)";
            } else {
                long rows = switch (d.kind()) {
                    case INSERT -> writer.insert(d.table(), d.count(), d.count());
                    case UPDATE -> writer.update(d.table(), d.count());
                    case DELETE -> writer.delete(d.table(), d.count());
                };
                done = d.action() + " " + d.table() + ": " + rows + " generated row(s)";
            }
            snapshot(d.table());
            return done;
        }
        if (step instanceof Step.BulkInsert b) {
            long rows = writer.insert(b.table(), b.count(), b.batchSize());
            snapshot(b.table());
            return "inserted " + rows + " rows into " + b.table();
        }
        if (step instanceof Step.Sql s) {
            if (s.on() == Side.SOURCE) {
                long rows = writer.execute(s.sql(), null);
                snapshot(null);
                return "source: " + rows + " row(s)";
            }
            try (Statement st = target.createStatement()) {
                return "target: " + st.executeLargeUpdate(s.sql()) + " row(s)";
            }
        }
        if (step instanceof Step.ValidateIndexQuery q) {
            return validateQuery(q);
        }
        if (step instanceof Step.PipelineAction a) {
            return pipeline.act(a.action());
        }
        if (step instanceof Step.Fault f) {
            return fault(f);
        }
        if (step instanceof Step.Workload w) {
            return workloads.run(w, this::snapshot);
        }
        if (step instanceof Step.CheckState c) {
            return states.awaitState(c.expected(), timeout(c.timeout()));
        }
        if (step instanceof Step.MeasureSyncDelay m) {
            return measureSyncDelay(m, comparisons);
        }
        if (step instanceof Step.WaitForRecovery w) {
            Duration timeout = timeout(w.timeout());
            Duration outage = faults.awaitTimedNetworkFaults(timeout);
            Duration recovered = states.awaitHealthy(timeout.minus(outage));
            Duration left = timeout.minus(outage).minus(recovered);
            Duration oneCheck = Duration.ofSeconds(1);
            return (outage.toMillis() < 100 ? "" : "network faults over after " + Console.seconds(outage) + "; ")
                    + "healthy after " + Console.seconds(recovered) + "; " + validateSync(new Step.ValidateSync(w.table(),
                    null, List.of(), w.origin()), left.compareTo(oneCheck) < 0 ? oneCheck : left, comparisons);
        }
        if (step instanceof Step.LinkFault f) {
            return faults.run(f);
        }
        if (step instanceof Step.Heal h) {
            return faults.heal(h);
        }
        if (step instanceof Step.NetworkIssue n) {
            return faults.networkIssue(n);
        }
        if (step instanceof Step.CheckStatus c) {
            ComponentStatus status = pipeline.status(c.component());
            if (!status.healthy()) {
                throw new CdctestException(ExitCode.FAILED, c.component().id() + " is not healthy: "
                        + status.detail());
            }
            return status.detail();
        }
        throw new IllegalStateException("no executor for step " + step.action());
    }

    /** Inserts generated rows, waits until the target has them, and reports their lag (from the end of the insert). */
    private String measureSyncDelay(Step.MeasureSyncDelay m, List<TableComparison> comparisons) throws SQLException {
        long rows = writer.insert(m.table(), m.count(), Math.min(m.count(), 1000));
        snapshot(m.table());
        String synced = validateSync(new Step.ValidateSync(m.table(), null, List.of(), m.origin()), timeout(m.timeout()),
                comparisons);
        lagProbe.settle(2000);
        String lag = lagProbe.steps().stream().filter(s -> s.step().equals(currentStep))
                .map(s -> s.table() + " " + s.stats().summary()).collect(java.util.stream.Collectors.joining("; "));
        return rows + " rows inserted into " + m.table() + ", lag " + (lag.isEmpty() ? "not measured (the table's "
                + "keys cannot be followed on the target)" : lag) + "; " + synced;
    }

    private String validateSync(Step.ValidateSync step, Duration timeout, List<TableComparison> comparisons) {
        List<ComparisonPlan> plans = plans(step.table());
        if (plans.isEmpty()) {
            throw new CdctestException(ExitCode.CONFIG, "validate_sync: no table to compare (the scenario replicates none)");
        }
        SyncWaiter waiter = new SyncWaiter(diff, scenario.validation().checkInterval(),
                () -> deaths.now().or(pipeline::failure),
                () -> pipeline.behind(log.lastWrite()),
                line -> console.progress("waiting: " + line + lagProbe.behind().map(b -> "; lag: " + b).orElse("")),
                this::replan);
        SyncOutcome outcome = step.expect().isEmpty() ? waiter.awaitEqual(sourceSide, targetSide, plans, timeout, p -> pipeline.filters(p).causes())
                : waiter.awaitEqual(sourceSide, targetSide, plans, timeout);
        comparisons.addAll(outcome.comparisons());
        return verdict.judge(step, plans, outcome, timeout);
    }

    private String fault(Step.Fault f) {
        try {
            return faults.run(f);
        } finally {
            if (f.component() instanceof Side) {
                reconnect();
            }
        }
    }

    /**
     * One side's database as the checker sees it: this connection, and more to the same database
     * (opened as this one was) for checksumming chunks on several connections at once.
     */
    private TableDiff.Database compared(Side side, Connection connection) {
        var database = side == Side.SOURCE ? databases.source() : databases.target();
        var endpoint = database.endpoint().withDatabase(side == Side.SOURCE ? databases.sourceDatabase()
                : databases.targetDatabase());
        return new TableDiff.Database(connection, database.endpoint().engine(), database.endpoint().remote(),
                endpoint::connect);
    }

    /** New connections to both databases, after one was restarted (when it is up). */
    private void reconnect() {
        try {
            Connection s = databases.source().endpoint().withDatabase(databases.sourceDatabase()).connect();
            Connection t = databases.target().endpoint().withDatabase(databases.targetDatabase()).connect();
            close(source);
            close(target);
            source = s;
            target = t;
            writer.reconnect(s);
            sourceSide = compared(Side.SOURCE, s);
            targetSide = compared(Side.TARGET, t);
        } catch (CdctestException e) {
            // a database stopped on purpose: the next step that needs it fails, or a later start reconnects
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // a connection to a server that went away
        }
    }

    private String validateQuery(Step.ValidateIndexQuery step) {
        Duration timeout = timeout(step.timeout());
        Optional<String>[] last = new Optional[] {Optional.empty()};
        try {
            await().alias("validate_index_query").atMost(timeout).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        last[0] = QueryComparator.compare(source, target, step.sql());
                        Optional<String> broken = last[0].isEmpty() ? Optional.empty() : pipeline.failure();
                        if (broken.isPresent()) {
                            throw new CdctestException(ExitCode.FAILED, "the pipeline broke while waiting: " + broken.get());
                        }
                        return last[0].isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new CdctestException(ExitCode.FAILED, "query results differ after " + Console.seconds(timeout) + ": "
                    + last[0].orElse("?") + " (query: " + Sql.abbreviate(step.sql(), 100) + ")");
        }
        return "same results on both sides";
    }

    private Duration timeout(Duration stepTimeout) {
        Duration base = stepTimeout != null ? stepTimeout : scenario.validation().maxWaitTime();
        return Duration.ofMillis(Math.round(base.toMillis() * timeoutScale));
    }

=======
>>>>>>> main
    @Override
    public void close() {
        faults.close();
        actions.close();
    }
}
