package io.cdctest.producer;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes each encoded change to its topic with its key and headers. The formats that share one
 * topic key records by {@code db.table}, so all changes of a table stay in one partition and keep
 * their order; the per-table formats key them by primary key.
 */
final class TableKeySerializer implements KafkaRecordSerializationSchema<ProducedRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(ProducedRecord record, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        if (record.headers != null) {
            for (int i = 0; i + 1 < record.headers.length; i += 2) {
                headers.add(record.headers[i], record.headers[i + 1] == null ? null
                        : record.headers[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ProducerRecord<>(record.topic, null, timestamp, record.key, record.value, headers);
    }
}
