package io.cdctest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes Debezium JSON change events, with or without the {@code {schema, payload}} envelope.
 * With the envelope, every value is decoded by its Kafka Connect type and Debezium logical type
 * (decimals, dates, times, timestamps, bits). Without it, JSON values are taken as they are, and
 * the column types given (if any) settle base64 bytes. Tombstones (null values) carry nothing.
 */
final class DebeziumJsonDecoder implements ChangeDecoder {
    private static final String FORMAT = "debezium-json";
    /** Fields of Debezium messages that carry no row: transaction markers and schema changes. */
    private static final List<String> NO_ROW_FIELDS = List.of("status", "ddl", "historyRecord", "tableChanges");
    private final ColumnTypes hints;

    DebeziumJsonDecoder(ColumnTypes hints) {
        this.hints = hints;
    }

    @Override
    public List<ChangeEvent> decode(WireRecord record) {
        if (record.tombstone()) {
            return List.of();
        }
        JsonNode root = JsonValues.read(record.value(), FORMAT);
        if (!root.isObject()) {
            throw new MalformedMessageException(JsonValues.notA(FORMAT) + " message: expected a JSON object");
        }
        boolean enveloped = root.has("payload") && root.has("schema");
        JsonNode payload = enveloped ? root.get("payload") : root;
        if (payload == null || payload.isNull()) {
            return List.of();
        }
        if (!payload.has("op")) {
            if (NO_ROW_FIELDS.stream().anyMatch(payload::has) || (payload.size() == 1 && payload.has("ts_ms"))) {
                return List.of(); // heartbeat, schema change or transaction marker
            }
            throw new MalformedMessageException(JsonValues.notA(FORMAT) + " message: no 'op' field");
        }
        Map<String, JsonNode> fieldSchemas = enveloped ? rowFieldSchemas(root.get("schema")) : Map.of();
        ChangeEvent.Op op = switch (payload.get("op").asText()) {
            case "r" -> ChangeEvent.Op.READ;
            case "c" -> ChangeEvent.Op.INSERT;
            case "u" -> ChangeEvent.Op.UPDATE;
            case "d" -> ChangeEvent.Op.DELETE;
            default -> null;
        };
        if (op == null) {
            return List.of(); // truncate and message events carry no row
        }
        JsonNode source = payload.path("source");
        String db = source.path("db").asText();
        String table = source.path("table").asText();
        JsonValues.TypeLookup hint = column -> hints.of(db, table, column);
        ChangeEvent.Source meta = new ChangeEvent.Source(source.path("ts_ms").asLong(payload.path("ts_ms").asLong(0)),
                position(source), keyColumns(record.key()), columnTypes(fieldSchemas));
        return List.of(new ChangeEvent(db, table, op, row(payload.get("before"), fieldSchemas, hint),
                row(payload.get("after"), fieldSchemas, hint), meta));
    }

    /** The GTID, or the binlog position as {@code file:pos}, of the change. */
    static String position(JsonNode source) {
        String gtid = source.path("gtid").asText(null);
        if (gtid != null && !gtid.isEmpty()) {
            return gtid;
        }
        String file = source.path("file").asText(null);
        return file == null || file.isEmpty() ? null : file + ":" + source.path("pos").asLong();
    }

    /** The key columns, when the record key is Debezium's key struct (with or without its schema). */
    private static List<String> keyColumns(byte[] key) {
        if (key == null || key.length == 0 || key[0] != '{') {
            return List.of();
        }
        try {
            JsonNode node = JsonValues.JSON.readTree(key);
            JsonNode payload = node.has("payload") && node.has("schema") ? node.get("payload") : node;
            List<String> columns = new java.util.ArrayList<>();
            payload.fieldNames().forEachRemaining(columns::add);
            return List.copyOf(columns);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Column types from {@code column.propagate.source.type} parameters, when the producer set them. */
    private static Map<String, String> columnTypes(Map<String, JsonNode> schemas) {
        Map<String, String> types = new LinkedHashMap<>();
        schemas.forEach((column, schema) -> {
            JsonNode p = schema.path("parameters");
            String type = p.path("__debezium.source.column.type").asText(null);
            if (type != null) {
                String length = p.path("__debezium.source.column.length").asText(null);
                String scale = p.path("__debezium.source.column.scale").asText(null);
                String lower = type.toLowerCase(java.util.Locale.ROOT);
                types.put(column, length == null ? lower : lower + "(" + length + (scale == null ? "" : "," + scale) + ")");
            }
        });
        return types;
    }

    /** The schemas of the row's columns, from the {@code before}/{@code after} struct schema. */
    private static Map<String, JsonNode> rowFieldSchemas(JsonNode schema) {
        Map<String, JsonNode> fields = new HashMap<>();
        for (JsonNode field : schema.path("fields")) {
            String name = field.path("field").asText();
            if (name.equals("after") || name.equals("before")) {
                for (JsonNode column : field.path("fields")) {
                    fields.put(column.path("field").asText(), column);
                }
            }
        }
        return fields;
    }

    private static Map<String, Object> row(JsonNode node, Map<String, JsonNode> schemas, JsonValues.TypeLookup hint) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (schemas.isEmpty()) {
            return JsonValues.row(node, hint, JsonValues.BinaryText.BASE64);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            row.put(e.getKey(), value(e.getValue(), schemas.get(e.getKey()), hint.of(e.getKey())));
        }
        return row;
    }

    /**
     * A value by its schema. Where the value's JSON type contradicts the schema (the Flink CDC Kafka
     * sink declares {@code int32 io.debezium.time.Date} and sends {@code "1970-04-11"}, declares
     * {@code Bits} for BINARY columns), the value wins; the column type, where known, settles bytes.
     */
    static Object value(JsonNode v, JsonNode schema, String columnType) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (schema == null) {
            return JsonValues.value(v, columnType, JsonValues.BinaryText.BASE64);
        }
        String logical = logicalName(schema.path("name").asText(""));
        String type = schema.path("type").asText("");
        if (ColumnTypes.isBinary(columnType) && v.isTextual()) {
            return JsonValues.BinaryText.BASE64.decode(v.asText());
        }
        if (logical.startsWith("io.debezium.time.") && v.isTextual() && !logical.equals("io.debezium.time.ZonedTimestamp")) {
            return Temporal.text(v.asText());
        }
        switch (logical) {
            case "org.apache.kafka.connect.data.Decimal" -> {
                int scale = Integer.parseInt(schema.path("parameters").path("scale").asText("0"));
                return v.isTextual() ? new BigDecimal(new BigInteger(Base64.getDecoder().decode(v.asText())), scale)
                        : v.decimalValue();
            }
            case "io.debezium.time.Date" -> {
                return LocalDate.ofEpochDay(v.asLong()).toString();
            }
            case "io.debezium.time.Timestamp" -> {
                return Temporal.datetime(Instant.ofEpochMilli(v.asLong()));
            }
            case "io.debezium.time.MicroTimestamp" -> {
                return Temporal.datetime(Temporal.ofEpochMicros(v.asLong()));
            }
            case "io.debezium.time.NanoTimestamp" -> {
                return Temporal.datetime(Instant.EPOCH.plusNanos(v.asLong()));
            }
            case "io.debezium.time.ZonedTimestamp" -> {
                try {
                    return Temporal.datetime(OffsetDateTime.parse(v.asText()).toInstant());
                } catch (java.time.format.DateTimeParseException e) {
                    return Temporal.text(v.asText()); // "2023-01-01 00:00:00Z" from the Flink CDC Kafka sink
                }
            }
            case "io.debezium.time.Time" -> {
                return Temporal.time(v.asLong() * 1_000L);
            }
            case "io.debezium.time.MicroTime" -> {
                return Temporal.time(v.asLong());
            }
            case "io.debezium.time.NanoTime" -> {
                return Temporal.time(v.asLong() / 1_000L);
            }
            case "io.debezium.data.Bits" -> {
                return Bits.toLong(Base64.getDecoder().decode(v.asText()));
            }
            default -> {
                // plain Connect types below
            }
        }
        return switch (type) {
            case "int8", "int16", "int32", "int64" -> v.asLong();
            case "float" -> v.floatValue();
            case "double" -> v.doubleValue();
            case "boolean" -> v.asBoolean();
            case "bytes" -> Base64.getDecoder().decode(v.asText());
            case "string" -> v.asText();
            default -> JsonValues.plain(v);
        };
    }

    /**
     * The logical type name without a relocation prefix: Flink CDC's shaded connector names decimals
     * {@code org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Decimal}.
     */
    static String logicalName(String name) {
        for (String prefix : new String[] {"org.apache.kafka.connect.", "io.debezium."}) {
            int at = name.indexOf(prefix);
            if (at > 0) {
                return name.substring(at);
            }
        }
        return name;
    }

    /** Temporal values as SQL text in UTC, so no JDBC time-zone rule can shift them. */
    static final class Temporal {
        private Temporal() {
        }

        /** Temporal text as MySQL writes it: {@code 2025-01-02T18:00:22.123456} and a trailing {@code Z} lose their marks. */
        static String text(String text) {
            String t = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
            return t.length() > 10 && t.charAt(10) == 'T' ? t.substring(0, 10) + " " + t.substring(11) : t;
        }

        static Instant ofEpochMicros(long micros) {
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        }

        static String datetime(Instant instant) {
            LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            String text = t.toLocalDate() + " " + String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
            int nanos = t.getNano();
            return nanos == 0 ? text : text + "." + String.format("%09d", nanos).replaceAll("0+$", "");
        }

        /** MySQL TIME text from microseconds; may be negative or beyond 24 hours. */
        static String time(long micros) {
            String sign = micros < 0 ? "-" : "";
            long abs = Math.abs(micros);
            long seconds = abs / 1_000_000L;
            long fraction = abs % 1_000_000L;
            String text = String.format("%s%02d:%02d:%02d", sign, seconds / 3600, (seconds / 60) % 60, seconds % 60);
            return fraction == 0 ? text : text + "." + String.format("%06d", fraction).replaceAll("0+$", "");
        }
    }

    /** Debezium's {@code Bits}: the bits of a BIT(n) column, least significant byte first. */
    static final class Bits {
        private Bits() {
        }

        static long toLong(byte[] littleEndian) {
            long value = 0;
            for (int i = littleEndian.length - 1; i >= 0; i--) {
                value = (value << 8) | (littleEndian[i] & 0xFFL);
            }
            return value;
        }
    }
}
