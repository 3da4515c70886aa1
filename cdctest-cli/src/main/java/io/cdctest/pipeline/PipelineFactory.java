package io.cdctest.pipeline;

import io.cdctest.preflight.Check;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.load.PipelineReader;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One pipeline kind: reads and checks its own blocks of a scenario ({@link PipelineReader}: the keys it
 * owns, its engine pairs), declares its actions and links, checks what it needs of the databases, and
 * makes the pipeline. A new kind is a new package with a factory registered in
 * {@code META-INF/services/io.cdctest.pipeline.PipelineFactory}; nothing else changes (docs/ARCHITECTURE.md).
 */
public interface PipelineFactory extends PipelineReader {

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
     * The steps of its own testcases may name ({@code pause_cdc}, {@code check_cdc_status}, ...), each
     * run by {@link Pipeline.Actions#act}: lower-case names other than the harness's own
     * ({@link io.cdctest.spec.load.TestSuiteLoader#ACTIONS}). They are the names its code knows, the
     * same in every scenario, so that {@code cdctest validate} checks a testcase file against them with
     * its scenario, and against every kind's without one ({@link ActionCheck}).
     */
    default List<String> actions() {
        return List.of();
    }

    /**
     * The parts of the pipeline {@code fault} steps may break ({@code component: producer}, ...), each then
     * given by {@link Pipeline.Restartables#restartable} at run time (a part the run did not start, such as an external
     * Kafka, is not). A testcase that breaks a part the pipeline does not have is skipped, and
     * {@code cdctest validate} says so.
     */
    default List<io.cdctest.spec.Component> faultTargets(Scenario scenario) {
        return List.of();
    }

    /** Checks of the pipeline's other given parts (a Kafka cluster, a Flink cluster). Changes nothing. */
    default List<Check> preflight(Scenario scenario) {
        return List.of();
    }
}
