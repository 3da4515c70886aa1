package io.cdctest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.spec.TaskState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What check_subscription_status accepts as each expected state, in the words of each pipeline. No server. */
class PipelineStateTest {

    private static PipelineState state(String word, String problem) {
        return new PipelineState("task", word, Optional.ofNullable(problem));
    }

    @Test
    void runningMeansRunningWithoutAProblem() {
        assertThat(state("running", null).is(TaskState.RUNNING)).isTrue();
        assertThat(state("RUNNING", null).is(TaskState.RUNNING)).as("a Flink job's word").isTrue();
        assertThat(state("running", "CDC error on db.t: table dropped").is(TaskState.RUNNING)).isFalse();
        assertThat(state("restarting", null).is(TaskState.RUNNING)).isFalse();
    }

    @Test
    void eachPipelinesWordsForPausedAndFailedAreTheSameStates() {
        assertThat(state("pause", null).is(TaskState.PAUSED)).as("CCPR").isTrue();
        assertThat(state("paused", null).is(TaskState.PAUSED)).as("CDC task").isTrue();
        assertThat(state("pausing", null).is(TaskState.PAUSED)).as("on its way").isFalse();
        assertThat(state("error", "failed to apply object list").is(TaskState.FAILED)).as("CCPR").isTrue();
        assertThat(state("failed", null).is(TaskState.FAILED)).as("CDC task").isTrue();
        assertThat(state("running", "N:1736496646:table dropped").is(TaskState.FAILED)).as("a non-retryable error").isTrue();
        assertThat(state("dropped", null).is(TaskState.DROPPED)).isTrue();
        assertThat(state("running", null).is(TaskState.PAUSED)).isFalse();
    }

    @Test
    void theEarlierToolsNumbersAreTheCcprStateCodes() {
        assertThat(TaskState.of("0")).contains(TaskState.RUNNING);
        assertThat(TaskState.of("1")).contains(TaskState.FAILED);
        assertThat(TaskState.of("2")).contains(TaskState.PAUSED);
        assertThat(TaskState.of("3")).contains(TaskState.DROPPED);
        assertThat(TaskState.of("4")).isEmpty();
        assertThat(state("error", "x").describe()).isEqualTo("task is error: x");
    }
}
