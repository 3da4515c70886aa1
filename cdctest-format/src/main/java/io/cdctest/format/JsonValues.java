package io.cdctest.format;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row values between JSON and the neutral Java values of {@link ChangeEvent}, shared by the JSON
 * formats. Binary values travel as text, in one of two ways: base64 (Debezium, Maxwell, Flink JSON)
 * or one character per byte (Canal's ISO-8859-1 strings).
 */
final class JsonValues {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Reads decimals exactly, scale included ({@code 10.00} stays {@code 10.00}). */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(NODES);

    /** How a format writes bytes as JSON text. */
    enum BinaryText {
        BASE64,
        LATIN1;

        byte[] decode(String text) {
            return this == BASE64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.ISO_8859_1);
        }

        String encode(byte[] bytes) {
            return this == BASE64 ? Base64.getEncoder().encodeToString(bytes) : new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private JsonValues() {
    }

    static JsonNode read(byte[] value, String format) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new MalformedMessageException(notA(format) + " message (not JSON: " + firstLine(e) + ")", e);
        }
    }

    /** Reads the change events of one JSON message; its record gives the topic and the headers. */
    @FunctionalInterface
    interface MessageDecoder {
        List<ChangeEvent> decode(JsonNode message, WireRecord record);
    }

    /**
     * The decoder of a format whose record values are JSON messages: a tombstone carries nothing, any
     * other value is read as one message and handed to {@code decoder}.
     */
    static ChangeDecoder messages(String format, MessageDecoder decoder) {
        return record -> record.tombstone() ? List.of() : decoder.decode(read(record.value(), format), record);
    }

    static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** A required text field of a message. */
    static String text(JsonNode message, String field, String format) {
        JsonNode v = message.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new MalformedMessageException(notA(format) + " message: no '" + field + "' field");
        }
        return v.asText();
    }

    /** A required object field of a message (a row). */
    static JsonNode object(JsonNode message, String field, String format) {
        JsonNode v = message.get(field);
        if (v == null || !v.isObject()) {
            throw new MalformedMessageException(notA(format) + " message: '" + field + "' is not an object");
        }
        return v;
    }

    /** How the errors of a format's decoder begin: {@code not a canal-json}, {@code not an upsert-kafka}. */
    static String notA(String format) {
        return ("aeiou".indexOf(format.charAt(0)) >= 0 ? "not an " : "not a ") + format;
    }

    /**
     * A row object as neutral values; each column's type (from the message or the hint) settles
     * what the JSON alone cannot: bytes in text, SET arrays, JSON documents, BIT numbers.
     */
    static Map<String, Object> row(JsonNode node, TypeLookup types, BinaryText binary) {
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            row.put(e.getKey(), value(e.getValue(), types.of(e.getKey()), binary));
        }
        return row;
    }

    /** The type of a column of the row being decoded (null: unknown). */
    @FunctionalInterface
    interface TypeLookup {
        String of(String column);
    }

    static Object value(JsonNode v, String type, BinaryText binary) {
        if (v == null || v.isNull()) {
            return null;
        }
        String base = ColumnTypes.base(type);
        if (ColumnTypes.isBinary(type) && v.isTextual()) {
            return binary.decode(v.asText());
        }
        if (base.equals("set") && v.isArray()) {
            List<String> labels = new ArrayList<>();
            v.forEach(label -> labels.add(label.asText()));
            return String.join(",", labels);
        }
        if (base.equals("bit")) {
            if (v.isBoolean()) {
                return v.asBoolean() ? 1L : 0L;
            }
            if (v.isTextual() && v.asText().matches("\\d+")) {
                return new BigInteger(v.asText()).longValue();
            }
        }
        if (base.equals("json")) {
            return v.isTextual() ? v.asText() : v.toString();
        }
        if (v.isNumber() && (base.equals("double") || base.equals("real"))) {
            return v.doubleValue(); // as a decimal, 1.7976931348623157E308 would be bound beyond DECIMAL's range
        }
        if (v.isNumber() && base.equals("float")) {
            return v.floatValue();
        }
        return plain(v);
    }

    /**
     * A JSON value as it is: integers as Long (BigDecimal beyond, e.g. BIGINT UNSIGNED, which JDBC
     * binds exactly), other numbers as BigDecimal; objects and arrays as JSON text.
     */
    static Object plain(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.asLong() : new BigDecimal(v.bigIntegerValue());
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

    /** The columns whose value differs between two images, with their value before. */
    static Map<String, Object> changed(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        before.forEach((column, value) -> {
            Object now = after.get(column);
            boolean same = value instanceof byte[] a && now instanceof byte[] b ? java.util.Arrays.equals(a, b)
                    : java.util.Objects.equals(value, now);
            if (!same) {
                changed.put(column, value);
            }
        });
        return changed;
    }

    /** A row as a JSON object; see {@link #node}. */
    static ObjectNode rowNode(Map<String, Object> row, Map<String, String> types, BinaryText binary, boolean asText) {
        ObjectNode node = NODES.objectNode();
        row.forEach((column, value) -> node.set(column, node(value, types.get(column), binary, asText)));
        return node;
    }

    /**
     * A neutral value as JSON: typed (numbers as numbers) or, for Canal, every value as text. SET
     * columns become arrays and JSON columns nested documents when {@code asText} is false.
     */
    static JsonNode node(Object value, String type, BinaryText binary, boolean asText) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof byte[] bytes) {
            return NODES.textNode(binary.encode(bytes));
        }
        if (asText) {
            if (value instanceof BigDecimal d) {
                return NODES.textNode(d.toPlainString());
            }
            if (value instanceof Boolean b) {
                return NODES.textNode(b ? "1" : "0");
            }
            return NODES.textNode(String.valueOf(value));
        }
        String base = ColumnTypes.base(type);
        if (base.equals("set") && value instanceof String s) {
            ArrayNode array = NODES.arrayNode();
            if (!s.isEmpty()) {
                for (String label : s.split(",", -1)) {
                    array.add(label);
                }
            }
            return array;
        }
        if (base.equals("json") && value instanceof String s) {
            try {
                return JSON.readTree(s);
            } catch (IOException e) {
                return NODES.textNode(s);
            }
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return NODES.textNode(String.valueOf(value));
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
