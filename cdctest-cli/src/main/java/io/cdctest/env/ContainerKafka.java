package io.cdctest.env;

import io.cdctest.CdctestException;
import org.testcontainers.kafka.KafkaContainer;

/** A Kafka broker in a container (Testcontainers, KRaft mode). */
public final class ContainerKafka implements KafkaService {
    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerKafka start() {
        Docker.require("kafka");
        KafkaContainer container = new KafkaContainer(Images.KAFKA);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw CdctestException.environment("Kafka container (" + Images.KAFKA + ") failed to start: "
                    + e.getMessage(), e);
        }
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public boolean isAlive() {
        return container.isRunning();
    }

    @Override
    public String describe() {
        return "kafka bootstrap " + bootstrapServers() + " (container " + container.getContainerName() + ")";
    }

    @Override
    public void close() {
        container.stop();
    }
}
