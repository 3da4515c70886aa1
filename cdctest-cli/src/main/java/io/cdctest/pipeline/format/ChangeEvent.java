package io.cdctest.pipeline.format;

import java.util.Map;

/**
 * One row change as read from a topic, whatever the wire format. Row images map column name to a
 * JDBC-ready value: Long, BigDecimal, Float, Double, Boolean, String (temporal values as SQL text
 * in UTC), byte[] or null.
 *
 * @param before the row before the change (null for inserts and snapshot reads)
 * @param after  the row after the change (null for deletes)
 */
public record ChangeEvent(String database, String table, Op op, Map<String, Object> before,
                          Map<String, Object> after) {

    public enum Op {
        /** A row read by the initial snapshot. */
        READ,
        INSERT,
        UPDATE,
        DELETE
    }
}
