package io.cdctest.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A scenario: source, target and the pipeline between them, as read from a scenario YAML file.
 *
 * @param defaultTestcase the testcase file used when none is given on the command line
 * @param settings        the pipeline's own blocks, as its factory read them ({@link PipelineSettings#NONE}: none)
 * @param metrics         the pipeline's Prometheus endpoint and the series that mean lag or progress (null: none)
 * @param localPaths      directories only the machine that runs the pipeline needs (checked by the preflight)
 * @param network         which of the pipeline's links go through fault points, and where those listen
 */
public record Scenario(Path file, String name, String type, String description, String defaultTestcase,
                       Endpoint source, Endpoint target, KafkaSpec kafka, DataSpec data, ValidationSpec validation,
                       PipelineSettings settings, MetricsSpec metrics, List<LocalPath> localPaths, NetworkSpec network) {

    /**
     * The pipeline's settings as the record its factory made: for the pipeline's own code, which
     * knows what its factory reads.
     */
    public <T extends PipelineSettings> T settings(Class<T> kind) {
        if (!kind.isInstance(settings)) {
            throw new IllegalStateException("scenario_type " + type + " holds " + settings.getClass().getSimpleName()
                    + ", not " + kind.getSimpleName());
        }
        return kind.cast(settings);
    }

    /** The tables this scenario replicates: the captured tables, else the generated ones. */
    public List<String> tables() {
        if (!settings.tables().isEmpty()) {
            return settings.tables();
        }
        return data == null ? List.of() : data.tables();
    }

    /** Comparisons beyond one table to the same-named table: a route's sources against its sink. */
    public List<TableMapping> mappings() {
        return settings.mappings();
    }
}
