package io.cdctest.producer;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes each Debezium JSON change event to the topic with the key {@code db.table}, so all
 * changes of one table stay in one partition and keep their order.
 */
final class TableKeySerializer implements KafkaRecordSerializationSchema<String> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;

    TableKeySerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(String event, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, timestamp, key(event), event.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] key(String event) {
        try {
            JsonNode root = JSON.readTree(event);
            JsonNode payload = root.has("payload") ? root.get("payload") : root;
            JsonNode source = payload.path("source");
            String key = source.path("db").asText("") + "." + source.path("table").asText("");
            return key.getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return null;
        }
    }
}
