package io.cdctest.pipeline;

import io.cdctest.env.Environment;
import io.cdctest.spec.Scenario;

/**
 * What a pipeline is built from.
 *
 * @param runId        the run's short id: suffix of every name the run creates (topics, groups)
 * @param timeoutScale factor applied to every wait (slow CI machines)
 * @param links        the run's network links: where a component that dials across one should connect
 *                     ({@code links.address(name, host, port)}: a fault point, or the server itself)
 */
public record PipelineContext(Scenario scenario, Environment environment, String runId, double timeoutScale,
                              io.cdctest.env.net.Links links) {

    public java.time.Duration scaled(java.time.Duration timeout) {
        return java.time.Duration.ofMillis(Math.round(timeout.toMillis() * timeoutScale));
    }
}
