package io.cdctest.pipeline.kafka;

import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.RowDifference;
import io.cdctest.check.RowKey;
import io.cdctest.check.TableComparison;
import io.cdctest.check.Values;
import io.cdctest.format.ChangeDecoder;
import io.cdctest.format.ChangeEvent;
import io.cdctest.format.WireRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The topic between producer and consumer, read from the beginning to its current end, every
 * event of a table kept per key in topic order: with it a difference on the target is placed on a
 * hop (a change that is in Kafka but not on the target was lost by the consumer; one that never
 * reached Kafka, by the producer), and each key's events are audited ({@link EventAudit}).
 */
final class TopicSnapshot {
    /** An event of a key, and where it is in the topic. */
    record Last(ChangeEvent event, int partition, long offset) {
    }

    private final Map<RowKey, List<Last>> events = new HashMap<>();
    private final Map<RowKey, Last> last = new HashMap<>();
    private long count;

    private TopicSnapshot() {
    }

    /** Reads every event of one table (database and table as the source names them) from its topic. */
    static TopicSnapshot read(String bootstrapServers, String topic, ChangeDecoder decoder, ComparisonPlan plan) {
        return readAll(bootstrapServers, topic, decoder, List.of(plan)).get(plan);
    }

    /** Reads the events of several tables (each plan's source table) in one pass over a topic. */
    static Map<ComparisonPlan, TopicSnapshot> readAll(String bootstrapServers, String topic, ChangeDecoder decoder,
                                                      List<ComparisonPlan> plans) {
        Map<ComparisonPlan, TopicSnapshot> snapshots = new java.util.LinkedHashMap<>();
        Map<String, ComparisonPlan> byTable = new HashMap<>();
        for (ComparisonPlan plan : plans) {
            snapshots.put(plan, new TopicSnapshot());
            byTable.put(plan.source().database() + "." + plan.source().table(), plan);
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "cdctest-verifier-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new HashMap<>();
                    record.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null
                            : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
                    for (ChangeEvent event : decoder.decode(new WireRecord(record.topic(), record.key(), record.value(), headers))) {
                        ComparisonPlan plan = byTable.get(event.database() + "." + event.table());
                        if (plan != null) {
                            snapshots.get(plan).add(key(plan, event.image()), new Last(event, record.partition(), record.offset()));
                        }
                    }
                }
            }
        }
        return snapshots;
    }

    /** A snapshot of given events, in order (for tests of what reads it). */
    static TopicSnapshot of(ComparisonPlan plan, List<Last> events) {
        TopicSnapshot snapshot = new TopicSnapshot();
        events.forEach(e -> snapshot.add(key(plan, e.event().image()), e));
        return snapshot;
    }

    private void add(RowKey key, Last event) {
        events.computeIfAbsent(key, k -> new ArrayList<>(2)).add(event);
        last.put(key, event);
        count++;
    }

    /** Every key's events in topic order (keys of canonical values, as the checker's). */
    Map<RowKey, List<Last>> events() {
        return events;
    }

    /** How many events of the table the topic holds. */
    long count() {
        return count;
    }

    /** Where a difference was lost, as one phrase naming the hop. */
    String locate(ComparisonPlan plan, RowDifference difference) {
        Last l = last.get(difference.key());
        String where = l == null ? "" : " (partition " + l.partition() + ", offset " + l.offset() + ")";
        boolean deleted = l != null && (l.event().op() == ChangeEvent.Op.DELETE || l.event().op() == ChangeEvent.Op.UPDATE_BEFORE);
        if (difference instanceof RowDifference.MissingInTarget) {
            return l != null && !deleted ? "consumer hop: the row is in Kafka" + where + " but not in the target"
                    : "producer hop: the row never reached Kafka";
        }
        if (difference instanceof RowDifference.ExtraInTarget) {
            if (deleted) {
                return "consumer hop: the delete is in Kafka" + where + " but was not applied";
            }
            return l != null ? "producer hop: the delete never reached Kafka" : "not from this pipeline: the key was never in Kafka";
        }
        if (difference instanceof RowDifference.Different d) {
            if (l == null || deleted) {
                return "producer hop: Kafka has no current version of the row";
            }
            List<String> stale = new ArrayList<>();
            for (var column : d.columns()) {
                int i = plan.sourceColumns().indexOf(column.column());
                String inKafka = Values.canonicalOfObject(value(l.event().after(), column.column()), plan.kinds().get(i));
                if (!Values.equal(inKafka, column.source(), plan.kinds().get(i))) {
                    stale.add(column.column());
                }
            }
            return stale.isEmpty() ? "consumer hop: Kafka has the source's values" + where + " but the target does not"
                    : "producer hop: Kafka has other values for " + String.join(", ", stale) + where;
        }
        return "";
    }

    /** One line per sample: the difference and its hop. */
    List<String> locate(TableComparison comparison, int limit) {
        return comparison.samples().stream().limit(limit)
                .map(d -> d + " [" + locate(comparison.plan(), d) + "]").collect(Collectors.toList());
    }

    static RowKey key(ComparisonPlan plan, Map<String, Object> image) {
        String[] values = new String[plan.keyCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Values.canonicalOfObject(value(image, plan.sourceColumns().get(i)), plan.kinds().get(i));
        }
        return RowKey.of(plan.keyColumns(), values);
    }

    private static Object value(Map<String, Object> image, String column) {
        if (image == null) {
            return null;
        }
        for (Map.Entry<String, Object> e : image.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }
}
