package io.cdctest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flink's upsert-kafka: the key is the primary key as JSON ({@code {"id": 5}}), the value the whole
 * row as JSON, or null (a tombstone) when the row was deleted. Inserts and updates look the same.
 * An update that changes the key is a tombstone for the old key and the row under the new one.
 * Each table has its own topic ({@code <topic>.<database>.<table>}); bytes are base64.
 */
final class UpsertKafka extends NamedFormat {
    private static final String FORMAT = "upsert-kafka";

    UpsertKafka() {
        super(FORMAT, "Flink upsert-kafka: key {pk}, value {row} or null for a delete, one topic per table", true);
    }

    @Override
    public ChangeDecoder decoder(Topics topics, ColumnTypes types) {
        return record -> {
            String[] table = KeyedRows.table(topics, record, FORMAT);
            JsonValues.TypeLookup lookup = column -> types.of(table[0], table[1], column);
            if (record.key() == null || record.key().length == 0) {
                throw new MalformedMessageException(JsonValues.notA(FORMAT) + " record: it has no key");
            }
            JsonNode key = JsonValues.read(record.key(), FORMAT + " key");
            if (!key.isObject()) {
                throw new MalformedMessageException(JsonValues.notA(FORMAT) + " record: the key is not a JSON object");
            }
            Map<String, Object> keyRow = JsonValues.row(key, lookup, JsonValues.BinaryText.BASE64);
            List<String> keyColumns = List.copyOf(keyRow.keySet());
            ChangeEvent.Source source = new ChangeEvent.Source(0, null, keyColumns, Map.of());
            if (record.tombstone()) {
                return List.of(new ChangeEvent(table[0], table[1], ChangeEvent.Op.DELETE, keyRow, null, source));
            }
            JsonNode value = JsonValues.read(record.value(), FORMAT);
            if (!value.isObject()) {
                throw new MalformedMessageException(JsonValues.notA(FORMAT) + " record: the value is not a JSON object");
            }
            return List.of(new ChangeEvent(table[0], table[1], ChangeEvent.Op.UPSERT, null,
                    JsonValues.row(value, lookup, JsonValues.BinaryText.BASE64), source));
        };
    }

    @Override
    public ChangeEncoder encoder() {
        return (event, topics) -> {
            String topic = topics.of(event.database(), event.table());
            List<WireRecord> records = new ArrayList<>();
            switch (event.op()) {
                case DELETE, UPDATE_BEFORE -> records.add(new WireRecord(topic, KeyedRows.key(event, event.before()), null));
                default -> {
                    if (event.before() != null && !KeyedRows.sameKey(event, event.before(), event.after())) {
                        records.add(new WireRecord(topic, KeyedRows.key(event, event.before()), null));
                    }
                    records.add(new WireRecord(topic, KeyedRows.key(event, event.after()), JsonValues.write(
                            JsonValues.rowNode(event.after(), Map.of(), JsonValues.BinaryText.BASE64, false))));
                }
            }
            return records;
        };
    }
}
