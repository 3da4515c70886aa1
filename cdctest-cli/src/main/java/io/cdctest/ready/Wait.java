package io.cdctest.ready;

import static org.awaitility.Awaitility.await;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import java.time.Duration;
import java.util.Objects;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The one wait on a {@link Readiness}: looks at once, then every interval (in the caller's thread,
 * through Awaitility), until it is ready, fails or the time is up. Both errors name what was awaited:
 * <pre>
 *   producer failed to start: producer exited with code 7: no route to jobmanager (log: logs/producer.log)
 *   MatrixOne CDC task cdctest_x did not reach state paused within 60 s: state running
 * </pre>
 * An exception a look throws ends the wait as it is.
 */
public final class Wait {
    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final String what;
    private final String goal;
    private Duration timeout = Duration.ofMinutes(1);
    private Duration interval = INTERVAL;
    private ExitCode exitCode = ExitCode.ENVIRONMENT;
    private String hint;

    private Wait(String what, String goal) {
        this.what = Objects.requireNonNull(what);
        this.goal = Objects.requireNonNull(goal);
    }

    /**
     * A wait for {@code what} to {@code goal}, said in the errors as "{what} failed to {goal}: ..."
     * and "{what} did not {goal} within ...": {@code until("producer", "start")}.
     */
    public static Wait until(String what, String goal) {
        return new Wait(what, goal);
    }

    /** Gives up after {@code timeout} (one minute by default). */
    public Wait atMost(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Looks every {@code interval} (half a second by default). */
    public Wait every(Duration interval) {
        this.interval = interval;
        return this;
    }

    /** The exit code of both errors: an environment error by default, {@link ExitCode#FAILED} for a checking step. */
    public Wait failingWith(ExitCode exitCode) {
        this.exitCode = exitCode;
        return this;
    }

    /** Where to look next ("log: logs/producer.log"), said in parentheses at the end of both errors. */
    public Wait hint(String hint) {
        this.hint = hint;
        return this;
    }

    /** Returns once {@code readiness} is ready; throws a {@link CdctestException} when it fails or the time is up. */
    public void on(Readiness readiness) {
        String[] seen = {null};
        try {
            await().alias(what + " to " + goal).atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(interval).until(() -> {
                        Readiness.Look look = readiness.check();
                        if (look instanceof Readiness.Look.Failed failed) {
                            throw new CdctestException(exitCode, what + " failed to " + goal + ": " + failed.why() + hinted());
                        }
                        if (look instanceof Readiness.Look.Waiting waiting) {
                            seen[0] = waiting.seen();
                        }
                        return look instanceof Readiness.Look.Ready;
                    });
        } catch (ConditionTimeoutException e) {
            throw new CdctestException(exitCode, what + " did not " + goal + " within " + seconds(timeout) + ": "
                    + (seen[0] == null ? "no answer" : seen[0]) + hinted(), e);
        }
    }

    private String hinted() {
        return hint == null ? "" : " (" + hint + ")";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
