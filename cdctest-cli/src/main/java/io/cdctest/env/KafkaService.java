package io.cdctest.env;

/** A Kafka cluster the run uses: embedded, in a container, or given by bootstrap servers. */
public interface KafkaService extends AutoCloseable {

    String bootstrapServers();

    boolean isAlive();

    /** How a person reaches this Kafka, for --keep-env. */
    String describe();

    @Override
    void close();
}
