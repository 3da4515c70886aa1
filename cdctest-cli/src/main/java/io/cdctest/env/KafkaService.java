package io.cdctest.env;

/** A Kafka cluster the run uses: embedded, in a container, or given by bootstrap servers. */
public interface KafkaService extends AutoCloseable {

    String bootstrapServers();

    /**
     * Where the client that dials across the named network link should bootstrap: an embedded broker
     * has a listener per link, advertised at the link's fault point; any other Kafka is dialed directly.
     */
    default String bootstrapServers(String link) {
        return bootstrapServers();
    }

    boolean isAlive();

    /** How a person reaches this Kafka, for --keep-env. */
    String describe();

    @Override
    void close();
}
