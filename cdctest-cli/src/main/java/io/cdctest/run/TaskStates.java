package io.cdctest.run;

import io.cdctest.ExitCode;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineState;
import io.cdctest.ready.Readiness;
import io.cdctest.ready.Wait;
import io.cdctest.spec.TaskState;
import java.time.Duration;

/**
 * Waits on the state of the pipeline's task ({@link Pipeline#state()}): for {@code check_subscription_status}
 * until it is the expected one, for {@code wait_for_recovery} until it runs without a problem again.
 * A state not reached in time fails the step (exit 1), not the environment.
 */
final class TaskStates {
    private final Pipeline pipeline;

    TaskStates(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Waits up to {@code timeout} for the expected state; returns the state found, or fails naming the last one. */
    String awaitState(TaskState expected, Duration timeout) {
        PipelineState[] last = {null};
        Wait.until("the pipeline's task", "reach state " + expected).atMost(timeout).failingWith(ExitCode.FAILED)
                .on(Readiness.condition(() -> (last[0] = pipeline.state()).is(expected), () -> last[0].describe()));
        return last[0].describe();
    }

    /** Waits up to {@code timeout} until the pipeline runs without a problem; returns how long that took. */
    Duration awaitHealthy(Duration timeout) {
        long start = System.nanoTime();
        PipelineState[] last = {null};
        Wait.until("the pipeline", "recover").atMost(timeout).failingWith(ExitCode.FAILED)
                .on(Readiness.condition(() -> (last[0] = pipeline.state()).is(TaskState.RUNNING) && pipeline.failure().isEmpty(),
                        () -> last[0].describe()));
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
