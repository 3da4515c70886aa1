package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.CdctestHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A single-node KRaft Kafka broker (broker and controller in one JVM) from the Maven jars of the
 * {@code cdctest-kafka} module, run as a child process on free local ports.
 */
public final class EmbeddedKafka implements KafkaService, Restartable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final Path dir;
    private final RestartableChild broker;

    /** Started again by fault steps on the same ports and data directory: topics and offsets survive. */
    private EmbeddedKafka(int port, Path dir, List<String> command, Path log) {
        this.port = port;
        this.dir = dir;
        this.broker = new RestartableChild("kafka broker", () -> ChildProcess.start("kafka broker", command, Map.of(), dir, log),
                this::awaitReady);
    }

    public static EmbeddedKafka start(CdctestHome home, Path dir, Path log) {
        int port = Ports.free();
        int controllerPort = Ports.free();
        Path properties = dir.resolve("server.properties");
        try {
            Files.createDirectories(dir);
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=1",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    "") );
        } catch (IOException e) {
            throw CdctestException.environment("cannot write " + properties + ": " + e.getMessage(), e);
        }
        List<String> command = ChildProcess.java(home.classpath("cdctest-kafka"), "io.cdctest.kafka.BrokerMain",
                List.of("-Xmx512m", "-Xms128m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + dir), List.of(properties.toString()));
        EmbeddedKafka kafka = new EmbeddedKafka(port, dir, command, log);
        try {
            kafka.broker.start();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    private void awaitReady(ChildProcess process) {
        process.awaitReady(READY_TIMEOUT, () -> Ports.reachable("127.0.0.1", port, 200));
        try (KafkaAdmin admin = new KafkaAdmin(bootstrapServers())) {
            admin.brokers();
        }
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public boolean isAlive() {
        return broker.current() != null && broker.current().isAlive();
    }

    @Override
    public String describe() {
        return "kafka bootstrap " + bootstrapServers() + (broker.current() == null ? "" : " (pid " + broker.current().pid() + ")");
    }

    public ChildProcess process() {
        return broker.current();
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void kill() {
        broker.kill();
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public void start() {
        broker.start();
    }

    @Override
    public void pause() {
        broker.pause();
    }

    @Override
    public void resume() {
        broker.resume();
    }

    @Override
    public boolean faulted() {
        return broker.faulted();
    }

    @Override
    public boolean everFaulted() {
        return broker.everFaulted();
    }

    @Override
    public void close() {
        broker.close();
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(EmbeddedKafka.class).warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
