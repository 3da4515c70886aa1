package io.cdctest.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads column values into a canonical text per {@link ValueKind} and compares them by the kind's rule. */
public final class Values {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private Values() {
    }

    /** The canonical text of a value, or null for SQL NULL. */
    public static String read(ResultSet rs, int index, ValueKind kind) throws SQLException {
        return canonicalOfBytes(rs.getBytes(index), kind);
    }

    /** Canonical text of a value's bytes as the database sent them (null stays null). */
    static String canonicalOfBytes(byte[] bytes, ValueKind kind) {
        if (bytes == null) {
            return null;
        }
        if (kind.readAsBytes()) {
            return kind == ValueKind.BIT ? new BigInteger(1, bytes).toString() : HexFormat.of().formatHex(bytes);
        }
        return canonical(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), kind);
    }

    /**
     * Canonical text of a value decoded from a change event (Long, BigDecimal, Float, Double, Boolean,
     * String, byte[]), so events can be compared with rows read from a database.
     */
    public static String canonicalOfObject(Object value, ValueKind kind) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return kind == ValueKind.BIT ? new BigInteger(1, bytes).toString() : HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof BigDecimal d) {
            return canonical(d.toPlainString(), kind);
        }
        return canonical(String.valueOf(value), kind);
    }

    /** Canonical text of a value given as text. */
    public static String canonical(String text, ValueKind kind) {
        switch (kind) {
            case INTEGER, DECIMAL -> {
                if (plainInteger(text)) {
                    return text;
                }
                try {
                    BigDecimal d = new BigDecimal(text.trim());
                    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return text;
                }
            }
            case BOOLEAN -> {
                String t = text.trim().toLowerCase(Locale.ROOT);
                return switch (t) {
                    case "true" -> "1";
                    case "false" -> "0";
                    default -> canonical(t, ValueKind.INTEGER);
                };
            }
            case TEMPORAL -> {
                String t = text.trim().replace('T', ' ');
                int dot = t.lastIndexOf('.');
                if (dot > 0 && t.substring(dot + 1).chars().allMatch(Character::isDigit)) {
                    String fraction = t.substring(dot + 1).replaceAll("0+$", "");
                    t = fraction.isEmpty() ? t.substring(0, dot) : t.substring(0, dot + 1) + fraction;
                }
                return t;
            }
            case JSON -> {
                return canonicalJson(text);
            }
            case CHAR -> {
                return text.replaceAll(" +$", "");
            }
            case VECTOR -> {
                return canonicalVector(text);
            }
            default -> {
                return text;
            }
        }
    }

    /** {@code 0} or an integer without sign or leading zeros, or with a minus: already canonical. */
    static boolean plainInteger(String text) {
        int n = text.length();
        int start = n > 1 && text.charAt(0) == '-' ? 1 : 0;
        if (n == start || (text.charAt(start) == '0' && n > start + 1) || (start == 1 && text.equals("-0"))) {
            return n == 1 && text.charAt(0) == '0';
        }
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether two canonical values are equal under the kind's rule (tolerances for floating point). */
    public static boolean equal(String a, String b, ValueKind kind) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a.equals(b)) {
            return true;
        }
        if (kind == ValueKind.FLOAT) {
            return sameToSixDigits(a, b);
        }
        if (kind == ValueKind.DOUBLE) {
            return closeEnough(a, b, 1e-12);
        }
        if (kind == ValueKind.VECTOR) {
            String[] xs = a.split(",");
            String[] ys = b.split(",");
            if (xs.length != ys.length) {
                return false;
            }
            for (int i = 0; i < xs.length; i++) {
                if (!closeEnough(xs[i], ys[i], 1e-6)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * FLOAT values equal to six significant digits: within half a unit of the sixth digit of the
     * larger, plus the float's own rounding. MariaDB prints a FLOAT in six digits over the text protocol,
     * and Flink CDC's snapshot reads it so (23598.36 arrives as 23598.4, see FLINK_CDC_GUIDE.md); the
     * Kafka audit compares FLOATs the same way. A difference in the sixth digit is still found.
     */
    private static boolean sameToSixDigits(String a, String b) {
        try {
            double x = Double.parseDouble(a.trim());
            double y = Double.parseDouble(b.trim());
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.isNaN(x) && Double.isNaN(y);
            }
            double scale = Math.max(Math.abs(x), Math.abs(y));
            if (scale == 0 || Double.isInfinite(scale)) {
                return x == y;
            }
            double sixthDigit = Math.pow(10, Math.floor(Math.log10(scale)) - 5);
            return Math.abs(x - y) <= 0.5 * sixthDigit + scale * 0x1p-23;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean closeEnough(String a, String b, double relative) {
        try {
            double x = Double.parseDouble(a.trim());
            double y = Double.parseDouble(b.trim());
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.isNaN(x) && Double.isNaN(y);
            }
            double scale = Math.max(Math.abs(x), Math.abs(y));
            return Math.abs(x - y) <= relative * Math.max(scale, Double.MIN_NORMAL);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String canonicalVector(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        for (String part : t.split(",")) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(part.trim());
        }
        return out.toString();
    }

    static String canonicalJson(String text) {
        try {
            StringBuilder out = new StringBuilder();
            writeCanonical(JSON.readTree(text), out);
            return out.toString();
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static void writeCanonical(JsonNode node, StringBuilder out) throws JsonProcessingException {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(JSON.writeValueAsString(e.getKey())).append(':');
                writeCanonical(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeCanonical(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal d = node.decimalValue();
            out.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }
}
