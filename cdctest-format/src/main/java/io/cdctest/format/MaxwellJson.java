package io.cdctest.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maxwell's JSON: {@code {database, table, type, ts, xid, commit, data, old}}. {@code data} is the
 * full row; {@code old} holds only the columns an update changed, so the before image is
 * {@code data} with {@code old} laid over it. {@code ts} is in seconds. Bytes are base64, SET
 * columns arrays, JSON columns nested documents; which columns those are comes from the column
 * types given to the decoder. {@code bootstrap-insert} rows are snapshot reads; bootstrap markers
 * and DDL ({@code table-create}, ...) carry no row.
 */
final class MaxwellJson extends NamedFormat {
    private static final String FORMAT = "maxwell-json";

    MaxwellJson() {
        super(FORMAT, "Maxwell {database, table, type, ts, xid, data, old} (BLOB base64, SET arrays)", false);
    }

    @Override
    public ChangeDecoder decoder(Topics topics, ColumnTypes types) {
        return JsonValues.messages(FORMAT, (root, record) -> decode(root, types));
    }

    private static List<ChangeEvent> decode(JsonNode root, ColumnTypes hints) {
        String type = JsonValues.text(root, "type", FORMAT);
        ChangeEvent.Op op = switch (type) {
            case "insert" -> ChangeEvent.Op.INSERT;
            case "bootstrap-insert" -> ChangeEvent.Op.READ;
            case "update" -> ChangeEvent.Op.UPDATE;
            case "delete" -> ChangeEvent.Op.DELETE;
            default -> null;
        };
        if (op == null) {
            if (type.startsWith("bootstrap-") || type.startsWith("table-") || type.startsWith("database-")
                    || type.equals("heartbeat")) {
                return List.of(); // bootstrap markers, DDL, heartbeats
            }
            throw new MalformedMessageException(JsonValues.notA(FORMAT) + " message: unknown type '" + type + "'");
        }
        String db = JsonValues.text(root, "database", FORMAT);
        String table = JsonValues.text(root, "table", FORMAT);
        JsonValues.TypeLookup types = column -> hints.of(db, table, column);
        JsonNode data = JsonValues.object(root, "data", FORMAT);
        Map<String, Object> row = JsonValues.row(data, types, JsonValues.BinaryText.BASE64);
        List<String> keys = new ArrayList<>();
        root.path("primary_key_columns").forEach(k -> keys.add(k.asText()));
        ChangeEvent.Source source = new ChangeEvent.Source(root.path("ts").asLong(0) * 1000L,
                root.path("position").asText(null), List.copyOf(keys), Map.of());
        return List.of(ChangeEvent.ofImage(db, table, op, row,
                JsonValues.row(root.get("old"), types, JsonValues.BinaryText.BASE64), source));
    }

    @Override
    public ChangeEncoder encoder() {
        return (event, topics) -> {
            if (event.op() == ChangeEvent.Op.UPDATE_BEFORE) {
                return List.of();
            }
            Map<String, String> types = event.source().columnTypes();
            ObjectNode root = JsonValues.NODES.objectNode();
            root.put("database", event.database());
            root.put("table", event.table());
            root.put("type", switch (event.op()) {
                case READ -> "bootstrap-insert";
                case INSERT -> "insert";
                case UPDATE, UPSERT -> "update";
                default -> "delete";
            });
            root.put("ts", event.source().timestampMs() / 1000L);
            root.put("commit", true);
            if (event.source().gtid() != null) {
                root.put("position", event.source().gtid());
            }
            if (!event.source().keyColumns().isEmpty()) {
                ArrayNode keys = root.putArray("primary_key_columns");
                event.source().keyColumns().forEach(keys::add);
            }
            boolean delete = event.op() == ChangeEvent.Op.DELETE;
            root.set("data", JsonValues.rowNode(delete ? event.before() : event.after(), types, JsonValues.BinaryText.BASE64, false));
            if (event.op() == ChangeEvent.Op.UPDATE && event.before() != null) {
                root.set("old", JsonValues.rowNode(JsonValues.changed(event.before(), event.after()), types,
                        JsonValues.BinaryText.BASE64, false));
            }
            return List.of(KeyedRows.byTable(event, topics, JsonValues.write(root), Map.of()));
        };
    }
}
