package io.cdctest.pipeline.custom;

import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;
import io.cdctest.pipeline.flinkcdc.KafkaLeg;
import io.cdctest.pipeline.flinkcdc.SourcePreflight;
import io.cdctest.preflight.Check;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Scenario;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code scenario_type: custom}: any CDC platform, driven by command and HTTP hooks described in the scenario. */
public final class CustomPipelineFactory implements PipelineFactory {
    @Override
    public String identifier() {
        return "custom";
    }

    @Override
    public String description() {
        return "any CDC platform, driven by the scenario's command and HTTP hooks (setup, start, status, stop, teardown)";
    }

    @Override
    public Pipeline create(PipelineContext context) {
        return new CustomPipeline(context);
    }

    /** A MySQL or MariaDB source: its binary log set up for CDC (unless custom.binlog_preflight is false). */
    @Override
    public List<Check> preflight(Scenario scenario, JdbcEndpoint endpoint, Connection connection) throws SQLException {
        boolean binlogSource = endpoint.role().equals("source")
                && (endpoint.engine() == Engine.MYSQL || endpoint.engine() == Engine.MARIADB);
        if (!binlogSource || scenario.custom() == null || !scenario.custom().binlogPreflight()) {
            return List.of();
        }
        return SourcePreflight.checks(endpoint, connection, "the CDC platform");
    }

    /** The Kafka cluster, when the platform writes to one. */
    @Override
    public List<Check> preflight(Scenario scenario) {
        return scenario.custom() == null || scenario.custom().kafka() == null ? List.of()
                : List.of(KafkaLeg.preflight(scenario.kafka()));
    }
}
