package io.cdctest.spec;

/**
 * The Kafka leg of a pipeline ({@code kafka:}); embedded by default.
 *
 * @param composeDir     {@code provision: compose}: where the docker-compose file is (kafka.compose_dir,
 *                       else flink_cdc.path)
 * @param stopOnTeardown {@code provision: compose}: run {@code docker compose down} at the end if the run
 *                       started it (the earlier tool's flink_cdc.stop_kafka_on_teardown)
 */
public record KafkaSpec(Provision provision, String bootstrapServers, int partitions, Origin origin,
                        java.nio.file.Path composeDir, boolean stopOnTeardown) {
}
