package io.cdctest.run;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.DiffOptions;
import io.cdctest.check.IncrementalCheck;
import io.cdctest.check.KeyHistory;
import io.cdctest.check.LagProbe;
import io.cdctest.check.Mappings;
import io.cdctest.check.SyncOutcome;
import io.cdctest.check.SyncWaiter;
import io.cdctest.check.TableComparison;
import io.cdctest.check.TableDiff;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.report.Lag;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Step;
import io.cdctest.sql.Sql;
import io.cdctest.sql.TableSchema;
import io.cdctest.workload.WriteLog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The run's tables as the checks see them: which comparisons a step's table means, what the source
 * held after each write (the key history, the keys the lag probe follows), and waiting until both
 * sides are equal. Keeps the comparisons made until a testcase takes them.
 */
final class TableChecks implements AutoCloseable {
    private final Scenario scenario;
    private final Databases databases;
    private final Pipeline pipeline;
    private final DatabaseDeaths deaths;
    private final Console console;
    private final WriteLog log;
    private final KeyHistory history = new KeyHistory();
    private final IncrementalCheck diff;
    private final SyncVerdict verdict;
    private final LagProbe lagProbe;
    private final List<TableComparison> comparisons = new ArrayList<>();
    private TableDiff.Database sourceSide;
    private TableDiff.Database targetSide;
    /** The step being executed ("QS002 step 3 update"), for the lag figures. */
    private String currentStep = "setup";

    /** @param reportDir where fix SQL for differing tables is written */
    TableChecks(Scenario scenario, Databases databases, Pipeline pipeline, DatabaseDeaths deaths, Console console,
                WriteLog log, Path reportDir) {
        this.scenario = scenario;
        this.databases = databases;
        this.pipeline = pipeline;
        this.deaths = deaths;
        this.console = console;
        this.log = log;
        this.diff = new IncrementalCheck(new TableDiff(DiffOptions.DEFAULT, history), scenario.validation().engineChecksum());
        this.verdict = new SyncVerdict(pipeline, history, reportDir);
        this.lagProbe = new LagProbe(databases.target().endpoint().withDatabase(databases.targetDatabase()));
    }

    /** Compares through these connections from now on (the first ones, or new ones after a database restarted). */
    void connected(Connection source, Connection target) {
        diff.forget(); // after a database restarted, its tables are compared fully again
        sourceSide = compared(databases.source(), databases.sourceDatabase(), source);
        targetSide = compared(databases.target(), databases.targetDatabase(), target);
    }

    /**
     * One side's database as the checker sees it: this connection, and more to the same database
     * (opened as this one was) for checksumming chunks on several connections at once.
     */
    private static TableDiff.Database compared(io.cdctest.env.DatabaseServer database, String name, Connection connection) {
        var endpoint = database.endpoint().withDatabase(name);
        return new TableDiff.Database(connection, database.endpoint().engine(), database.endpoint().remote(),
                endpoint::connect);
    }

    /** Names the step being executed ("QS002 step 3 update"), which the lag figures are reported under. */
    void startStep(String name) {
        currentStep = name;
    }

    /**
     * Records the source's current rows of a table (all tables when null) in the key history, and
     * has the lag probe follow the keys that changed.
     */
    void snapshot(String table) {
        long written = System.nanoTime();
        for (ComparisonPlan plan : plans(table)) {
            List<KeyHistory.Changed> changed = history.snapshot(sourceSide, plan);
            diff.written(plan, history.tracks(plan) ? changed.stream().map(KeyHistory.Changed::key).toList() : null);
            lagProbe.expect(plan, changed, written, currentStep);
        }
    }

    /**
     * After a statement of the testcase's own on the source that names {@code table}: records that
     * table as {@link #snapshot} does; the statement may have written other tables too, so those are
     * compared fully at their next check.
     */
    void snapshotAfterSql(String table) {
        snapshot(table);
        if (table != null) {
            plans(null).stream().filter(p -> !p.name().equalsIgnoreCase(table)).forEach(p -> diff.written(p, null));
        }
    }

    /** The target was changed behind the pipeline's back: every table is compared fully at its next check. */
    void targetChanged() {
        diff.forget();
    }

    /** Waits up to {@code timeout} until the step's tables are equal (or differ as expected); returns the verdict. */
    String awaitSync(Step.ValidateSync step, Duration timeout) {
        List<ComparisonPlan> plans = plans(step.table());
        if (plans.isEmpty()) {
            throw new CdctestException(ExitCode.CONFIG, "validate_sync: no table to compare (the scenario replicates none)");
        }
        SyncWaiter waiter = new SyncWaiter(diff, scenario.validation().checkInterval(),
                () -> deaths.now().or(pipeline::failure),
                () -> Pipeline.CatchUp.of(pipeline).behind(log.lastWrite()),
                line -> console.progress("waiting: " + line + lagProbe.behind().map(b -> "; lag: " + b).orElse("")),
                this::replan);
        SyncOutcome outcome = step.expect().isEmpty()
                ? waiter.awaitEqual(sourceSide, targetSide, plans, timeout, p -> Pipeline.Filters.of(pipeline).filters(p).causes())
                : waiter.awaitEqual(sourceSide, targetSide, plans, timeout);
        comparisons.addAll(outcome.comparisons());
        return verdict.judge(step, plans, outcome, timeout);
    }

    /**
     * The lag of the current step's rows, per table, after waiting briefly for them; empty when the
     * lag probe could not follow any of them.
     */
    String currentStepLag() {
        lagProbe.settle(2000);
        return lagProbe.steps().stream().filter(s -> s.step().equals(currentStep))
                .map(s -> s.table() + " " + s.stats().summary()).collect(Collectors.joining("; "));
    }

    /** The lag measured so far, after waiting briefly for changes still on their way. */
    Lag lag() {
        lagProbe.settle(3000);
        return new Lag(lagProbe.tables(), lagProbe.steps());
    }

    /** The comparisons made since the last call (a testcase's, taken when it ends). */
    List<TableComparison> takeComparisons() {
        List<TableComparison> taken = List.copyOf(comparisons);
        comparisons.clear();
        return taken;
    }

    /**
     * The comparisons for a table named in a step (every one when null): a replicated table, or a
     * route's sink table or one of its source tables ({@code db.table}).
     */
    private List<ComparisonPlan> plans(String table) {
        List<ComparisonPlan> plans = new ArrayList<>();
        for (String t : databases.tables()) {
            if (table == null || t.equalsIgnoreCase(table)) {
                plans.add(TableDiff.plan(sourceSide, databases.sourceDatabase(), targetSide, databases.targetDatabase(), t));
            }
        }
        if (!scenario.mappings().isEmpty() && (table == null || plans.isEmpty())) {
            try {
                for (ComparisonPlan plan : Mappings.plans(sourceSide, databases.sourceDatabase(), targetSide,
                        databases.targetDatabase(), scenario.mappings())) {
                    if (table == null || plan.target().table().equalsIgnoreCase(table) || (plan.source().database() + "."
                            + plan.source().table()).equalsIgnoreCase(table)) {
                        plans.add(plan);
                    }
                }
            } catch (SQLException e) {
                throw CdctestException.environment("cannot read the routed tables: " + Sql.firstLine(e));
            }
        }
        if (table != null && plans.isEmpty() && scenario.mappings().isEmpty()
                && TableSchema.read(sourceSide.connection(), databases.sourceDatabase(), table).isPresent()) {
            // created during the run (a pipeline that replicates a whole database carries it too)
            plans.add(TableDiff.plan(sourceSide, databases.sourceDatabase(), targetSide, databases.targetDatabase(), table));
        }
        if (table != null && plans.isEmpty()) {
            throw CdctestException.config("no replicated table is named " + table);
        }
        return plans;
    }

    /** A plan built again from both sides' current definitions (plain tables; a mapping's plan stays). */
    private ComparisonPlan replan(ComparisonPlan plan) {
        if (!scenario.mappings().isEmpty()) {
            return plan;
        }
        return TableDiff.plan(sourceSide, plan.source().database(), targetSide, plan.target().database(), plan.source().table());
    }

    @Override
    public void close() {
        lagProbe.close();
    }
}
