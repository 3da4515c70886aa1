package io.cdctest.generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Column generators per type, each with the edge values of its type: minimum and maximum, zero,
 * empty versus NULL, strings at their declared length, 4-byte UTF-8, quotes, backslashes and
 * trailing spaces, DECIMAL extremes, bounds of DATE/DATETIME/TIMESTAMP valid on MySQL and MatrixOne
 * with 0 to 6 fractional digits, bit patterns, zero bytes.
 */
final class Generators {
    private static final BigDecimal UNSIGNED_BIGINT_MAX = new BigDecimal("18446744073709551615");

    private Generators() {
    }

    static ColumnGen signed(long min, long max) {
        return new ColumnGen(List.of(min, max, 0L, -1L, 1L), (r, row) -> r.nextLong(min, max), false);
    }

    static ColumnGen unsigned(long max) {
        return new ColumnGen(List.of(0L, max, 1L, max / 2 + 1), (r, row) -> r.nextLong(0, max), false);
    }

    /** BIGINT UNSIGNED up to 2^64-1, bound as BigDecimal (the driver narrows BigInteger to long). */
    static ColumnGen unsignedBigint() {
        return new ColumnGen(List.of(BigDecimal.ZERO, UNSIGNED_BIGINT_MAX, new BigDecimal("9223372036854775807"),
                new BigDecimal("9223372036854775808")),
                (r, row) -> new BigDecimal(new BigInteger(1, longBytes(r.nextLong()))), false);
    }

    /** DECIMAL(precision, scale): both extremes, zero, the smallest step either side. */
    static ColumnGen decimal(int precision, int scale) {
        BigDecimal max = BigDecimal.TEN.pow(precision).subtract(BigDecimal.ONE).movePointLeft(scale);
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        BigInteger bound = BigInteger.TEN.pow(precision);
        return new ColumnGen(List.of(max, max.negate(), BigDecimal.ZERO.setScale(scale), step, step.negate()),
                (r, row) -> {
                    BigInteger unscaled = new BigInteger(1, longBytes(r.nextLong()))
                            .multiply(new BigInteger(1, longBytes(r.nextLong()))).mod(bound);
                    BigDecimal value = new BigDecimal(unscaled, scale);
                    return r.nextBoolean() ? value : value.negate();
                }, false);
    }

    /**
     * FLOAT values that are exact in binary and have at most 6 significant digits, so every engine
     * stores and prints them alike: MariaDB prints FLOAT with 6 significant digits, and a reader of
     * that text (Flink CDC's snapshot, say) gets 32791.8 for 32791.765625 (docs/FLINK_CDC_GUIDE.md).
     */
    static ColumnGen floats() {
        return new ColumnGen(List.of(0f, -1.5f, 3.25f, 65536f, -0.0078125f, 1.0e30f),
                (r, row) -> r.nextInt(-40_000, 40_000) / 4f, false);
    }

    /** DOUBLE values, including the largest and the smallest normal value. */
    static ColumnGen doubles() {
        return new ColumnGen(List.of(0d, -1d, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e-300, 0.1),
                (r, row) -> r.nextLong(-(1L << 52), 1L << 52) / 1024.0, false);
    }

    /** Text up to {@code maxLength} characters. */
    static ColumnGen text(int maxLength) {
        List<Object> edges = Arrays.asList("", " ", "it's", "back\\slash", "\"quoted\"", "tab\tand\nnewline",
                "trailing space  ", "NULL", "emoji 😀🚀", "中文字符", "ünïcödé", "x".repeat(maxLength),
                "😀".repeat(maxLength), "中".repeat(maxLength));
        return new ColumnGen(edges.stream().filter(e -> ((String) e).codePointCount(0, ((String) e).length()) <= maxLength)
                .toList(), (r, row) -> word(r, 1 + r.nextInt(Math.min(maxLength, 40))), false);
    }

    /** CHAR(n): the engines strip trailing spaces on read, so edge values do not end in one. */
    static ColumnGen fixedText(int length) {
        return new ColumnGen(List.of("", "it's", "back\\slash", "emoji 😀🚀", "中文字符", "x".repeat(length),
                "😀".repeat(length)), (r, row) -> word(r, 1 + r.nextInt(length)), false);
    }

    static String word(SplittableRandom r, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = (char) ('a' + r.nextInt(26));
        }
        return new String(out);
    }

    /** Bytes of {@code min..max} length; edges hold zero bytes at the start and the end. */
    static ColumnGen bytes(int min, int max) {
        List<Object> edges = min == max
                ? List.of(new byte[max], filled(max, 0xFF), withEnds(max))
                : List.of(new byte[0], new byte[] {0}, filled(max, 0xFF), withEnds(Math.max(2, max)));
        return new ColumnGen(edges, (r, row) -> {
            byte[] out = new byte[min == max ? min : r.nextInt(min, max + 1)];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) r.nextInt(256);
            }
            return out;
        }, false);
    }

    /** BIT(n) values as numbers: zero, all ones, alternating patterns, the high bit alone. */
    static ColumnGen bits(int n) {
        long all = n == 64 ? -1L : (1L << n) - 1;
        return new ColumnGen(List.of(0L, all, all & 0xAAAAAAAAAAAAAAAAL, all & 0x5555555555555555L, 1L << (n - 1)),
                (r, row) -> r.nextLong() & all, false);
    }

    static ColumnGen oneOf(Object... values) {
        return new ColumnGen(List.of(values), (r, row) -> values[r.nextInt(values.length)], false);
    }

    static ColumnGen json() {
        return new ColumnGen(List.of("{}", "[]", "null", "\"text\"", "{\"a\": {\"b\": {\"c\": [1, [2, [3, {\"d\": null}]]]}}}",
                "{\"unicode\": \"😀 中文 \\u00e9\", \"quote\": \"a\\\"b\", \"backslash\": \"a\\\\b\"}",
                "[1.5, -0.25, 1e10, true, false, null]"),
                (r, row) -> "{\"id\": " + row + ", \"name\": \"" + word(r, 6) + "\", \"tags\": [\"" + word(r, 3)
                        + "\", \"😀\"], \"score\": " + r.nextInt(1000) / 8.0 + ", \"nested\": {\"ok\": " + r.nextBoolean()
                        + ", \"none\": null}}", false);
    }

    /** DATE between the bounds both MySQL and MatrixOne accept (1000-01-01 .. 9999-12-31). */
    static ColumnGen date() {
        return new ColumnGen(List.of("1000-01-01", "9999-12-31", "1970-01-01", "2000-02-29", "2024-02-29"),
                (r, row) -> LocalDate.ofEpochDay(r.nextLong(0, 24_837)).toString(), false);
    }

    static ColumnGen time(int fsp) {
        String max = fsp == 0 ? "23:59:59" : "23:59:59." + "9".repeat(fsp);
        return new ColumnGen(List.of("00:00:00", max, "12:00:00"), (r, row) -> {
            String t = String.format("%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
            return fsp == 0 ? t : t + "." + digits(r, fsp);
        }, false);
    }

    /** DATETIME(fsp) between the bounds both engines accept, with every fraction length up to fsp. */
    static ColumnGen datetime(int fsp) {
        List<Object> edges = new java.util.ArrayList<>(List.of("1000-01-01 00:00:00", "1970-01-01 00:00:00",
                "2000-02-29 12:30:45", "9999-12-31 23:59:59" + (fsp == 0 ? "" : "." + "9".repeat(fsp))));
        for (int digits = 1; digits <= fsp; digits++) {
            edges.add("2024-06-30 23:59:59." + "0".repeat(digits - 1) + "1");
        }
        return new ColumnGen(edges, (r, row) -> {
            String t = LocalDateTime.of(1971, 1, 1, 0, 0).plusSeconds(r.nextLong(0, 2_100_000_000L)).toString().replace('T', ' ');
            t = t.length() == 16 ? t + ":00" : t;
            return fsp == 0 ? t : t + "." + digits(r, fsp);
        }, false);
    }

    /** TIMESTAMP(fsp) within 1970-01-01 00:00:01 .. 2038-01-19 03:14:07 UTC. */
    static ColumnGen timestamp(int fsp) {
        String fraction = fsp == 0 ? "" : "." + "9".repeat(fsp);
        return new ColumnGen(List.of("1970-01-01 00:00:01", "2038-01-19 03:14:07" + fraction, "2000-02-29 12:30:45"),
                (r, row) -> {
                    String t = LocalDateTime.of(1970, 1, 2, 0, 0).plusSeconds(r.nextLong(0, 2_100_000_000L)).toString()
                            .replace('T', ' ');
                    t = t.length() == 16 ? t + ":00" : t;
                    return fsp == 0 ? t : t + "." + digits(r, fsp);
                }, false);
    }

    /** A vector as text {@code [a,b,...]} of exact binary fractions, so float32 storage keeps it. */
    static ColumnGen vector(int dimensions) {
        return ColumnGen.of((r, row) -> {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < dimensions; i++) {
                out.append(i == 0 ? "" : ",").append(r.nextInt(-4096, 4096) / 1024.0);
            }
            return out.append(']').toString();
        });
    }

    private static String digits(SplittableRandom r, int count) {
        return String.format("%0" + count + "d", r.nextLong((long) Math.pow(10, count)));
    }

    private static byte[] longBytes(long v) {
        byte[] out = new byte[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) v;
            v >>>= 8;
        }
        return out;
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }

    private static byte[] withEnds(int length) {
        byte[] out = filled(length, 0x41);
        out[0] = 0;
        out[length - 1] = 0;
        return out;
    }
}
