package io.cdctest.spec;

/** The Kafka leg of a pipeline ({@code kafka:}); embedded by default. */
public record KafkaSpec(Provision provision, String bootstrapServers, int partitions, Origin origin) {
}
