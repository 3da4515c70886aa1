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
        this.actions = new StepActions(scenario, databases, pipeline, faults, deaths, timeoutScale, console, log, reportDir);
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

    @Override
    public void close() {
        faults.close();
        actions.close();
    }
}
