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
 * Splits a table's key space into ranges of about N source rows: a single integer key by its values,
 * other keys by walking the primary-key index (one small index scan per boundary).
 */
final class Chunker {
    private Chunker() {
    }

    /**
     * Ranges covering every key, the first and the last open so target rows beyond the source's keys
     * are seen. A single integer key is cut into equal spans of its values between the source's
     * smallest and largest key (two index lookups; chunks hold about {@code chunkRows} rows when keys
     * are dense, more or fewer when not, which costs balance, never rows); other keys by walking the
     * key index, one boundary every {@code chunkRows} rows.
     */
    static List<KeyRange> chunks(Connection connection, Engine engine, TableRef table, List<String> keys,
                                 ValueKind[] kinds, long chunkRows, long estimatedRows) throws SQLException {
        if (keys.size() == 1 && kinds[0] == ValueKind.INTEGER && table.filter() == null) {
            return spans(connection, table, keys.get(0), chunkRows, estimatedRows);
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

    private static List<KeyRange> spans(Connection connection, TableRef table, String key, long chunkRows,
                                        long estimatedRows) throws SQLException {
        long parts = Math.max(1, (estimatedRows + chunkRows - 1) / chunkRows);
        BigInteger min;
        BigInteger max;
        try (PreparedStatement ps = connection.prepareStatement("SELECT MIN(" + Sql.quote(key) + "), MAX(" + Sql.quote(key)
                + ") FROM " + Sql.qualified(table.database(), table.table()));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getString(1) == null || parts == 1) {
                return List.of(KeyRange.ALL);
            }
            min = new BigInteger(rs.getString(1));
            max = new BigInteger(rs.getString(2));
        }
        BigInteger span = max.subtract(min).add(BigInteger.ONE);
        BigInteger step = span.add(BigInteger.valueOf(parts - 1)).divide(BigInteger.valueOf(parts)).max(BigInteger.ONE);
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
