package io.cdctest.pipeline;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.EventCheck;
import io.cdctest.check.FilterEffects;
import io.cdctest.check.KeyHistory;
import io.cdctest.check.TableComparison;
import io.cdctest.env.Restartable;
import io.cdctest.spec.Component;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One kind of CDC pipeline between the source and the target (found by its scenario_type): a small
 * lifecycle core, modelled on Debezium's engine. Lifecycle: {@link #prepare()} (in parallel with the
 * databases), {@link #start(Databases)} once the data is in place, then status queries during the
 * testcases, then {@link #close()}.
 *
 * <p>Everything else a pipeline may do is a capability, a small interface nested here that it
 * implements ({@link Actions}, {@link CatchUp}, {@link Audit}, ...). Callers ask for one with
 * {@code Pipeline.Filters.of(pipeline)}, which answers the neutral default (no filters) for a pipeline
 * without it; a wrapper answers {@link #capability} for the pipeline it wraps.
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

    /** The capability {@code type} (one of the interfaces nested here), when this pipeline has it. */
    default <T> Optional<T> capability(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    void close();

    /** What the harness prepares on the target before {@link Pipeline#start}, and under which name. */
    interface TargetLayout {
        /** The target database and tables, the consumer only writing rows: by default. */
        TargetLayout DEFAULT = () -> TargetPreparation.DATABASE_AND_TABLES;

        TargetPreparation targetPreparation();

        /**
         * The target database for a source database: by default the configured name with the run's
         * suffix; pipelines that keep the source's name (CCPR) say so.
         */
        default String targetDatabase(String sourceDatabase, String configuredWithSuffix) {
            return configuredWithSuffix;
        }

        static TargetLayout of(Pipeline pipeline) {
            return pipeline.capability(TargetLayout.class).orElse(DEFAULT);
        }
    }

    /** What the harness prepares on the target before {@link Pipeline#start}. */
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

    /** The pipeline's own word on whether it has caught up with the source (a task's watermark, say). */
    interface CatchUp {
        /**
         * Why the pipeline has not yet caught up with the source writes made up to {@code lastWrite},
         * or empty when it has or cannot tell. Data is compared only once this is empty; the
         * comparison still decides.
         */
        Optional<String> behind(Instant lastWrite);

        static CatchUp of(Pipeline pipeline) {
            return pipeline.capability(CatchUp.class).orElse(lastWrite -> Optional.empty());
        }
    }

    /** Where the differences of a table were lost. */
    interface Locate {
        /** One line per differing row ("... [consumer hop: ...]"), or empty when the pipeline cannot tell. */
        List<String> locate(TableComparison comparison, int limit);

        static Locate of(Pipeline pipeline) {
            return pipeline.capability(Locate.class).orElse((comparison, limit) -> List.of());
        }
    }

    /**
     * What the scenario's filters keep out of the target for a table (an excluded table, filtered
     * deletes, ...): {@code validate_sync} then demands exactly those differences.
     */
    interface Filters {
        FilterEffects filters(ComparisonPlan plan);

        static Filters of(Pipeline pipeline) {
            return pipeline.capability(Filters.class).orElse(plan -> FilterEffects.NONE);
        }
    }

    /** The pipeline's own record of the changes (a Kafka topic, say), checked key by key. */
    interface Audit {
        /**
         * Checks the record against what the harness wrote (the key history): lost, duplicated or
         * reordered events, wrong before images. Empty when there is nothing to check.
         */
        Optional<EventCheck> audit(List<ComparisonPlan> plans, KeyHistory history);

        static Audit of(Pipeline pipeline) {
            return pipeline.capability(Audit.class).orElse((plans, history) -> Optional.empty());
        }
    }

    /** Components {@code fault} steps can kill, stop, start or pause. */
    interface Restartables {
        /** The component, or empty when this pipeline cannot restart it. */
        Optional<Restartable> restartable(Component component);

        static Restartables of(Pipeline pipeline) {
            return pipeline.capability(Restartables.class).orElse(component -> Optional.empty());
        }
    }

    /** The actions its factory declares ({@link PipelineFactory#actions}), such as {@code pause_cdc}. */
    interface Actions {
        /** Runs one; returns what it did. */
        String act(String action);

        static Actions of(Pipeline pipeline) {
            return pipeline.capability(Actions.class).orElse(action -> {
                throw undeclared(action);
            });
        }

        /** An action the factory does not declare: validate lets none through (ActionCheck), so reaching here is a bug. */
        static CdctestException undeclared(String action) {
            return new CdctestException(ExitCode.INTERNAL, "the pipeline was asked to run the step " + action
                    + ", which its factory does not declare");
        }
    }

    /** The SQL the pipeline runs of its own, for {@code cdctest plan}. */
    interface Plan {
        /** Every statement the pipeline would run, without connecting (passwords masked). */
        List<String> plan(Databases databases);

        static Plan of(Pipeline pipeline) {
            return pipeline.capability(Plan.class).orElse(databases -> List.of());
        }
    }

    /** What the pipeline's own metrics said during the run, for the reports. */
    interface Metrics {
        PipelineMetrics metrics();

        static Metrics of(Pipeline pipeline) {
            return pipeline.capability(Metrics.class).orElse(() -> PipelineMetrics.NONE);
        }
    }
}
