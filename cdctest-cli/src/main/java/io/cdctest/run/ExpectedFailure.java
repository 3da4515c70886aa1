package io.cdctest.run;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.spec.Step;
import io.cdctest.sql.Sql;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A step that must fail ({@code expect_failure}), a self-test that plants a fault or a testcase of a
 * known bug: it passes when the step fails as a testcase fails, or with an environment error, with a
 * message naming every expected text, and fails when the step passes or names something else. Any
 * other environment or configuration error, or a database of the run that died, is passed on as it is.
 */
final class ExpectedFailure {
    /** The step itself. */
    interface Run {
        String run() throws SQLException;
    }

    private final DatabaseDeaths deaths;
    private final Console console;

    ExpectedFailure(DatabaseDeaths deaths, Console console) {
        this.deaths = deaths;
        this.console = console;
    }

    /** The step's result line ("failed as expected: ..."), or a CdctestException saying why the self-test failed. */
    String judge(Step.ExpectFailure step, Run run) {
        String passed = null;
        String failure = null;
        try {
            passed = run.run();
        } catch (CdctestException e) {
            // a testcase failure, or an environment error naming what was expected (a server's own
            // error that a known bug of it produces, say); anything else cannot have been planted
            boolean named = step.texts().stream().allMatch(t -> e.getMessage() != null && e.getMessage().contains(t));
            if (e.exitCode() != ExitCode.FAILED && !(e.exitCode() == ExitCode.ENVIRONMENT && named)) {
                throw e;
            }
            failure = e.getMessage();
        } catch (SQLException e) {
            Optional<String> died = deaths.explaining(e);
            if (died.isPresent()) {
                throw CdctestException.environment(died.get(), e);
            }
            failure = Sql.firstLine(e);
        }
        if (failure == null) {
            throw new CdctestException(ExitCode.FAILED, "expected to fail naming '" + String.join("', '", step.texts())
                    + "', but passed: " + passed);
        }
        String found = failure;
        List<String> missing = step.texts().stream().filter(t -> !found.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new CdctestException(ExitCode.FAILED, "failed, but without naming '" + String.join("', '", missing)
                    + "': " + failure);
        }
        console.info("    caught as expected (" + step.action() + ", " + step.origin() + "): " + failure);
        return "failed as expected: " + failure;
    }
}
