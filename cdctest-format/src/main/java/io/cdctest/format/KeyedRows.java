package io.cdctest.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Record keys: {@code db.table} for the formats that name the table in every message, and keys and
 * tables of the per-table formats (Flink changelog, upsert-kafka).
 */
final class KeyedRows {
    private KeyedRows() {
    }

    /** The record of a change in a format that names the table: key {@code db.table} (the partition key). */
    static WireRecord byTable(ChangeEvent event, Topics topics, byte[] value, Map<String, String> headers) {
        String key = event.database() + "." + event.table();
        return new WireRecord(topics.of(event.database(), event.table()), key.getBytes(StandardCharsets.UTF_8), value, headers);
    }

    /** Database and table of a record, from its per-table topic. */
    static String[] table(Topics topics, WireRecord record, String format) {
        return topics.tableOf(record.topic()).orElseThrow(() -> new MalformedMessageException(format
                + " records name their table by topic '" + topics.base() + ".<database>.<table>', got '" + record.topic() + "'"));
    }

    /** The record key: the row's primary-key columns as JSON ({@code {"id":5}}). */
    static byte[] key(ChangeEvent event, Map<String, Object> row) {
        if (event.source().keyColumns().isEmpty()) {
            throw new IllegalArgumentException("cannot key a change of " + event.database() + "." + event.table()
                    + ": its primary key is unknown");
        }
        ObjectNode key = JsonValues.rowNode(keyOf(event, row), Map.of(), JsonValues.BinaryText.BASE64, false);
        return JsonValues.write(key);
    }

    static boolean sameKey(ChangeEvent event, Map<String, Object> a, Map<String, Object> b) {
        return Objects.equals(JsonValues.rowNode(keyOf(event, a), Map.of(), JsonValues.BinaryText.BASE64, false),
                JsonValues.rowNode(keyOf(event, b), Map.of(), JsonValues.BinaryText.BASE64, false));
    }

    private static Map<String, Object> keyOf(ChangeEvent event, Map<String, Object> row) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String column : event.source().keyColumns()) {
            key.put(column, row.get(column));
        }
        return key;
    }
}
