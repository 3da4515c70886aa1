package io.cdctest.pipeline.format;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * (decimals, dates, times, timestamps, bits). Without it, JSON values are taken as they are.
 */
public final class DebeziumJsonDecoder implements ChangeDecoder {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Override
    public List<ChangeEvent> decode(byte[] key, byte[] value) {
        if (value == null || value.length == 0) {
            return List.of(); // tombstone
        }
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
        boolean enveloped = root.has("payload") && root.has("schema");
        JsonNode payload = enveloped ? root.get("payload") : root;
        if (payload == null || payload.isNull() || !payload.has("op")) {
            return List.of(); // heartbeat, schema change or transaction marker
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
        return List.of(new ChangeEvent(source.path("db").asText(), source.path("table").asText(), op,
                row(payload.get("before"), fieldSchemas), row(payload.get("after"), fieldSchemas)));
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

    private static Map<String, Object> row(JsonNode node, Map<String, JsonNode> schemas) {
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            row.put(e.getKey(), value(e.getValue(), schemas.get(e.getKey())));
        }
        return row;
    }

    static Object value(JsonNode v, JsonNode schema) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (schema == null) {
            return plain(v);
        }
        String logical = logicalName(schema.path("name").asText(""));
        String type = schema.path("type").asText("");
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
                return Temporal.datetime(OffsetDateTime.parse(v.asText()).toInstant());
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
            default -> plain(v);
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

    private static Object plain(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.asLong() : v.bigIntegerValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        return v.toString();
    }

    /** Temporal values as SQL text in UTC, so no JDBC time-zone rule can shift them. */
    static final class Temporal {
        private Temporal() {
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
