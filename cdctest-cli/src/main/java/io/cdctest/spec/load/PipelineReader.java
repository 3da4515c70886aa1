package io.cdctest.spec.load;

import io.cdctest.spec.PipelineSettings;
import java.util.Set;

/**
 * What the scenario loader asks of a pipeline kind (its factory): the scenario's top-level keys it owns
 * and how to read them. The loader knows no pipeline by name: it reads the common parts (endpoints,
 * Kafka, data, validation, metrics, network), hands the rest to the kind named by {@code scenario_type},
 * and rejects a key another kind owns, naming that kind.
 */
public interface PipelineReader {

    /** The {@code scenario_type} this kind serves. */
    String identifier();

    /** The top-level keys this kind reads ({@code flink_cdc}, {@code cdc_config}, ...); another kind's scenario may not hold them. */
    default Set<String> keys() {
        return Set.of();
    }

    /**
     * Reads and checks this kind's blocks, and its rules of the common parts (which engines it joins):
     * every error a run would meet in the scenario, as one line naming file, line and key
     * ({@link PipelineBlocks#error}, {@link MapReader#error}).
     */
    default PipelineSettings read(PipelineBlocks scenario) {
        return PipelineSettings.NONE;
    }

    /**
     * Whether the pipeline's platform creates the tables it replicates, so that a database whose tables
     * need their own DDL (StarRocks, Doris: {@code Engine.catalogTables()} false) can be one of its ends.
     */
    default boolean platformCreatesTables() {
        return false;
    }
}
