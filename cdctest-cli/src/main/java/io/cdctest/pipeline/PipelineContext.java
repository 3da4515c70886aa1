package io.cdctest.pipeline;

import io.cdctest.env.Environment;
import io.cdctest.spec.Scenario;

/**
 * What a pipeline is built from.
 *
 * @param runId        the run's short id: suffix of every name the run creates (topics, groups)
 * @param timeoutScale factor applied to every wait (slow CI machines)
 */
public record PipelineContext(Scenario scenario, Environment environment, String runId, double timeoutScale) {

    public java.time.Duration scaled(java.time.Duration timeout) {
        return java.time.Duration.ofMillis(Math.round(timeout.toMillis() * timeoutScale));
    }
}
