package io.cdctest.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enterprise binlog platform's JSON: {@code {database, table, type, timestamp, gtid, data,
 * old_data}} with headers {@code database}, {@code table}, {@code operation} and {@code gtid}, and
 * the record key {@code db.table} (the partition key). {@code type} is {@code insert}, {@code update}
 * or {@code delete}; {@code old_data} is set on updates only and may hold the whole row or only the
 * changed columns (it is laid over {@code data}); {@code timestamp} is in seconds. Database and
 * table come from the body, else from the headers. Bytes are base64.
 */
final class EnterpriseJson extends NamedFormat {
    private static final String FORMAT = "enterprise-json";

    EnterpriseJson() {
        super(FORMAT, "binlog platform {database, table, type, data, old_data, gtid, timestamp} + headers, key db.table", false);
    }

    @Override
    public ChangeDecoder decoder(Topics topics, ColumnTypes types) {
        return JsonValues.messages(FORMAT, (root, record) -> {
            String type = root.path("type").asText(record.headers().getOrDefault("operation", "")).toLowerCase(java.util.Locale.ROOT);
            ChangeEvent.Op op = switch (type) {
                case "insert" -> ChangeEvent.Op.INSERT;
                case "update" -> ChangeEvent.Op.UPDATE;
                case "delete" -> ChangeEvent.Op.DELETE;
                case "" -> throw new MalformedMessageException(JsonValues.notA(FORMAT) + " message: no 'type' field");
                default -> null; // DDL and other events carry no row
            };
            if (op == null) {
                return List.of();
            }
            String db = field(root, record, "database");
            String table = field(root, record, "table");
            JsonValues.TypeLookup lookup = column -> types.of(db, table, column);
            JsonNode data = JsonValues.object(root, "data", FORMAT);
            Map<String, Object> row = JsonValues.row(data, lookup, JsonValues.BinaryText.BASE64);
            String gtid = root.path("gtid").asText(record.headers().get("gtid"));
            ChangeEvent.Source source = new ChangeEvent.Source(root.path("timestamp").asLong(0) * 1000L, gtid, List.of(), Map.of());
            return List.of(ChangeEvent.ofImage(db, table, op, row,
                    JsonValues.row(root.get("old_data"), lookup, JsonValues.BinaryText.BASE64), source));
        });
    }

    private static String field(JsonNode root, WireRecord record, String name) {
        String value = root.path(name).asText(record.headers().get(name));
        if (value == null || value.isEmpty()) {
            throw new MalformedMessageException(JsonValues.notA(FORMAT) + " message: no '" + name + "' field or header");
        }
        return value;
    }

    @Override
    public ChangeEncoder encoder() {
        return (event, topics) -> {
            if (event.op() == ChangeEvent.Op.UPDATE_BEFORE) {
                return List.of();
            }
            String type = switch (event.op()) {
                case READ, INSERT -> "insert";
                case UPDATE, UPSERT -> "update";
                default -> "delete";
            };
            ObjectNode root = JsonValues.NODES.objectNode();
            root.put("database", event.database());
            root.put("table", event.table());
            root.put("type", type);
            root.put("timestamp", event.source().timestampMs() / 1000L);
            root.put("gtid", event.source().gtid());
            boolean delete = event.op() == ChangeEvent.Op.DELETE;
            Map<String, String> types = Map.of(); // SET and JSON columns as text
            root.set("data", JsonValues.rowNode(delete ? event.before() : event.after(), types, JsonValues.BinaryText.BASE64, false));
            root.set("old_data", type.equals("update") && event.before() != null
                    ? JsonValues.rowNode(event.before(), types, JsonValues.BinaryText.BASE64, false) : JsonValues.NODES.nullNode());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("database", event.database());
            headers.put("table", event.table());
            headers.put("operation", type);
            if (event.source().gtid() != null) {
                headers.put("gtid", event.source().gtid());
            }
            return List.of(KeyedRows.byTable(event, topics, JsonValues.write(root), headers));
        };
    }
}
