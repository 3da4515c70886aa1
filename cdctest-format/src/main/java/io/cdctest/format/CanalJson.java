package io.cdctest.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canal JSON: {@code {data: [rows], old: [changed columns], type, database, table, pkNames, isDdl,
 * mysqlType, sqlType, es, ts}}. One message may carry several rows; {@code old} holds, per row,
 * only the columns an UPDATE changed, so the before image is the row with {@code old} laid over it.
 * Canal writes every value as text (bytes one character per byte, ISO-8859-1); the Flink CDC Kafka
 * sink writes typed JSON values (and, before FLINK-36877, deleted rows in {@code old} with
 * {@code data: null}). The decoder takes all of them, reading {@code mysqlType} for bytes. DDL
 * ({@code isDdl: true}) and TiCDC's {@code TIDB_WATERMARK} carry no row.
 */
final class CanalJson extends NamedFormat {
    private static final String FORMAT = "canal-json";
    /** Canal's event types that carry no row (Canal's {@code EventType} names, TiCDC's watermark). */
    private static final java.util.Set<String> NO_ROW_TYPES = java.util.Set.of("CREATE", "ALTER", "ERASE", "QUERY",
            "TRUNCATE", "RENAME", "CINDEX", "DINDEX", "GTID", "XACOMMIT", "XAROLLBACK", "MHEARTBEAT", "TIDB_WATERMARK");

    CanalJson() {
        super(FORMAT, "Alibaba Canal {data:[...], old:[...], type, database, table, mysqlType} (values as text)", false);
    }

    @Override
    public ChangeDecoder decoder(Topics topics, ColumnTypes types) {
        return JsonValues.messages(FORMAT, (root, record) -> decode(root, types));
    }

    private static List<ChangeEvent> decode(JsonNode root, ColumnTypes hints) {
        String type = JsonValues.text(root, "type", FORMAT);
        if (root.path("isDdl").asBoolean(false)) {
            return List.of();
        }
        ChangeEvent.Op op = switch (type) {
            case "INSERT" -> ChangeEvent.Op.INSERT;
            case "UPDATE" -> ChangeEvent.Op.UPDATE;
            case "DELETE" -> ChangeEvent.Op.DELETE;
            default -> null;
        };
        if (op == null) {
            if (NO_ROW_TYPES.contains(type)) {
                return List.of(); // DDL without the flag, TiCDC's watermark
            }
            throw new MalformedMessageException(JsonValues.notA(FORMAT) + " message: unknown type '" + type + "'");
        }
        String db = JsonValues.text(root, "database", FORMAT);
        String table = JsonValues.text(root, "table", FORMAT);
        JsonNode old = root.get("old");
        JsonNode data = root.get("data");
        if (op == ChangeEvent.Op.DELETE && (data == null || data.isNull()) && old != null && old.isArray()) {
            data = old; // Flink CDC before FLINK-36877 wrote deleted rows to 'old'
            old = null;
        }
        if (data == null || !data.isArray()) {
            throw new MalformedMessageException(JsonValues.notA(FORMAT) + " message: 'data' is not an array");
        }
        Map<String, String> mysqlTypes = new LinkedHashMap<>();
        root.path("mysqlType").fields().forEachRemaining(e -> mysqlTypes.put(e.getKey(), e.getValue().asText().toLowerCase(java.util.Locale.ROOT)));
        JsonValues.TypeLookup types = column -> mysqlTypes.getOrDefault(column, hints.of(db, table, column));
        List<String> keys = new ArrayList<>();
        root.path("pkNames").forEach(k -> keys.add(k.asText()));
        ChangeEvent.Source source = new ChangeEvent.Source(root.path("es").asLong(0), null, List.copyOf(keys),
                Map.copyOf(mysqlTypes));
        List<ChangeEvent> events = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Map<String, Object> row = JsonValues.row(data.get(i), types, JsonValues.BinaryText.LATIN1);
            Map<String, Object> changed = op == ChangeEvent.Op.UPDATE && old != null && old.isArray() && i < old.size()
                    ? JsonValues.row(old.get(i), types, JsonValues.BinaryText.LATIN1) : null;
            events.add(ChangeEvent.ofImage(db, table, op, row, changed, source));
        }
        return events;
    }

    @Override
    public ChangeEncoder encoder() {
        return (event, topics) -> {
            if (event.op() == ChangeEvent.Op.UPDATE_BEFORE) {
                return List.of();
            }
            Map<String, String> types = event.source().columnTypes();
            ObjectNode root = JsonValues.NODES.objectNode();
            ArrayNode data = root.putArray("data");
            boolean delete = event.op() == ChangeEvent.Op.DELETE;
            data.add(JsonValues.rowNode(delete ? event.before() : event.after(), types, JsonValues.BinaryText.LATIN1, true));
            root.put("database", event.database());
            root.put("es", event.source().timestampMs());
            root.put("id", 0);
            root.put("isDdl", false);
            ObjectNode mysqlType = root.putObject("mysqlType");
            ObjectNode sqlType = root.putObject("sqlType");
            types.forEach((column, t) -> {
                mysqlType.put(column, t);
                sqlType.put(column, SqlTypes.code(t));
            });
            if (event.op() == ChangeEvent.Op.UPDATE && event.before() != null) {
                root.putArray("old").add(JsonValues.rowNode(JsonValues.changed(event.before(), event.after()), types,
                        JsonValues.BinaryText.LATIN1, true));
            } else {
                root.putNull("old");
            }
            ArrayNode pk = root.putArray("pkNames");
            event.source().keyColumns().forEach(pk::add);
            root.put("sql", "");
            root.put("table", event.table());
            root.put("ts", System.currentTimeMillis());
            root.put("type", switch (event.op()) {
                case READ, INSERT -> "INSERT";
                case UPDATE, UPSERT -> "UPDATE";
                default -> "DELETE";
            });
            return List.of(KeyedRows.byTable(event, topics, JsonValues.write(root), Map.of()));
        };
    }
}
