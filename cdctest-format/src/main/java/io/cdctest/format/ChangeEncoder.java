package io.cdctest.format;

import java.util.List;

/**
 * Writes one row change as the Kafka records of a format: usually one; two for formats that split
 * an update ({@code -U} and {@code +U}) or whose key changed (tombstone for the old key).
 */
public interface ChangeEncoder {
    /**
     * @param topics where each table's records go
     */
    List<WireRecord> encode(ChangeEvent event, Topics topics);
}
