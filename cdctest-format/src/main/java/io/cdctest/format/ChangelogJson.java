package io.cdctest.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flink's changelog JSON ({@code changelog-json} of Flink CDC 1.x/2.x): {@code {data: {row}, op}} with
 * {@code op} one of {@code +I -U +U -D}. An update is two messages: {@code -U} with the row before,
 * {@code +U} with the row after. The messages do not name the table: each table has its own topic
 * ({@code <topic>.<database>.<table>}). Bytes are base64 (Flink's JSON format).
 */
final class ChangelogJson extends NamedFormat {
    private static final String FORMAT = "changelog-json";

    ChangelogJson() {
        super(FORMAT, "Flink changelog {data, op: +I|-U|+U|-D}, one topic per table", true);
    }

    @Override
    public ChangeDecoder decoder(Topics topics, ColumnTypes types) {
        return JsonValues.messages(FORMAT, (root, record) -> {
            String[] table = KeyedRows.table(topics, record, FORMAT);
            String op = JsonValues.text(root, "op", FORMAT);
            JsonNode data = JsonValues.object(root, "data", FORMAT);
            Map<String, Object> row = JsonValues.row(data, column -> types.of(table[0], table[1], column),
                    JsonValues.BinaryText.BASE64);
            ChangeEvent event = switch (op) {
                case "+I" -> new ChangeEvent(table[0], table[1], ChangeEvent.Op.INSERT, null, row);
                case "-U" -> new ChangeEvent(table[0], table[1], ChangeEvent.Op.UPDATE_BEFORE, row, null);
                case "+U" -> new ChangeEvent(table[0], table[1], ChangeEvent.Op.UPDATE, null, row);
                case "-D" -> new ChangeEvent(table[0], table[1], ChangeEvent.Op.DELETE, row, null);
                default -> throw new MalformedMessageException(JsonValues.notA(FORMAT) + " message: unknown op '" + op + "'");
            };
            return List.of(event);
        });
    }

    @Override
    public ChangeEncoder encoder() {
        return (event, topics) -> {
            String topic = topics.of(event.database(), event.table());
            List<WireRecord> records = new ArrayList<>();
            switch (event.op()) {
                case READ, INSERT -> records.add(record(event, topic, "+I", event.after()));
                case UPDATE, UPSERT -> {
                    if (event.before() != null) {
                        records.add(record(event, topic, "-U", event.before()));
                    }
                    records.add(record(event, topic, "+U", event.after()));
                }
                case UPDATE_BEFORE -> records.add(record(event, topic, "-U", event.before()));
                case DELETE -> records.add(record(event, topic, "-D", event.before()));
            }
            return records;
        };
    }

    private static WireRecord record(ChangeEvent event, String topic, String op, Map<String, Object> row) {
        ObjectNode root = JsonValues.NODES.objectNode();
        root.set("data", JsonValues.rowNode(row, Map.of(), JsonValues.BinaryText.BASE64, false));
        root.put("op", op);
        return new WireRecord(topic, KeyedRows.key(event, row), JsonValues.write(root));
    }
}
