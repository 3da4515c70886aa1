package io.cdctest.pipeline;

import io.cdctest.CdctestException;
import io.cdctest.spec.Component;
import java.time.Instant;
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

    /**
     * The state of the pipeline's task (a CDC task, a CCPR subscription, a Flink job, a platform), for
     * {@code check_subscription_status} and {@code wait_for_recovery}. By default: failed when a
     * component stopped working ({@link #failure()}), else running.
     */
    default PipelineState state() {
        Optional<String> failure = failure();
        return new PipelineState("the pipeline", failure.isPresent() ? "failed" : "running", failure);
    }

    /** How a person reaches the pipeline's components, for --keep-env. */
    List<String> describe();

    /** What the harness prepares on the target before {@link #start}. */
    enum TargetPreparation {
        /** The target database and tables (the consumer only writes rows). */
        DATABASE_AND_TABLES,
        /**
         * The run's own target database only, in utf8mb4: the pipeline creates the tables in it, and they take
         * its character set rather than the server's default (latin1 on many MySQL and MariaDB servers).
         */
        DATABASE,
        /** Nothing: the pipeline creates the target database and tables itself (and drops them). */
        NOTHING
    }

    default TargetPreparation targetPreparation() {
        return TargetPreparation.DATABASE_AND_TABLES;
    }

    /**
     * The target database for a source database: by default the configured name with the run's
     * suffix; pipelines that keep the source's name (CCPR) say so.
     */
    default String targetDatabase(String sourceDatabase, String configuredWithSuffix) {
        return configuredWithSuffix;
    }

    /**
     * Why the pipeline has not yet caught up with the source writes made up to {@code lastWrite}
     * (a task's watermark, say), or empty when it has or cannot tell. Data is compared only once
     * this is empty; the comparison still decides.
     */
    default Optional<String> behind(Instant lastWrite) {
        return Optional.empty();
    }

    /**
     * Where the differences of a table were lost, one line per differing row ("... [consumer hop: ...]"),
     * or empty when the pipeline cannot tell.
     */
    default List<String> locate(io.cdctest.check.TableComparison comparison, int limit) {
        return List.of();
    }

    /**
     * What the scenario's filters keep out of the target for a table (an excluded table, filtered
     * deletes, ...): {@code validate_sync} then demands exactly those differences.
     */
    default io.cdctest.check.FilterEffects filters(io.cdctest.check.ComparisonPlan plan) {
        return io.cdctest.check.FilterEffects.NONE;
    }

    /**
     * Checks the pipeline's own record of the changes (a Kafka topic, say) key by key against what
     * the harness wrote (the key history): lost, duplicated or reordered events, wrong before
     * images. Empty when the pipeline keeps no such record.
     */
    default java.util.Optional<io.cdctest.check.EventCheck> audit(List<io.cdctest.check.ComparisonPlan> plans,
                                                                 io.cdctest.check.KeyHistory history) {
        return java.util.Optional.empty();
    }

    /** A component {@code fault} steps can kill, stop, start or pause; empty when this pipeline cannot. */
    default Optional<io.cdctest.env.Restartable> restartable(Component component) {
        return Optional.empty();
    }

    /** Runs one of the actions its factory declares ({@link PipelineFactory#actions}); returns what it did. */
    default String act(String action) {
        // validate lets no undeclared action through (ActionCheck): reaching here is a bug
        throw new CdctestException(io.cdctest.ExitCode.INTERNAL, "the pipeline was asked to run the step " + action
                + ", which its factory does not declare");
    }

    /**
     * Every statement the pipeline would run, without connecting (passwords masked), for
     * {@code cdctest plan}; empty for pipelines that run no SQL of their own.
     */
    default List<String> plan(Databases databases) {
        return List.of();
    }

    /** What the pipeline's own metrics said during the run, for the reports; {@link PipelineMetrics#NONE} when none. */
    default PipelineMetrics metrics() {
        return PipelineMetrics.NONE;
    }

    @Override
    void close();
}
