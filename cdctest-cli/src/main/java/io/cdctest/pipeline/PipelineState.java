package io.cdctest.pipeline;

import io.cdctest.spec.TaskState;
import java.util.Optional;

/**
 * The state of a pipeline's task, as {@code check_subscription_status} and {@code wait_for_recovery}
 * ask for it: what the task is ("CCPR subscription 0b1f...", "CDC task cdctest_x1"), the pipeline's
 * own word for its state ("running", "pause", "paused", "pausing"), and what is wrong with it, if anything.
 */
public record PipelineState(String subject, String state, Optional<String> problem) {

    /** Whether the task is in the state: running also means without a problem; failed, with one or in that state. */
    public boolean is(TaskState expected) {
        Optional<TaskState> settled = TaskState.of(state);
        return switch (expected) {
            case RUNNING -> settled.equals(Optional.of(TaskState.RUNNING)) && problem.isEmpty();
            case FAILED -> settled.equals(Optional.of(TaskState.FAILED)) || problem.isPresent();
            default -> settled.equals(Optional.of(expected));
        };
    }

    /** "CCPR subscription 0b1f... is error: failed to apply object list: ...". */
    public String describe() {
        return subject + " is " + state + problem.map(p -> ": " + p).orElse("");
    }
}
