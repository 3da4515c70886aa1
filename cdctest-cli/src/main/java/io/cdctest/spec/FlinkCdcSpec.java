package io.cdctest.spec;

import java.time.Duration;
import java.util.List;

/**
 * The {@code flink_cdc:} block: which tables the producer captures, the topic between producer and
 * consumer, the consumer's group and batch size.
 *
 * @param format          the wire format on the topic ({@code debezium-json}, {@code canal-json}, ...; see
 *                        {@code io.cdctest.format.WireFormat})
 * @param consumerDropNth a self-test fault: the built-in consumer skips its Nth event (0: never)
 */
public record FlinkCdcSpec(String path, List<String> tables, String topic, int consumerBatchSize, String group,
                           boolean stopKafkaOnTeardown, Duration checkpointInterval, String format, long consumerDropNth) {
}
