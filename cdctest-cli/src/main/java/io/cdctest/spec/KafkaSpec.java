package io.cdctest.spec;

/**
 * The Kafka leg of a pipeline ({@code kafka:}); embedded by default.
 *
 * @param composeDir     {@code provision: compose}: where the docker-compose file is (kafka.compose_dir,
 *                       else the pipeline's default: {@link PipelineSettings#composeDir()})
 * @param stopOnTeardown {@code provision: compose}: run {@code docker compose down} at the end if the run
 *                       started it (the pipeline's setting: {@link PipelineSettings#stopKafkaOnTeardown()})
 */
public record KafkaSpec(Provision provision, String bootstrapServers, int partitions, Origin origin,
                        java.nio.file.Path composeDir, boolean stopOnTeardown) {
}
