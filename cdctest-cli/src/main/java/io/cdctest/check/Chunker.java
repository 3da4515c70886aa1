package io.cdctest.check;

import io.cdctest.spec.Engine;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a table's key space into ranges of about N source rows by walking the primary-key index
 * (one small index scan per boundary), and finds the middle key of a range for bisection.
 */
final class Chunker {
    private Chunker() {
    }

    /** Ranges covering every key, the last one open so target rows above the source's keys are seen. */
    static List<KeyRange> chunks(Connection connection, Engine engine, TableRef table, List<String> keys,
                                 ValueKind[] kinds, long chunkRows) throws SQLException {
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

    /**
     * Cuts a range into about {@code parts} ranges of equal source row counts, from one ordered scan
     * of the range's keys (the index only).
     */
    static List<KeyRange> split(Connection connection, Engine engine, TableRef table, List<String> keys,
                                ValueKind[] kinds, KeyRange range, long rows, int parts) throws SQLException {
        long every = Math.max(1, rows / parts);
        KeySql sql = new KeySql(engine, keys, kinds);
        String select = "SELECT " + String.join(", ", keys.stream().map(Sql::quote).toList()) + " FROM "
                + Sql.qualified(table.database(), table.table()) + " WHERE " + sql.condition(range)
                + (table.filter() == null ? "" : " AND (" + table.filter() + ")") + " ORDER BY " + sql.orderBy();
        List<KeyRange> ranges = new ArrayList<>();
        String[] last = range.after();
        try (PreparedStatement ps = connection.prepareStatement(select, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            sql.bind(ps, 1, range);
            try (ResultSet rs = ps.executeQuery()) {
                long n = 0;
                while (rs.next()) {
                    if (++n % every == 0 && n < rows) {
                        String[] key = new String[keys.size()];
                        for (int i = 0; i < key.length; i++) {
                            key[i] = Values.read(rs, i + 1, kinds[i]);
                        }
                        ranges.add(new KeyRange(last, key));
                        last = key;
                    }
                }
            }
        }
        ranges.add(new KeyRange(last, range.upTo()));
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
