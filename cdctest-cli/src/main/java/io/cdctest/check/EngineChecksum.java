package io.cdctest.check;

import io.cdctest.sql.Sql;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's own {@code CHECKSUM TABLE} (MySQL, MariaDB): a sum of 32-bit CRCs of each row's stored
 * values, computed by the storage layer and so several times cheaper than any checksum of canonical
 * text. It is comparable across two servers only when they are one engine of one version holding
 * tables of one definition (the same columns, types, character sets and storage engine); then equal
 * tables have equal sums. Used only as a first signal on tables a full comparison found equal before
 * (see {@link IncrementalCheck}); 32 bits are never the whole answer.
 */
final class EngineChecksum {
    private EngineChecksum() {
    }

    /**
     * Whether both tables' engine checksums can be compared: the same engine and server version, a
     * plan that compares every column as it is (no mapping, filter, constant or ENUM index), the
     * same column definitions and storage engine.
     */
    static boolean comparable(TableDiff.Database source, TableDiff.Database target, ComparisonPlan plan) throws SQLException {
        if (source.engine() != target.engine() || !source.engine().checksumTable() || !plan.comparable()
                || plan.source().filter() != null || plan.target().filter() != null
                || !plan.targetConstants().isEmpty() || !plan.enums().isEmpty()) {
            return false;
        }
        List<String> a = definition(source.connection(), plan.source());
        List<String> b = definition(target.connection(), plan.target());
        return !a.isEmpty() && a.equals(b) && version(source.connection()).equals(version(target.connection()));
    }

    /** The table's row count and engine checksum (a checksum of -1 when the server gives none). */
    static PushdownChecksum.Sum of(Connection connection, TableRef table) throws SQLException {
        String name = Sql.qualified(table.database(), table.table());
        try (Statement st = connection.createStatement()) {
            long checksum;
            try (ResultSet rs = st.executeQuery("CHECKSUM TABLE " + name + " EXTENDED")) {
                checksum = rs.next() && rs.getString(2) != null ? rs.getLong(2) : -1;
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + name)) {
                return new PushdownChecksum.Sum(rs.next() ? rs.getLong(1) : 0, BigInteger.valueOf(checksum));
            }
        }
    }

    /** The server's version string. */
    private static String version(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /** The storage engine, the row format, then each column's name, type, nullability, character set and collation. */
    private static List<String> definition(Connection connection, TableRef table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT engine, row_format FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, table.database());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return out;
                }
                out.add(rs.getString(1));
                out.add(rs.getString(2));
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT column_name, column_type, is_nullable,"
                + " character_set_name, collation_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table.database());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                            + " " + rs.getString(5));
                }
            }
        }
        return out;
    }
}
