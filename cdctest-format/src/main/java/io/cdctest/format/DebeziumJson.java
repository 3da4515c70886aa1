package io.cdctest.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Debezium JSON ({@code {before, after, source, op, ts_ms}}, optionally in a {@code {schema, payload}}
 * envelope). The built-in producer writes the envelope itself from Flink CDC's records; this encoder
 * writes the schemaless layout, key {@code db.table}.
 */
final class DebeziumJson extends NamedFormat {

    DebeziumJson() {
        super("debezium-json", "Debezium change events {before, after, source, op} with the schema envelope "
                + "(Flink CDC's default)", false);
    }

    @Override
    public ChangeDecoder decoder(Topics topics, ColumnTypes types) {
        return new DebeziumJsonDecoder(types);
    }

    @Override
    public ChangeEncoder encoder() {
        return (event, topics) -> {
            ObjectNode root = JsonValues.NODES.objectNode();
            java.util.Map<String, String> types = java.util.Map.of(); // Debezium writes SET and JSON as strings
            root.set("before", event.before() == null || event.op() == ChangeEvent.Op.INSERT || event.op() == ChangeEvent.Op.READ
                    ? JsonValues.NODES.nullNode() : JsonValues.rowNode(event.before(), types, JsonValues.BinaryText.BASE64, false));
            root.set("after", event.after() == null ? JsonValues.NODES.nullNode()
                    : JsonValues.rowNode(event.after(), types, JsonValues.BinaryText.BASE64, false));
            ObjectNode source = root.putObject("source");
            source.put("db", event.database());
            source.put("table", event.table());
            source.put("ts_ms", event.source().timestampMs());
            if (event.source().gtid() != null) {
                source.put("gtid", event.source().gtid());
            }
            root.put("op", switch (event.op()) {
                case READ -> "r";
                case INSERT, UPSERT -> "c";
                case UPDATE, UPDATE_BEFORE -> "u";
                case DELETE -> "d";
            });
            root.put("ts_ms", event.source().timestampMs());
            return List.of(KeyedRows.byTable(event, topics, JsonValues.write(root), java.util.Map.of()));
        };
    }
}
