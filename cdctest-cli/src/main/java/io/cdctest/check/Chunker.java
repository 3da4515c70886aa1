package io.cdctest.check;

import io.cdctest.spec.Engine;
import io.cdctest.sql.Sql;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a table's key space into ranges of at most about N source rows, bounded by the keys the
 * table holds, never by an estimate of its size (information_schema's row count can be far off, and a
 * table ten times larger than estimated must not become chunks ten times larger): a single integer key
 * by its values, other keys by walking the primary-key index (one small index scan per boundary).
 */
final class Chunker {
    /** Spans of an integer key beyond which the keys are too sparse for spans, and the index is walked. */
    static final long MAX_SPANS = 1_024;

    private Chunker() {
    }

    /**
     * Ranges covering every key, the first and the last open so target rows beyond the source's keys
     * are seen. A single integer key is cut into equal spans of at most {@code chunkRows} key values
     * between the source's smallest and largest key (two index lookups): a primary key is unique, so a
     * span holds at most {@code chunkRows} source rows, whatever the estimate said. Where that takes
     * more than {@code max(4 × estimatedRows / chunkRows, MAX_SPANS)} spans, the keys are sparse (or the
     * estimate far too low) and, like other keys, they are cut by walking the key index, one boundary
     * every {@code chunkRows} rows.
     */
    static List<KeyRange> chunks(Connection connection, Engine engine, TableRef table, List<String> keys,
                                 ValueKind[] kinds, long chunkRows, long estimatedRows) throws SQLException {
        if (keys.size() == 1 && kinds[0] == ValueKind.INTEGER && table.filter() == null) {
            List<KeyRange> spans = spans(connection, table, keys.get(0), chunkRows, estimatedRows);
            if (spans != null) {
                return spans;
            }
        }
        List<KeyRange> ranges = new ArrayList<>();
        String[] last = null;
        while (true) {
            String[] boundary = keyAt(connection, engine, table, keys, kinds, new KeyRange(last, null), chunkRows - 1);
            if (boundary == null) {
                ranges.add(new KeyRange(last, null));
                return ranges;
            }
            ranges.add(new KeyRange(last, boundary));
            last = boundary;
        }
    }

    /** Equal spans of at most {@code chunkRows} key values, or null when that takes too many of them. */
    private static List<KeyRange> spans(Connection connection, TableRef table, String key, long chunkRows,
                                        long estimatedRows) throws SQLException {
        BigInteger min;
        BigInteger max;
        try (PreparedStatement ps = connection.prepareStatement("SELECT MIN(" + Sql.quote(key) + "), MAX(" + Sql.quote(key)
                + ") FROM " + Sql.qualified(table.database(), table.table()));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getString(1) == null) {
                return List.of(KeyRange.ALL);
            }
            min = new BigInteger(rs.getString(1));
            max = new BigInteger(rs.getString(2));
        }
        return spans(min, max, chunkRows, estimatedRows);
    }

    /**
     * Equal spans of at most {@code chunkRows} values of an integer key from {@code min} to {@code max},
     * the first and last open, or null when that takes more than {@code max(4 × estimatedRows /
     * chunkRows, MAX_SPANS)} spans.
     */
    static List<KeyRange> spans(BigInteger min, BigInteger max, long chunkRows, long estimatedRows) {
        BigInteger values = max.subtract(min).add(BigInteger.ONE);
        BigInteger rows = BigInteger.valueOf(chunkRows);
        BigInteger parts = values.add(rows).subtract(BigInteger.ONE).divide(rows);
        BigInteger estimated = BigInteger.valueOf(Math.max(0, estimatedRows)).add(rows).subtract(BigInteger.ONE).divide(rows);
        if (parts.compareTo(estimated.shiftLeft(2).max(BigInteger.valueOf(MAX_SPANS))) > 0) {
            return null;
        }
        if (parts.equals(BigInteger.ONE)) {
            return List.of(KeyRange.ALL);
        }
        BigInteger step = values.add(parts).subtract(BigInteger.ONE).divide(parts);
        List<KeyRange> ranges = new ArrayList<>();
        String[] last = null;
        for (BigInteger upTo = min.add(step).subtract(BigInteger.ONE); upTo.compareTo(max) < 0; upTo = upTo.add(step)) {
            String[] boundary = {upTo.toString()};
            ranges.add(new KeyRange(last, boundary));
            last = boundary;
        }
        ranges.add(new KeyRange(last, null));
        return ranges;
    }

    /** The key {@code offset} rows into the range (0 = first), or null when the range has fewer rows. */
    static String[] keyAt(Connection connection, Engine engine, TableRef table, List<String> keys, ValueKind[] kinds,
                          KeyRange range, long offset) throws SQLException {
        KeySql sql = new KeySql(engine, keys, kinds);
        String select = "SELECT " + String.join(", ", keys.stream().map(Sql::quote).toList()) + " FROM "
                + Sql.qualified(table.database(), table.table()) + " WHERE " + sql.condition(range)
                + (table.filter() == null ? "" : " AND (" + table.filter() + ")") + " ORDER BY " + sql.orderBy()
                + " LIMIT 1 OFFSET " + offset;
        try (PreparedStatement ps = connection.prepareStatement(select)) {
            sql.bind(ps, 1, range);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String[] key = new String[keys.size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = Values.read(rs, i + 1, kinds[i]);
                }
                return key;
            }
        }
    }
}
