package io.cdctest.producer;

/**
 * One Kafka record the job writes, as a Flink POJO: the topic, key and value bytes, and headers as
 * alternating names and values.
 */
public final class ProducedRecord {
    public String topic;
    public byte[] key;
    public byte[] value;
    public String[] headers;

    public ProducedRecord() {
    }

    ProducedRecord(String topic, byte[] key, byte[] value, String[] headers) {
        this.topic = topic;
        this.key = key;
        this.value = value;
        this.headers = headers;
    }
}
