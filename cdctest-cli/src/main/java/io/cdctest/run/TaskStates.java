package io.cdctest.run;

import static org.awaitility.Awaitility.await;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineState;
import io.cdctest.spec.TaskState;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits on the state of the pipeline's task ({@link Pipeline#state()}): for {@code check_subscription_status}
 * until it is the expected one, for {@code wait_for_recovery} until it runs without a problem again.
 */
final class TaskStates {
    private static final Duration POLL = Duration.ofMillis(500);

    private final Pipeline pipeline;

    TaskStates(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Waits up to {@code timeout} for the expected state; returns the state found, or fails naming the last one. */
    String awaitState(TaskState expected, Duration timeout) {
        PipelineState[] last = {null};
        try {
            await().alias("state " + expected).atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(() -> (last[0] = pipeline.state()).is(expected));
        } catch (ConditionTimeoutException e) {
            throw new CdctestException(ExitCode.FAILED, (last[0] == null ? "the pipeline's state could not be read"
                    : last[0].describe()) + ", not " + expected + " after " + Console.seconds(timeout));
        }
        return last[0].describe();
    }

    /** Waits up to {@code timeout} until the pipeline runs without a problem; returns how long that took. */
    Duration awaitHealthy(Duration timeout) {
        long start = System.nanoTime();
        PipelineState[] last = {null};
        try {
            await().alias("recovery").atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(() -> (last[0] = pipeline.state()).is(TaskState.RUNNING) && pipeline.failure().isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new CdctestException(ExitCode.FAILED, "the pipeline did not recover within " + Console.seconds(timeout)
                    + ": " + (last[0] == null ? "its state could not be read" : last[0].describe()));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
