package io.cdctest.generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Value generators per column type, each mixing typical values with the edge values of the type
 * (minimum, maximum, zero, empty, NULL where nullable, 4-byte UTF-8, quotes and backslashes).
 */
final class Generators {
    /** Share of rows that get an edge value instead of a typical one. */
    private static final double EDGE_SHARE = 0.2;
    private static final double NULL_SHARE = 0.1;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> TRICKY_TEXT = List.of("", " ", "it's", "back\\slash", "\"quoted\"",
            "emoji 😀🚀", "中文字符", "tab\tand\nnewline", "trailing space ", "NULL", "ünïcödé");

    private Generators() {
    }

    static ValueGenerator nullable(ValueGenerator inner) {
        return (r, row) -> r.nextDouble() < NULL_SHARE ? null : inner.next(r, row);
    }

    static ValueGenerator signed(long min, long max) {
        return (r, row) -> r.nextDouble() < EDGE_SHARE ? pick(r, min, max, 0L, -1L, 1L) : r.nextLong(min, max);
    }

    static ValueGenerator unsigned(long max) {
        return (r, row) -> r.nextDouble() < EDGE_SHARE ? pick(r, 0L, max, 1L) : r.nextLong(0, max);
    }

    /** BIGINT UNSIGNED up to 2^64-1, bound as BigDecimal (the driver narrows BigInteger to long). */
    static ValueGenerator unsignedBigint() {
        BigInteger max = new BigInteger("18446744073709551615");
        return (r, row) -> new BigDecimal(r.nextDouble() < EDGE_SHARE
                ? pick(r, BigInteger.ZERO, max, max.shiftRight(1), max.shiftRight(1).add(BigInteger.ONE))
                : new BigInteger(64, new java.util.Random(r.nextLong())));
    }

    /** DECIMAL(precision, scale) with its extremes. */
    static ValueGenerator decimal(int precision, int scale) {
        BigDecimal max = BigDecimal.TEN.pow(precision).subtract(BigDecimal.ONE).movePointLeft(scale);
        BigDecimal smallest = BigDecimal.ONE.movePointLeft(scale);
        return (r, row) -> {
            if (r.nextDouble() < EDGE_SHARE) {
                return pick(r, max, max.negate(), BigDecimal.ZERO.setScale(scale), smallest, smallest.negate());
            }
            BigInteger unscaled = new BigInteger(Math.min(precision * 3, 120), new java.util.Random(r.nextLong()))
                    .mod(BigInteger.TEN.pow(precision));
            BigDecimal value = new BigDecimal(unscaled, scale);
            return r.nextBoolean() ? value : value.negate();
        };
    }

    /** FLOAT values with few significant digits, stored identically by every engine. */
    static ValueGenerator floats() {
        return (r, row) -> r.nextDouble() < EDGE_SHARE ? pick(r, 0f, -1.5f, 3.25f, 1024.5f, -0.125f)
                : (float) (r.nextInt(-999_999, 999_999) / 100.0);
    }

    static ValueGenerator doubles() {
        return (r, row) -> r.nextDouble() < EDGE_SHARE ? pick(r, 0d, -1d, 1.7976931348623157E308, 4.9E-324, 1e-300)
                : r.nextDouble(-1e9, 1e9);
    }

    static ValueGenerator text(int maxLength) {
        return (r, row) -> {
            if (r.nextDouble() < EDGE_SHARE) {
                if (r.nextBoolean()) {
                    return "x".repeat(maxLength);
                }
                String tricky = TRICKY_TEXT.get(r.nextInt(TRICKY_TEXT.size()));
                return tricky.codePointCount(0, tricky.length()) <= maxLength ? tricky : "";
            }
            return word(r, Math.min(maxLength, 1 + r.nextInt(Math.min(maxLength, 40))));
        };
    }

    static String word(SplittableRandom r, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + r.nextInt(26)));
        }
        return out.toString();
    }

    static ValueGenerator bytes(int minLength, int maxLength) {
        return (r, row) -> {
            int length = minLength == maxLength ? minLength : r.nextInt(minLength, maxLength + 1);
            byte[] out = new byte[length];
            for (int i = 0; i < length; i++) {
                out[i] = (byte) r.nextInt(256);
            }
            return out;
        };
    }

    static ValueGenerator oneOf(Object... values) {
        return (r, row) -> values[r.nextInt(values.length)];
    }

    static ValueGenerator json() {
        return (r, row) -> "{\"id\": " + row + ", \"name\": \"" + word(r, 6) + "\", \"tags\": [\"" + word(r, 3)
                + "\", \"😀\"], \"score\": " + r.nextInt(1000) / 10.0 + ", \"nested\": {\"ok\": " + r.nextBoolean()
                + ", \"none\": null}}";
    }

    static ValueGenerator date() {
        return (r, row) -> r.nextDouble() < EDGE_SHARE
                ? pick(r, "1970-01-01", "2000-02-29", "2037-12-31", "2024-02-29")
                : LocalDate.ofEpochDay(r.nextLong(0, 24_837)).toString();
    }

    static ValueGenerator time() {
        return (r, row) -> r.nextDouble() < EDGE_SHARE ? pick(r, "00:00:00", "23:59:59", "12:00:00")
                : String.format("%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
    }

    /** DATETIME/TIMESTAMP text with {@code fsp} fractional digits, within TIMESTAMP's range (UTC). */
    static ValueGenerator datetime(int fsp) {
        return (r, row) -> {
            if (r.nextDouble() < EDGE_SHARE) {
                return pick(r, "1970-01-01 00:00:01", "2038-01-19 03:14:07", "2000-02-29 12:30:45");
            }
            LocalDateTime t = LocalDateTime.of(1971, 1, 1, 0, 0).plusSeconds(r.nextLong(0, 2_100_000_000L));
            String text = t.format(DATETIME);
            if (fsp > 0) {
                long fraction = r.nextLong(0, (long) Math.pow(10, fsp));
                text += "." + String.format("%0" + fsp + "d", fraction);
            }
            return text;
        };
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom r, T... values) {
        return values[r.nextInt(values.length)];
    }
}
