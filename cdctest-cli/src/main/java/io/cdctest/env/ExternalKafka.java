package io.cdctest.env;

/**
 * A Kafka cluster that runs outside cdctest: checked for reachability, never stopped (a compose
 * project cdctest brought up is one too, see {@link ComposeKafka}).
 */
public class ExternalKafka implements KafkaService {
    private final String bootstrapServers;

    ExternalKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static ExternalKafka connect(String bootstrapServers) {
        try (KafkaAdmin admin = new KafkaAdmin(bootstrapServers)) {
            admin.brokers();
        }
        return new ExternalKafka(bootstrapServers);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public String describe() {
        return "kafka bootstrap " + bootstrapServers + " (" + origin() + ")";
    }

    /** Where the cluster comes from, for {@link #describe()}. */
    String origin() {
        return "external";
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
