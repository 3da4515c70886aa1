package io.cdctest.check;

import io.cdctest.spec.Engine;
import io.cdctest.sql.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * COUNT and checksum of a key range computed inside MySQL or MariaDB: per row the first 64 bits of
 * MD5 over the values joined with separators plus a NULL-marker string, summed (exactly, as
 * DECIMAL) and taken mod 2^64. Never XOR: duplicate rows must not cancel. Only rows of the same
 * engine and types are compared this way; a mismatch is always settled by comparing rows.
 */
final class PushdownChecksum {

    /** Rows in the range and their checksum. */
    record Sum(long count, long checksum) {
    }

    static boolean supports(Engine source, Engine target) {
        return source == target && source.checksumPushdown();
    }

    static Sum of(Connection connection, Engine engine, TableRef table, List<String> columns, ValueKind[] kinds,
                  int keyCount, KeyRange range) throws SQLException {
        KeySql keys = new KeySql(engine, columns.subList(0, keyCount), kinds);
        List<String> nulls = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String c = Sql.quote(columns.get(i));
            nulls.add("ISNULL(" + c + ")");
            values.add(switch (kinds[i]) {
                case BINARY -> "HEX(" + c + ")";
                case BIT -> "CAST(" + c + " AS UNSIGNED)";
                default -> c;
            });
        }
        String row = "CONCAT_WS('#', CONCAT(" + String.join(", ", nulls) + "), " + String.join(", ", values) + ")";
        String sql = "SELECT COUNT(*), SUM(CAST(CONV(SUBSTRING(MD5(" + row + "), 1, 16), 16, 10) AS UNSIGNED)) FROM "
                + Sql.qualified(table.database(), table.table()) + " WHERE " + keys.condition(range)
                + (table.filter() == null ? "" : " AND (" + table.filter() + ")");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            keys.bind(ps, 1, range);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                BigDecimal sum = rs.getBigDecimal(2);
                return new Sum(rs.getLong(1), sum == null ? 0 : sum.toBigInteger().longValue());
            }
        }
    }
}
