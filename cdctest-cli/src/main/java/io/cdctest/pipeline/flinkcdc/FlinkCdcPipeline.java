package io.cdctest.pipeline.flinkcdc;

import io.cdctest.CdctestException;
import io.cdctest.env.ChildProcess;
import io.cdctest.env.Environment;
import io.cdctest.env.KafkaAdmin;
import io.cdctest.env.KafkaService;
import io.cdctest.format.Topics;
import io.cdctest.format.WireFormat;
import io.cdctest.pipeline.ComponentStatus;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.flinkcdc.consumer.ConsumerMain;
import io.cdctest.pipeline.flinkcdc.consumer.StatusFile;
import io.cdctest.spec.Component;
import io.cdctest.spec.FlinkCdcSpec;
import io.cdctest.sql.JdbcEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Flink CDC pipeline: Kafka (embedded, container or given), the built-in producer (a Flink CDC
 * job in a local MiniCluster, own class path) and the built-in consumer, each a child process with
 * its log in the report directory.
 */
final class FlinkCdcPipeline implements Pipeline {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final PipelineContext context;
    private final FlinkCdcSpec spec;
    private final String topic;
    private final String group;
    private final WireFormat wire;
    private final Topics topics;
    private KafkaService kafka;
    private Databases databases;
    private ChildProcess producer;
    private ChildProcess consumer;
    private Path producerStatus;
    private Path consumerStatus;

    FlinkCdcPipeline(PipelineContext context) {
        this.context = context;
        this.spec = context.scenario().flinkCdc();
        if (spec == null) {
            throw CdctestException.config(context.scenario().file() + ": scenario_type flink_cdc needs a flink_cdc: block");
        }
        this.topic = spec.topic() + "_" + context.runId();
        this.group = spec.group() + "_" + context.runId();
        this.wire = WireFormat.byId(spec.format()).orElseThrow();
        this.topics = wire.topics(topic);
    }

    @Override
    public void prepare() {
        kafka = context.environment().kafka(context.scenario().kafka());
        if (!topics.perTable()) {
            createTopics(List.of(topic));
        }
    }

    private void createTopics(List<String> names) {
        try (KafkaAdmin admin = new KafkaAdmin(kafka.bootstrapServers())) {
            names.forEach(name -> admin.createTopic(name, context.scenario().kafka().partitions()));
        }
    }

    /** The topics of this run: the one topic, or one per table for per-table formats. */
    private List<String> topicNames() {
        if (!topics.perTable() || databases == null) {
            return List.of(topic);
        }
        return databases.tables().stream().map(t -> topics.of(databases.sourceDatabase(), t)).toList();
    }

    @Override
    public void start(Databases databases) {
        this.databases = databases;
        JdbcEndpoint source = databases.source().endpoint();
        SourcePreflight.check(source);
        if (topics.perTable()) {
            createTopics(topicNames());
        }
        Environment env = context.environment();
        producerStatus = env.workDir("producer").resolve("status.json");
        consumerStatus = env.workDir("consumer").resolve("status.json");
        producer = startProducer(env, source, databases);
        consumer = startConsumer(env, databases.target().endpoint(), databases.targetDatabase());
        awaitRunning(producer, producerStatus);
        awaitRunning(consumer, consumerStatus);
    }

    private ChildProcess startProducer(Environment env, JdbcEndpoint source, Databases databases) {
        Path tmp = env.workDir("producer");
        int serverId = 5400 + (int) (Long.parseLong(context.runId(), 36) % 4000);
        List<String> args = List.of(
                "--host", source.host(), "--port", String.valueOf(source.port()), "--user", source.loginUser(),
                "--database", databases.sourceDatabase(), "--tables", String.join(",", databases.tables()),
                "--topic", topic, "--format", wire.id(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--server-id", String.valueOf(serverId),
                "--checkpoint-ms", String.valueOf(spec.checkpointInterval().toMillis()),
                "--status-file", producerStatus.toString());
        List<String> command = ChildProcess.java(env.home().classpath("cdctest-producer"),
                "io.cdctest.producer.FlinkCdcProducer",
                List.of("-Xmx1g", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp), args);
        createDirectories(tmp);
        return env.own("producer", ChildProcess.start("producer", command,
                Map.of("CDCTEST_SOURCE_PASSWORD", source.password().reveal()), tmp, env.log("producer")));
    }

    private ChildProcess startConsumer(Environment env, JdbcEndpoint target, String targetDatabase) {
        Path dir = env.workDir("consumer");
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers", kafka.bootstrapServers(), "--topic", topic, "--format", wire.id(), "--group", group,
                "--batch-size", String.valueOf(spec.consumerBatchSize()),
                "--target-engine", target.engine().id(), "--target-host", target.host(),
                "--target-port", String.valueOf(target.port()), "--target-user", target.user(),
                "--target-database", targetDatabase, "--target-tls", String.valueOf(target.tls()),
                "--status-file", consumerStatus.toString(), "--drop-nth", String.valueOf(spec.consumerDropNth())));
        if (target.account() != null) {
            args.addAll(List.of("--target-account", target.account()));
        }
        List<String> command = ChildProcess.java(env.home().classpath("cdctest-cli"), ConsumerMain.class.getName(),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                args);
        createDirectories(dir);
        return env.own("consumer", ChildProcess.start("consumer", command,
                Map.of(ConsumerMain.PASSWORD_ENV, target.password().reveal()), dir, env.log("consumer")));
    }

    private void awaitRunning(ChildProcess process, Path statusFile) {
        process.awaitReady(context.scaled(START_TIMEOUT), () -> {
            Map<String, Object> status = StatusFile.read(statusFile);
            if ("FAILED".equals(status.get("state"))) {
                throw CdctestException.environment(process.name() + " failed to start: " + status.get("error")
                        + " (log: " + process.log() + ")");
            }
            return "RUNNING".equals(status.get("state"));
        });
    }

    @Override
    public ComponentStatus status(Component component) {
        return switch (component) {
            case PRODUCER -> processStatus(component, producer, producerStatus);
            case CONSUMER -> processStatus(component, consumer, consumerStatus);
            case KAFKA -> kafkaStatus();
        };
    }

    private ComponentStatus processStatus(Component component, ChildProcess process, Path statusFile) {
        if (process == null) {
            return new ComponentStatus(component, false, "not started");
        }
        if (!process.isAlive()) {
            return new ComponentStatus(component, false, process.deathNotice());
        }
        Map<String, Object> status = StatusFile.read(statusFile);
        String state = String.valueOf(status.getOrDefault("state", "UNKNOWN"));
        StringBuilder detail = new StringBuilder(process.name() + " pid " + process.pid() + ", state " + state);
        if (status.containsKey("events")) {
            detail.append(", ").append(status.get("events")).append(" events applied");
        }
        if (status.containsKey("error")) {
            detail.append(", error: ").append(status.get("error"));
        }
        if (component == Component.CONSUMER && kafka != null) {
            try (KafkaAdmin admin = new KafkaAdmin(kafka.bootstrapServers())) {
                detail.append(", lag ").append(admin.lag(topicNames(), group));
            } catch (CdctestException e) {
                detail.append(", lag unknown (").append(e.getMessage()).append(')');
            }
        }
        return new ComponentStatus(component, "RUNNING".equals(state), detail.toString());
    }

    private ComponentStatus kafkaStatus() {
        if (kafka == null || !kafka.isAlive()) {
            return new ComponentStatus(Component.KAFKA, false, "broker not running");
        }
        try (KafkaAdmin admin = new KafkaAdmin(kafka.bootstrapServers())) {
            int brokers = admin.brokers();
            List<String> missing = topicNames().stream().filter(t -> !admin.topicExists(t)).toList();
            List<String> names = topicNames();
            return new ComponentStatus(Component.KAFKA, missing.isEmpty(), kafka.bootstrapServers() + ", " + brokers
                    + " broker(s), " + (names.size() == 1 ? "topic " + names.get(0) : names.size() + " topics " + topic + ".*")
                    + (missing.isEmpty() ? " exist" + (names.size() == 1 ? "s" : "") : ", missing: " + String.join(", ", missing)));
        } catch (CdctestException e) {
            return new ComponentStatus(Component.KAFKA, false, e.getMessage());
        }
    }

    @Override
    public List<String> locate(io.cdctest.check.TableComparison comparison, int limit) {
        if (kafka == null || databases == null || comparison.plan() == null || !comparison.plan().comparable()
                || comparison.samples().isEmpty()) {
            return List.of();
        }
        String table = comparison.plan().source().table();
        String tableTopic = topics.of(databases.sourceDatabase(), table);
        try (java.sql.Connection source = databases.source().endpoint().connect()) {
            io.cdctest.sql.TableSchema schema = io.cdctest.sql.TableSchema.read(source, databases.sourceDatabase(), table)
                    .orElseThrow(() -> new IllegalStateException("source table " + table + " is gone"));
            io.cdctest.format.ColumnTypes types = (db, t, column) -> schema.column(column)
                    .map(io.cdctest.sql.Column::columnType).orElse(null);
            return TopicSnapshot.read(kafka.bootstrapServers(), tableTopic, wire.decoder(topics, types),
                    databases.sourceDatabase(), comparison.plan()).locate(comparison, limit);
        } catch (java.sql.SQLException e) {
            return fallback(comparison, limit, tableTopic, e.getMessage());
        } catch (RuntimeException e) {
            return fallback(comparison, limit, tableTopic, e.toString());
        }
    }

    private static List<String> fallback(io.cdctest.check.TableComparison comparison, int limit, String topic, String why) {
        List<String> lines = new ArrayList<>();
        comparison.samples().stream().limit(limit).forEach(d -> lines.add(d.toString()));
        lines.add("(cannot read topic " + topic + " to place the differences on a hop: " + why + ")");
        return lines;
    }

    @Override
    public Optional<String> failure() {
        for (Component component : List.of(Component.PRODUCER, Component.CONSUMER)) {
            ChildProcess process = component == Component.PRODUCER ? producer : consumer;
            Path statusFile = component == Component.PRODUCER ? producerStatus : consumerStatus;
            if (process != null && !process.isAlive()) {
                return Optional.of(process.deathNotice());
            }
            if (statusFile != null && "FAILED".equals(StatusFile.read(statusFile).get("state"))) {
                return Optional.of(process.name() + " failed: " + StatusFile.read(statusFile).get("error")
                        + " (log: " + process.log() + ")");
            }
        }
        if (kafka != null && !kafka.isAlive()) {
            return Optional.of("the Kafka broker stopped (" + kafka.describe() + ")");
        }
        return Optional.empty();
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("topic: " + (topics.perTable() ? topic + ".<database>.<table>" : topic) + " (" + wire.id()
                + "), consumer group: " + group);
        if (producer != null) {
            lines.add("producer: pid " + producer.pid() + ", log " + producer.log());
        }
        if (consumer != null) {
            lines.add("consumer: pid " + consumer.pid() + ", log " + consumer.log());
        }
        return lines;
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.stop(Duration.ofSeconds(10));
        }
        if (producer != null) {
            producer.stop(Duration.ofSeconds(10));
        }
        if (kafka != null && context.scenario().kafka().provision() == io.cdctest.spec.Provision.EXTERNAL) {
            try (KafkaAdmin admin = new KafkaAdmin(kafka.bootstrapServers())) {
                admin.deleteTopics(topicNames());
            } catch (CdctestException e) {
                org.slf4j.LoggerFactory.getLogger(FlinkCdcPipeline.class).warn("cannot delete topic {}: {}", topic,
                        e.getMessage());
            }
        }
    }

    private static void createDirectories(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw CdctestException.environment("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
