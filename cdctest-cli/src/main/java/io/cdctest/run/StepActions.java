package io.cdctest.run;

import static org.awaitility.Awaitility.await;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.check.QueryComparator;
import io.cdctest.check.TableComparison;
import io.cdctest.pipeline.ComponentStatus;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.report.Lag;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Side;
import io.cdctest.spec.Step;
import io.cdctest.sql.Sql;
import io.cdctest.workload.SourceWriter;
import io.cdctest.workload.WriteLog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What each kind of step does, one {@code visit} method per kind: each returns what the step did, or
 * throws a CdctestException saying why it failed. It holds the run's connections to both databases;
 * the table comparisons are {@link TableChecks}'.
 */
final class StepActions implements Step.Visitor<String, SQLException>, AutoCloseable {
    private final Scenario scenario;
    private final Databases databases;
    private final Pipeline pipeline;
    private final double timeoutScale;
    private final FaultRunner faults;
    private final ExpectedFailure expectedFailures;
    private final SourceWriter writer;
    private final WorkloadRunner workloads;
    private final TaskStates states;
    private final TableChecks checks;
    private Connection source;
    private Connection target;

    /** @param reportDir where fix SQL for differing tables is written */
    StepActions(Scenario scenario, Databases databases, Pipeline pipeline, FaultRunner faults, DatabaseDeaths deaths,
                double timeoutScale, Console console, WriteLog log, Path reportDir) {
        this.scenario = scenario;
        this.databases = databases;
        this.pipeline = pipeline;
        this.timeoutScale = timeoutScale;
        this.faults = faults;
        this.source = databases.source().endpoint().withDatabase(databases.sourceDatabase()).connect();
        this.target = databases.target().endpoint().withDatabase(databases.targetDatabase()).connect();
        long seed = scenario.data() == null ? 42 : scenario.data().seed();
        this.writer = new SourceWriter(source, databases.source().endpoint().engine(), databases.sourceDatabase(), seed,
                scenario.data() == null ? Set.of() : scenario.data().avoid(), log);
        this.states = new TaskStates(pipeline);
        this.checks = new TableChecks(scenario, databases, pipeline, deaths, console, log, reportDir);
        this.expectedFailures = new ExpectedFailure(deaths, console);
        this.workloads = new WorkloadRunner(pipeline, writer, log, databases.tables(), scenario.validation().checkInterval(),
                seed, console);
        checks.connected(source, target);
        checks.snapshot(null);
    }

    /**
     * Executes one step named {@code name} ("QS002 step 3 update"); returns what it did, or throws a
     * CdctestException saying why it failed. A failure after the testcase put faults on the network
     * names them, so that a component that does not survive one is seen next to the fault it did not
     * survive; a step that must fail is judged on that failure of its step.
     */
    String execute(Step step, String name) throws SQLException {
        checks.startStep(name);
        return execute(step);
    }

    private String execute(Step step) throws SQLException {
        if (step instanceof Step.ExpectFailure x) {
            return expectedFailures.judge(x, () -> execute(x.step()));
        }
        try {
            return step.accept(this);
        } catch (CdctestException e) {
            String network = e.exitCode() == ExitCode.FAILED ? faults.networkContext() : "";
            if (network.isEmpty()) {
                throw e;
            }
            throw new CdctestException(e.exitCode(), e.getMessage() + network, e);
        }
    }

    /** The comparisons the steps made since the last call (a testcase's, taken when it ends). */
    List<TableComparison> takeComparisons() {
        return checks.takeComparisons();
    }

    /** The lag measured so far, after waiting briefly for changes still on their way. */
    Lag lag() {
        return checks.lag();
    }

    /** A step that must fail: judged by {@link #execute(Step)} on how its step fails. */
    @Override
    public String visit(Step.ExpectFailure step) throws SQLException {
        return execute(step);
    }

    @Override
    public String visit(Step.ValidateSync step) {
        return checks.awaitSync(step, timeout(step.timeout()));
    }

    @Override
    public String visit(Step.Dml step) throws SQLException {
        if (step.sql() != null) {
            String done = step.action() + ": " + writer.execute(step.sql(), step.table()) + " row(s)";
            checks.snapshotAfterSql(step.table());
            return done;
        }
        long rows = switch (step.kind()) {
            case INSERT -> writer.insert(step.table(), step.count(), step.count());
            case UPDATE -> writer.update(step.table(), step.count());
            case DELETE -> writer.delete(step.table(), step.count());
        };
        checks.snapshot(step.table());
        return step.action() + " " + step.table() + ": " + rows + " generated row(s)";
    }

    @Override
    public String visit(Step.BulkInsert step) throws SQLException {
        long rows = writer.insert(step.table(), step.count(), step.batchSize());
        checks.snapshot(step.table());
        return "inserted " + rows + " rows into " + step.table();
    }

    @Override
    public String visit(Step.Workload step) {
        return workloads.run(step, checks::snapshot);
    }

    @Override
    public String visit(Step.Sql step) throws SQLException {
        if (step.on() == Side.SOURCE) {
            long rows = writer.execute(step.sql(), null);
            checks.snapshot(null);
            return "source: " + rows + " row(s)";
        }
        checks.targetChanged();
        try (Statement st = target.createStatement()) {
            return "target: " + st.executeLargeUpdate(step.sql()) + " row(s)";
        }
    }

    /** Runs the same query on both sides until the results are equal. */
    @Override
    public String visit(Step.ValidateIndexQuery step) {
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

    @Override
    public String visit(Step.PipelineAction step) {
        return Pipeline.Actions.of(pipeline).act(step.action());
    }

    /** Breaks a component; after a database's fault, connects to both databases again. */
    @Override
    public String visit(Step.Fault step) {
        try {
            return faults.run(step);
        } finally {
            if (step.component() instanceof Side) {
                reconnect();
            }
        }
    }

    @Override
    public String visit(Step.CheckState step) {
        return states.awaitState(step.expected(), timeout(step.timeout()));
    }

    /** Inserts generated rows, waits until the target has them, and reports their lag (from the end of the insert). */
    @Override
    public String visit(Step.MeasureSyncDelay step) throws SQLException {
        long rows = writer.insert(step.table(), step.count(), Math.min(step.count(), 1000));
        checks.snapshot(step.table());
        String synced = checks.awaitSync(new Step.ValidateSync(step.table(), null, List.of(), step.origin()),
                timeout(step.timeout()));
        String lag = checks.currentStepLag();
        return rows + " rows inserted into " + step.table() + ", lag " + (lag.isEmpty() ? "not measured (the table's "
                + "keys cannot be followed on the target)" : lag) + "; " + synced;
    }

    /** Waits out the timed network faults, then for a healthy pipeline, then for the tables to be equal. */
    @Override
    public String visit(Step.WaitForRecovery step) {
        Duration timeout = timeout(step.timeout());
        Duration outage = faults.awaitTimedNetworkFaults(timeout);
        Duration recovered = states.awaitHealthy(timeout.minus(outage));
        Duration left = timeout.minus(outage).minus(recovered);
        Duration oneCheck = Duration.ofSeconds(1);
        return (outage.toMillis() < 100 ? "" : "network faults over after " + Console.seconds(outage) + "; ")
                + "healthy after " + Console.seconds(recovered) + "; " + checks.awaitSync(new Step.ValidateSync(step.table(),
                null, List.of(), step.origin()), left.compareTo(oneCheck) < 0 ? oneCheck : left);
    }

    @Override
    public String visit(Step.LinkFault step) {
        return faults.run(step);
    }

    @Override
    public String visit(Step.Heal step) {
        return faults.heal(step);
    }

    @Override
    public String visit(Step.NetworkIssue step) {
        return faults.networkIssue(step);
    }

    @Override
    public String visit(Step.CheckStatus step) {
        ComponentStatus status = pipeline.status(step.component());
        if (!status.healthy()) {
            throw new CdctestException(ExitCode.FAILED, step.component().id() + " is not healthy: " + status.detail());
        }
        return status.detail();
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
            checks.connected(s, t);
        } catch (CdctestException e) {
            // a database stopped on purpose: the next step that needs it fails, or a later start reconnects
        }
    }

    /** A step's timeout (null: the scenario's max_wait_time), scaled by --timeout-scale. */
    private Duration timeout(Duration stepTimeout) {
        Duration base = stepTimeout != null ? stepTimeout : scenario.validation().maxWaitTime();
        return Duration.ofMillis(Math.round(base.toMillis() * timeoutScale));
    }

    @Override
    public void close() {
        checks.close();
        close(source);
        close(target);
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // a connection to a server that went away
        }
    }
}
