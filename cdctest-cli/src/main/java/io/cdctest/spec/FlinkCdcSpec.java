package io.cdctest.spec;

import java.time.Duration;
import java.util.List;

/**
 * The {@code flink_cdc:} block: which tables the producer captures, the topic between producer and
 * consumer, the consumer's group and batch size.
 */
public record FlinkCdcSpec(String path, List<String> tables, String topic, int consumerBatchSize, String group,
                           boolean stopKafkaOnTeardown, Duration checkpointInterval) {
}
