package io.cdctest.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A scenario: source, target and the pipeline between them, as read from a scenario YAML file.
 *
 * @param defaultTestcase the testcase file used when none is given on the command line
 * @param cdcConfig       the {@code cdc_config:} block read by MatrixOne pipelines
 * @param custom          the {@code custom:} block of the generic adapter (null for other pipelines)
 * @param metrics         the pipeline's Prometheus endpoint and the series that mean lag or progress (null: none)
 * @param localPaths      directories only the machine that runs the pipeline needs (checked by the preflight)
 * @param network         which of the pipeline's links go through fault points, and where those listen
 */
public record Scenario(Path file, String name, String type, String description, String defaultTestcase,
                       Endpoint source, Endpoint target, KafkaSpec kafka, FlinkCdcSpec flinkCdc, DataSpec data,
                       CdcConfig cdcConfig, ValidationSpec validation, CustomSpec custom, MetricsSpec metrics,
                       List<LocalPath> localPaths, NetworkSpec network) {

    /** The tables this scenario replicates: the captured tables, else the generated ones. */
    public List<String> tables() {
        if (flinkCdc != null && !flinkCdc.tables().isEmpty()) {
            return flinkCdc.tables();
        }
        if (custom != null && !custom.tables().isEmpty()) {
            return custom.tables();
        }
        return data == null ? List.of() : data.tables();
    }

    /** Comparisons beyond one table to the same-named table: a route's sources against its sink. */
    public List<TableMapping> mappings() {
        return flinkCdc == null ? List.of() : flinkCdc.routes().stream().map(FlinkCdcSpec.Route::mapping).toList();
    }
}
