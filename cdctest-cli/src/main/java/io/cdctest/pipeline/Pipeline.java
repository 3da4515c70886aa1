package io.cdctest.pipeline;

import io.cdctest.spec.Component;
import java.util.List;
import java.util.Optional;

/**
 * One kind of CDC pipeline between the source and the target (found by its scenario_type).
 * Lifecycle: {@link #prepare()} (in parallel with the databases), {@link #start(Databases)}
 * once the data is in place, then status queries during the testcases, then {@link #close()}.
 */
public interface Pipeline extends AutoCloseable {

    /** Starts what needs no data yet (e.g. Kafka), while the databases start. */
    default void prepare() {
    }

    /** Starts capturing; returns when every component runs. Failures are environment errors. */
    void start(Databases databases);

    /** The state of a component, for the check_*_status steps. */
    ComponentStatus status(Component component);

    /** A component that stopped working, if any: waits fail at once on it instead of timing out. */
    Optional<String> failure();

    /** How a person reaches the pipeline's components, for --keep-env. */
    List<String> describe();

    @Override
    void close();
}
