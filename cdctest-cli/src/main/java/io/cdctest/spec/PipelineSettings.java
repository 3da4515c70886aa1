package io.cdctest.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A pipeline kind's own settings, read from the scenario by its factory (the blocks it owns); the
 * run sees them only through these questions. Each kind's record implements it and its pipeline reads
 * the record back with {@link Scenario#settings(Class)}.
 */
public interface PipelineSettings {
    /** For a pipeline that reads no block of its own. */
    PipelineSettings NONE = new PipelineSettings() {
    };

    /** The tables the pipeline captures, and the default of {@code data.tables}; empty: the scenario's data tables. */
    default List<String> tables() {
        return List.of();
    }

    /** Comparisons beyond one table to the same-named table (a route's source tables merged into its sink). */
    default List<TableMapping> mappings() {
        return List.of();
    }

    /** Secret values the scenario file may hold literally, by name: replay bundles replace them by environment references. */
    default Map<String, Secret> secrets() {
        return Map.of();
    }

    /** The default of {@code kafka.compose_dir} (a directory of the pipeline's own scripts), or null. */
    default Path composeDir() {
        return null;
    }

    /** Whether a Kafka that cdctest did not start is stopped at teardown (the earlier tool's option). */
    default boolean stopKafkaOnTeardown() {
        return false;
    }
}
