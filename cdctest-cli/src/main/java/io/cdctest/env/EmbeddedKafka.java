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
public final class EmbeddedKafka extends ChildServer implements KafkaService {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    /** Each client link's bootstrap address: its fault point, or its listener when the link is not routed. */
    private final Map<String, String> clients;

    /** Started again by fault steps on the same ports and data directory: topics and offsets survive. */
    private EmbeddedKafka(int port, Path dir, List<String> command, Path log, Map<String, String> clients) {
        super("kafka broker", dir, () -> ChildProcess.start("kafka broker", command, Map.of(), dir, log));
        this.port = port;
        this.clients = clients;
    }

    /**
     * @param clientLinks network links whose dialer is a Kafka client: each gets a listener of its own,
     *                    advertised where {@code links} says that client should connect (its fault point),
     *                    so the client's every connection, after bootstrapping too, crosses the link
     */
    public static EmbeddedKafka start(CdctestHome home, Path dir, Path log, List<String> clientLinks,
                                      io.cdctest.env.net.Links links) {
        int port = Ports.free();
        int controllerPort = Ports.free();
        List<String> listeners = new java.util.ArrayList<>(List.of("PLAINTEXT://127.0.0.1:" + port,
                "CONTROLLER://127.0.0.1:" + controllerPort));
        List<String> advertised = new java.util.ArrayList<>(List.of("PLAINTEXT://127.0.0.1:" + port));
        List<String> protocols = new java.util.ArrayList<>(List.of("PLAINTEXT:PLAINTEXT", "CONTROLLER:PLAINTEXT"));
        Map<String, String> clients = new java.util.LinkedHashMap<>();
        for (String link : clientLinks) {
            String name = "LINK" + (clients.size() + 1);
            int linkPort = Ports.free();
            String address = links.address(link, "127.0.0.1", linkPort).toString();
            listeners.add(name + "://127.0.0.1:" + linkPort);
            advertised.add(name + "://" + address);
            protocols.add(name + ":PLAINTEXT");
            clients.put(link, address);
        }
        Path properties = dir.resolve("server.properties");
        try {
            Files.createDirectories(dir);
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=" + String.join(",", listeners),
                    "advertised.listeners=" + String.join(",", advertised),
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=" + String.join(",", protocols),
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
        return started(new EmbeddedKafka(port, dir, command, log, Map.copyOf(clients)));
    }

    @Override
    void awaitReady(ChildProcess process) {
        process.awaitReady(READY_TIMEOUT, Ports.answering("127.0.0.1", port));
        try (KafkaAdmin admin = new KafkaAdmin(bootstrapServers())) {
            admin.brokers();
        }
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public String bootstrapServers(String link) {
        return clients.getOrDefault(link, bootstrapServers());
    }

    @Override
    public String describe() {
        return "kafka bootstrap " + bootstrapServers() + (current() == null ? "" : " (pid " + current().pid() + ")");
    }

    @Override
    public String name() {
        return "kafka";
    }
}
