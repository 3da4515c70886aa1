package io.cdctest.pipeline.flinkcdc;

import io.cdctest.env.Ports;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;
import io.cdctest.preflight.Check;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Scenario;
import io.cdctest.sql.JdbcEndpoint;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code scenario_type: flink_cdc}: MySQL/MariaDB → Flink CDC → Kafka → consumer → target. */
public final class FlinkCdcPipelineFactory implements PipelineFactory {
    @Override
    public String identifier() {
        return "flink_cdc";
    }

    @Override
    public String description() {
        return "MySQL/MariaDB -> Flink CDC -> Kafka -> consumer -> MySQL/MariaDB/MatrixOne";
    }

    @Override
    public Pipeline create(PipelineContext context) {
        return new FlinkCdcPipeline(context);
    }

    /** The source: its binary log set up for CDC and the replication privileges. */
    @Override
    public List<Check> preflight(Scenario scenario, JdbcEndpoint endpoint, Connection connection) throws SQLException {
        if (!endpoint.role().equals("source") || endpoint.engine() == Engine.MATRIXONE) {
            return List.of();
        }
        return SourcePreflight.checks(endpoint, connection);
    }

    /** The Kafka cluster and the Flink JobManager, when the scenario gives them. */
    @Override
    public List<Check> preflight(Scenario scenario) {
        List<Check> checks = new ArrayList<>();
        checks.add(KafkaLeg.preflight(scenario.kafka()));
        String jobManager = scenario.flinkCdc() == null ? null : scenario.flinkCdc().jobManager();
        if (jobManager != null) {
            URI uri = URI.create(jobManager);
            checks.add(Ports.reachable(uri.getHost(), uri.getPort(), 3000)
                    ? Check.pass("flink", "JobManager answers at " + uri.getHost() + ":" + uri.getPort())
                    : Check.fail("flink", "nothing answers at " + uri.getHost() + ":" + uri.getPort(),
                    "start the Flink cluster, or correct flink.jobmanager"));
        }
        return checks;
    }
}
