package io.cdctest.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row change as read from (or written to) a topic, whatever the wire format. Row images map
 * column name to a JDBC-ready value: Long, BigDecimal, Float, Double, Boolean, String
 * (temporal values as SQL text in UTC, JSON and SET as text), byte[] or null.
 *
 * @param before the row before the change (null for inserts and snapshot reads; only the key
 *               columns for an upsert-kafka delete)
 * @param after  the row after the change (null for deletes)
 * @param source what the source said about the change; {@link Source#UNKNOWN} where the format
 *               carries nothing
 */
public record ChangeEvent(String database, String table, Op op, Map<String, Object> before,
                          Map<String, Object> after, Source source) {

    public ChangeEvent(String database, String table, Op op, Map<String, Object> before, Map<String, Object> after) {
        this(database, table, op, before, after, Source.UNKNOWN);
    }

    public enum Op {
        /** A row read by the initial snapshot. */
        READ,
        INSERT,
        UPDATE,
        /** The first half of an update in retract formats ({@code -U}): the row before, no row after. */
        UPDATE_BEFORE,
        /** A row image from a format that does not tell inserts from updates (upsert-kafka). */
        UPSERT,
        DELETE
    }

    /**
     * The change of a format whose messages carry one row image (Canal, Maxwell, the enterprise
     * platform): the row after the change, or the row deleted, and for an update the old values of the
     * columns it changed, laid over the row to give the row before.
     *
     * @param oldValues for an update, the changed columns' values before it (null or partial: the rest as after)
     */
    static ChangeEvent ofImage(String database, String table, Op op, Map<String, Object> row,
                               Map<String, Object> oldValues, Source source) {
        return switch (op) {
            case DELETE -> new ChangeEvent(database, table, op, row, null, source);
            case UPDATE -> {
                Map<String, Object> before = new LinkedHashMap<>(row);
                if (oldValues != null) {
                    before.putAll(oldValues);
                }
                yield new ChangeEvent(database, table, op, before, row, source);
            }
            default -> new ChangeEvent(database, table, op, null, row, source);
        };
    }

    /** The row image that identifies the row: after, or before for deletes. */
    public Map<String, Object> image() {
        return after != null ? after : before;
    }

    /**
     * Metadata of the change on the source.
     *
     * @param timestampMs when the source committed it (0 unknown)
     * @param gtid        the transaction's GTID, or the binlog position as {@code file:pos} (null unknown)
     * @param keyColumns  the table's primary-key columns (empty unknown)
     * @param columnTypes each column's MySQL type as in DDL, lower case: {@code varchar(255)},
     *                    {@code decimal(10,2)}, {@code blob} (empty unknown)
     */
    public record Source(long timestampMs, String gtid, List<String> keyColumns, Map<String, String> columnTypes) {
        public static final Source UNKNOWN = new Source(0, null, List.of(), Map.of());
    }
}
