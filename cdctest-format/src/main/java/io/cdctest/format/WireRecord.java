package io.cdctest.format;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One Kafka record as a format sees it: topic, key and value bytes (either may be null; a null
 * value is a tombstone) and the headers as text.
 */
public record WireRecord(String topic, byte[] key, byte[] value, Map<String, String> headers) {

    public WireRecord(String topic, byte[] key, byte[] value) {
        this(topic, key, value, Map.of());
    }

    /** A record of JSON text, as the tests and the examples write them. */
    public static WireRecord ofText(String topic, String key, String value) {
        return new WireRecord(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the record has no value (null or empty): a tombstone, which carries no row. */
    public boolean tombstone() {
        return value == null || value.length == 0;
    }

    public String valueText() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }
}
