package io.cdctest.pipeline.flinkcdc;

import io.cdctest.CdctestException;
import io.cdctest.env.ChildProcess;
import io.cdctest.env.Environment;
import io.cdctest.format.WireFormat;
import io.cdctest.pipeline.ComponentStatus;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.kafka.KafkaLeg;
import io.cdctest.pipeline.process.ChildStatus;
import io.cdctest.pipeline.process.Shell;
import io.cdctest.spec.Component;
import io.cdctest.spec.Delivery;
import io.cdctest.spec.Template;
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
final class FlinkCdcPipeline implements Pipeline, Pipeline.Locate, Pipeline.Audit, Pipeline.Filters, Pipeline.Restartables {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final PipelineContext context;
    private final FlinkCdcSpec spec;
    private final String topic;
    private final String group;
    private final WireFormat wire;
    private final KafkaLeg kafka;
    private Databases databases;
    private io.cdctest.env.RestartableChild producer;
    private io.cdctest.env.RestartableChild consumer;
    private Path producerStatus;
    private Path consumerStatus;

    FlinkCdcPipeline(PipelineContext context) {
        this.context = context;
        this.spec = context.scenario().settings(FlinkCdcSpec.class);
        this.topic = spec.topic() + "_" + context.runId();
        this.group = spec.group() + "_" + context.runId();
        this.wire = WireFormat.byId(spec.format()).orElseThrow();
        this.kafka = new KafkaLeg(context, topic, group, wire, List.of(FlinkCdcPipelineFactory.PRODUCER_KAFKA,
                FlinkCdcPipelineFactory.KAFKA_CONSUMER));
    }

    @Override
    public void prepare() {
        kafka.prepare();
    }

    @Override
    public void start(Databases databases) {
        this.databases = databases;
        kafka.start(databases);
        // the producer and the consumer dial their servers across the run's links: through fault points when routed
        JdbcEndpoint source = dialed(FlinkCdcPipelineFactory.SOURCE_PRODUCER, databases.source().endpoint());
        JdbcEndpoint target = dialed(FlinkCdcPipelineFactory.CONSUMER_TARGET, databases.target().endpoint());
        Environment env = context.environment();
        producerStatus = env.workDir("producer").resolve("status.json");
        consumerStatus = env.workDir("consumer").resolve("status.json");
        int serverId = 5400 + (int) (Long.parseLong(context.runId(), 36) % 4000);
        List<String> captured = new java.util.ArrayList<>(databases.tables());
        spec.routes().forEach(r -> captured.add(r.sourceTable()));
        BuiltIn.ProducerJob producerJob = new BuiltIn.ProducerJob(source, databases.sourceDatabase(), captured,
                topic, wire.id(), kafka.bootstrapServers(FlinkCdcPipelineFactory.PRODUCER_KAFKA), serverId,
                spec.checkpointInterval().toMillis(), spec.filters(), producerStatus, spec.producerDropNth(), spec.jobManager());
        BuiltIn.ConsumerJob consumerJob = new BuiltIn.ConsumerJob(target, databases.targetDatabase(),
                topic, wire.id(), group, spec.consumerBatchSize(), kafka.bootstrapServers(FlinkCdcPipelineFactory.KAFKA_CONSUMER),
                consumerStatus, spec.consumerFaults(), spec.routes());
        java.util.function.Supplier<ChildProcess> launchProducer = spec.commands() == null
                ? () -> launch(env, "producer", BuiltIn.producerCommand(env.home(), producerJob, env.workDir("producer")),
                        BuiltIn.producerEnvironment(producerJob), env.workDir("producer"), producerStatus)
                : () -> launchCustom(env, "producer", spec.commands().producer(), producerJob, consumerJob, producerStatus);
        java.util.function.Supplier<ChildProcess> launchConsumer = spec.commands() == null
                ? () -> launch(env, "consumer", BuiltIn.consumerCommand(env.home(), consumerJob),
                        BuiltIn.consumerEnvironment(consumerJob), env.workDir("consumer"), consumerStatus)
                : () -> launchCustom(env, "consumer", spec.commands().consumer(), producerJob, consumerJob, consumerStatus);
        producer = env.own("producer", new io.cdctest.env.RestartableChild("producer", launchProducer,
                p -> awaitRunning(p, producerStatus)));
        consumer = env.own("consumer", new io.cdctest.env.RestartableChild("consumer", launchConsumer,
                c -> awaitRunning(c, consumerStatus)));
        producer.launch();
        consumer.launch();
        producer.awaitReady();
        consumer.awaitReady();
    }

    /** The endpoint as the component dialing across the link reaches it: at the link's fault point when routed. */
    private JdbcEndpoint dialed(String link, JdbcEndpoint endpoint) {
        io.cdctest.env.net.Address at = context.links().address(link, endpoint.host(), endpoint.port());
        return endpoint.at(at.host(), at.port());
    }

    /** Starts a built-in producer or consumer (again: its old status file is removed first). */
    private ChildProcess launch(Environment env, String name, List<String> command, Map<String, String> environment,
                                Path dir, Path statusFile) {
        createDirectories(dir);
        deleteStatus(statusFile);
        return ChildProcess.start(name, command, environment, dir, env.log(name));
    }

    private static void deleteStatus(Path statusFile) {
        try {
            java.nio.file.Files.deleteIfExists(statusFile);
        } catch (java.io.IOException e) {
            throw CdctestException.environment("cannot remove " + statusFile + ": " + e.getMessage(), e);
        }
    }

    /** A producer or consumer from the scenario's command template, run in flink_cdc.path (else its work directory). */
    private ChildProcess launchCustom(Environment env, String name, String template, BuiltIn.ProducerJob p,
                                      BuiltIn.ConsumerJob c, Path statusFile) {
        deleteStatus(statusFile);
        Path path = spec.commands().workDir();
        // each command bootstraps across its own link to Kafka
        String bootstrap = name.equals("producer") ? p.bootstrapServers() : c.bootstrapServers();
        Map<String, String> values = new java.util.HashMap<>(Map.of("db", p.database(), "source_db", p.database(),
                "target_db", c.database(), "tables", String.join(",", p.tables()), "topic", topic, "group", group,
                "consumer_batch_size", String.valueOf(c.batchSize()), "format", wire.id(),
                "bootstrap_servers", bootstrap));
        if (path != null) {
            values.put("path", path.toString());
        }
        String commandLine = Template.COMMAND.expand(template, placeholder -> {
            String value = values.get(placeholder);
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + placeholder + "}");
            }
            return Shell.quote(value);
        });
        Path dir = path != null ? path : env.workDir(name);
        createDirectories(env.workDir(name));
        org.slf4j.LoggerFactory.getLogger(FlinkCdcPipeline.class).debug("{} command: {}", name, commandLine);
        Map<String, String> environment = new java.util.LinkedHashMap<>(BuiltIn.scriptEnvironment(env.home(), p, c, statusFile));
        environment.put("CDCTEST_WORK_DIR", env.workDir(name).toString());
        environment.put("CDCTEST_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        return ChildProcess.start(name, Shell.guarded(commandLine), environment, dir, env.log(name));
    }

    /**
     * Waits for RUNNING in the child's status file. A custom command that writes none counts as
     * running once it has stayed up for flink_cdc.startup_grace.
     */
    private void awaitRunning(ChildProcess process, Path statusFile) {
        Duration grace = spec.commands() == null ? null : spec.commands().startupGrace();
        process.awaitReady(context.scaled(START_TIMEOUT), ChildStatus.readiness(statusFile, grace));
    }

    @Override
    public ComponentStatus status(Component component) {
        return switch (component) {
            case PRODUCER -> processStatus(component, producer, producerStatus);
            case CONSUMER -> processStatus(component, consumer, consumerStatus);
            case KAFKA -> kafka.status();
        };
    }

    private ComponentStatus processStatus(Component component, io.cdctest.env.RestartableChild child, Path statusFile) {
        ChildProcess process = child == null ? null : child.current();
        if (process == null) {
            return new ComponentStatus(component, false, "not started");
        }
        if (child.faulted()) {
            return new ComponentStatus(component, false, process.name() + " is down or paused by a fault step");
        }
        if (!process.isAlive()) {
            return new ComponentStatus(component, false, process.deathNotice());
        }
        Map<String, Object> status = ChildStatus.read(statusFile).fields();
        if (status.isEmpty() && spec.commands() != null) {
            return new ComponentStatus(component, true, process.name() + " pid " + process.pid()
                    + " running (custom command, no status file)" + lag(component));
        }
        String state = String.valueOf(status.getOrDefault("state", "UNKNOWN"));
        StringBuilder detail = new StringBuilder(process.name() + " pid " + process.pid() + ", state " + state);
        if (status.containsKey("events")) {
            detail.append(", ").append(status.get("events")).append(" events applied");
        }
        if (status.containsKey("redelivered")) {
            detail.append(" (fault mode: ").append(status.get("dropped")).append(" dropped, ")
                    .append(status.get("redelivered")).append(" redelivered)");
        }
        if (status.containsKey("error")) {
            detail.append(", error: ").append(status.get("error"));
        }
        detail.append(lag(component));
        return new ComponentStatus(component, "RUNNING".equals(state), detail.toString());
    }

    /** The consumer group's lag, for the consumer's status. */
    private String lag(Component component) {
        return component == Component.CONSUMER ? kafka.lag() : "";
    }

    @Override
    public List<String> locate(io.cdctest.check.TableComparison comparison, int limit) {
        return kafka.locate(comparison, limit);
    }

    /**
     * Audits each key's events in the topic against what the harness wrote (the Kafka leg's audit).
     * After a fault on the producer or Kafka the topic is at-least-once (the producer starts again
     * without its Flink state and reads a new snapshot): duplicates are tolerated, re-reads stand for
     * changes. So it is after a network fault on the producer's links: its job fails over and sends
     * again what it sent since its last checkpoint.
     */
    @Override
    public java.util.Optional<io.cdctest.check.EventCheck> audit(List<io.cdctest.check.ComparisonPlan> plans,
                                                                 io.cdctest.check.KeyHistory history) {
        boolean producerFaulted = producer != null && producer.everFaulted();
        boolean producerLinksFaulted = context.links().everFaulted(FlinkCdcPipelineFactory.SOURCE_PRODUCER,
                FlinkCdcPipelineFactory.PRODUCER_KAFKA);
        Delivery delivery = producerFaulted || producerLinksFaulted || kafka.everFaulted()
                ? Delivery.AT_LEAST_ONCE : spec.delivery();
        return kafka.audit(plans, history, this::filters, delivery, "flink_cdc.delivery", producerFaulted)
                .map(this::withRedelivery);
    }

    /**
     * The consumer's own account of events it applied twice (its redelivery fault mode): tolerated
     * only where the scenario declares at-least-once delivery.
     */
    private io.cdctest.check.EventCheck withRedelivery(io.cdctest.check.EventCheck check) {
        Object redelivered = ChildStatus.read(consumerStatus).get("redelivered");
        long count = redelivered instanceof Number n ? n.longValue() : 0;
        if (count == 0) {
            return check;
        }
        if (spec.delivery() == Delivery.AT_LEAST_ONCE) {
            return new io.cdctest.check.EventCheck(check.summary() + "; the consumer applied " + count
                    + " events again (redelivery, at-least-once: tolerated)", check.problems());
        }
        List<String> problems = new ArrayList<>(check.problems());
        problems.add("the consumer applied " + count + " events twice (redelivery) although the scenario declares "
                + "exactly-once delivery (flink_cdc.delivery)");
        return new io.cdctest.check.EventCheck(check.summary(), problems);
    }

    /** What the producer's declared filters keep out of the target (see {@link FlinkCdcSpec.Filters}). */
    @Override
    public io.cdctest.check.FilterEffects filters(io.cdctest.check.ComparisonPlan plan) {
        FlinkCdcSpec.Filters filters = spec.filters();
        String name = plan.source().database() + "." + plan.source().table();
        boolean excluded = filters.exclude() != null
                && java.util.regex.Pattern.compile(filters.exclude()).matcher(name).matches();
        return new io.cdctest.check.FilterEffects(excluded, filters.dmlTypes().contains("insert"),
                filters.dmlTypes().contains("update"), filters.dmlTypes().contains("delete"));
    }

    @Override
    public Optional<String> failure() {
        // the broker first: its death soon fails the producer and the consumer too
        Optional<String> broker = kafka.failure();
        if (broker.isPresent()) {
            return broker;
        }
        for (Component component : List.of(Component.PRODUCER, Component.CONSUMER)) {
            io.cdctest.env.RestartableChild child = component == Component.PRODUCER ? producer : consumer;
            Path statusFile = component == Component.PRODUCER ? producerStatus : consumerStatus;
            ChildProcess process = child == null ? null : child.current();
            if (process == null || child.faulted()) {
                continue;
            }
            if (!process.isAlive()) {
                return Optional.of(process.deathNotice());
            }
            Map<String, Object> status = statusFile == null ? Map.of() : ChildStatus.read(statusFile).fields();
            if ("FAILED".equals(status.get("state"))) {
                Object error = status.get("error"); // from the same write as the state
                return Optional.of(process.name() + " failed: " + (error == null ? "no message, see its log" : error)
                        + " (log: " + process.log() + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * The task is the producer's Flink job with the consumer and Kafka behind it: failed when one of
     * them stopped working, running when all three run, else waiting (one is down or paused on purpose).
     */
    @Override
    public io.cdctest.pipeline.PipelineState state() {
        String subject = "the Flink CDC pipeline (producer job, Kafka, consumer)";
        Optional<String> failure = failure();
        if (failure.isPresent()) {
            return new io.cdctest.pipeline.PipelineState(subject, "failed", failure);
        }
        for (Component component : List.of(Component.PRODUCER, Component.KAFKA, Component.CONSUMER)) {
            ComponentStatus status = status(component);
            if (!status.healthy()) {
                return new io.cdctest.pipeline.PipelineState(subject, "waiting (" + status.detail() + ")", Optional.empty());
            }
        }
        return new io.cdctest.pipeline.PipelineState(subject, "running", Optional.empty());
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(kafka.describe());
        for (io.cdctest.env.RestartableChild child : new io.cdctest.env.RestartableChild[] {producer, consumer}) {
            if (child != null && child.current() != null) {
                lines.add(child.name() + ": pid " + child.current().pid() + ", log " + child.current().log());
            }
        }
        return lines;
    }

    /** The producer, the consumer, and an embedded Kafka broker can be broken by fault steps. */
    @Override
    public Optional<io.cdctest.env.Restartable> restartable(Component component) {
        return switch (component) {
            case PRODUCER -> Optional.ofNullable(producer);
            case CONSUMER -> Optional.ofNullable(consumer);
            case KAFKA -> kafka.restartable();
        };
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close();
        }
        if (producer != null) {
            producer.close();
        }
        kafka.close();
    }

    private static void createDirectories(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw CdctestException.environment("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
