package io.cdctest.pipeline.flinkcdc;

import io.cdctest.env.Ports;
import io.cdctest.env.net.Link;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;
import io.cdctest.pipeline.kafka.KafkaLeg;
import io.cdctest.preflight.Check;
import io.cdctest.preflight.SourcePreflight;
import io.cdctest.spec.Component;
import io.cdctest.spec.Engine;
import io.cdctest.spec.PipelineSettings;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Side;
import io.cdctest.spec.load.PipelineBlocks;
import io.cdctest.sql.JdbcEndpoint;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /** The links of the pipeline: the binlog reader's (the main one), each Kafka client's, the consumer's to the target. */
    static final String SOURCE_PRODUCER = "source_producer";
    static final String PRODUCER_KAFKA = "producer_kafka";
    static final String KAFKA_CONSUMER = "kafka_consumer";
    static final String CONSUMER_TARGET = "consumer_target";

    /** {@code flink_cdc:} (required) and {@code flink:} (a session cluster the producer job goes to). */
    @Override
    public Set<String> keys() {
        return Set.of("flink_cdc", "flink");
    }

    @Override
    public PipelineSettings read(PipelineBlocks scenario) {
        return FlinkCdcLoader.read(scenario);
    }

    /** The producer, the consumer, and the Kafka broker when cdctest starts it ({@link FlinkCdcPipeline#restartable}). */
    @Override
    public List<Component> faultTargets(Scenario scenario) {
        return List.of(Component.PRODUCER, Component.CONSUMER, Component.KAFKA);
    }

    @Override
    public Pipeline create(PipelineContext context) {
        return new FlinkCdcPipeline(context);
    }

    /**
     * Four links, each routed by default: the producer's to the source (the binlog and its snapshot
     * reads), the producer's and the consumer's to Kafka, and the consumer's to the target. A Kafka
     * cdctest does not start advertises its own address, which its clients then dial directly: its
     * links cannot be routed.
     */
    @Override
    public List<Link> links(Scenario scenario) {
        String kafka = KafkaLeg.unroutable(scenario.kafka());
        return List.of(
                Link.of(SOURCE_PRODUCER, "producer", "source", "the binlog and the snapshot reads").asMain(),
                Link.of(PRODUCER_KAFKA, "producer", "kafka", "the change events produced").unroutableBecause(kafka),
                Link.of(KAFKA_CONSUMER, "consumer", "kafka", "the change events fetched, the offsets committed")
                        .unroutableBecause(kafka),
                Link.of(CONSUMER_TARGET, "consumer", "target", "the batches applied"));
    }

    /** The source: its binary log set up for CDC and the replication privileges. */
    @Override
    public List<Check> preflight(Scenario scenario, JdbcEndpoint endpoint, Connection connection) throws SQLException {
        if (!endpoint.is(Side.SOURCE) || endpoint.engine() == Engine.MATRIXONE) {
            return List.of();
        }
        return SourcePreflight.checks(endpoint, connection, "Flink CDC");
    }

    /** The Kafka cluster and the Flink JobManager, when the scenario gives them. */
    @Override
    public List<Check> preflight(Scenario scenario) {
        List<Check> checks = new ArrayList<>();
        checks.add(KafkaLeg.preflight(scenario.kafka()));
        String jobManager = scenario.settings(FlinkCdcSpec.class).jobManager();
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
