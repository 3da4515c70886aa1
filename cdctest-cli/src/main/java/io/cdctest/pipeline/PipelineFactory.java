package io.cdctest.pipeline;

import io.cdctest.preflight.Check;
import io.cdctest.spec.Scenario;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Makes pipelines of one kind. A new kind is a new package with a factory registered in
 * {@code META-INF/services/io.cdctest.pipeline.PipelineFactory}; nothing else changes.
 */
public interface PipelineFactory {

    /** The scenario_type this factory serves. */
    String identifier();

    /** One line for {@code cdctest list}. */
    String description();

    Pipeline create(PipelineContext context);

    /**
     * What this pipeline needs of a database it is given (settings, version, privileges), checked
     * over an open connection by {@code cdctest doctor} and before every run. Changes nothing.
     */
    default List<Check> preflight(Scenario scenario, JdbcEndpoint endpoint, Connection connection) throws SQLException {
        return List.of();
    }

    /**
     * The network links between the pipeline's parts that fault points can sit on, for this scenario:
     * each named, with the component that dials it, what it dials, whether it is the main link, and
     * why it cannot be routed here if it cannot. A link declared here is routed by default; at run
     * time the pipeline asks {@link PipelineContext#links()} for the address to hand to the component
     * that dials it ({@code links.address(name, host, port)}). Testcases are checked against these
     * names before anything starts.
     */
    default List<io.cdctest.env.net.Link> links(Scenario scenario) {
        return List.of();
    }

    /**
     * Rules of the scenario this pipeline adds to the loader's, checked by {@code cdctest validate} and
     * before every run: a configuration error (one line naming file, line and key) when one is broken.
     */
    default void validate(Scenario scenario) {
    }

    /**
     * For {@link #validate}: a block of the scenario this pipeline does not read (at {@code origin},
     * or null when the scenario has none) is a configuration error, not silently ignored.
     */
    static void notRead(Scenario scenario, String block, io.cdctest.spec.Origin origin, String readBy) {
        if (origin != null) {
            throw io.cdctest.CdctestException.config(origin + ": " + block + ": read only by " + readBy + "; a "
                    + scenario.type() + " scenario does not use it (remove the block)");
        }
    }

    /**
     * The pipeline actions testcases may name for this scenario ({@code pause_cdc}, {@code check_cdc_status}, ...),
     * each run by {@link Pipeline#act}. A testcase naming another is a configuration error at {@code cdctest validate}.
     */
    default List<String> actions(Scenario scenario) {
        return List.of();
    }

    /** Checks of the pipeline's other given parts (a Kafka cluster, a Flink cluster). Changes nothing. */
    default List<Check> preflight(Scenario scenario) {
        return List.of();
    }
}
