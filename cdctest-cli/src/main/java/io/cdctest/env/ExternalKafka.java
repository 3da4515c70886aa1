package io.cdctest.env;

/** A Kafka cluster that runs outside cdctest: checked for reachability, never stopped. */
public final class ExternalKafka implements KafkaService {
    private final String bootstrapServers;

    private ExternalKafka(String bootstrapServers) {
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
        return "kafka bootstrap " + bootstrapServers + " (external)";
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
