package io.cdctest.sql;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns and primary key of a table, read from {@code information_schema}. */
public record TableSchema(String database, String table, List<Column> columns) {

    public List<Column> primaryKey() {
        return columns.stream().filter(Column::primaryKey).toList();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Reads a table's definition; empty when the table does not exist. */
    public static Optional<TableSchema> read(Connection connection, String database, String table) {
        String sql = "SELECT column_name, data_type, column_type, is_nullable, column_key FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), lower(rs.getString(2)), rs.getString(3),
                            "YES".equalsIgnoreCase(rs.getString(4)), "PRI".equalsIgnoreCase(rs.getString(5))));
                }
            }
        } catch (SQLException e) {
            throw new CdctestException(ExitCode.ENVIRONMENT, "cannot read the definition of " + database + "." + table
                    + ": " + Sql.firstLine(e), e);
        }
        if (columns.stream().anyMatch(c -> c.dataType().equals("longtext"))) {
            columns = markMariaDbJson(connection, database, table, columns);
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(new TableSchema(database, table, List.copyOf(columns)));
    }

    /**
     * MariaDB stores JSON as LONGTEXT with a {@code json_valid()} check; such columns are JSON to the
     * checker (compared by meaning). Engines without this catalog table keep their types.
     */
    private static List<Column> markMariaDbJson(Connection connection, String database, String table,
                                                List<Column> columns) {
        String sql = "SELECT check_clause FROM information_schema.check_constraints "
                + "WHERE constraint_schema = ? AND table_name = ?";
        List<String> clauses = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    clauses.add(lower(rs.getString(1)).replace("`", ""));
                }
            }
        } catch (SQLException e) {
            return columns;
        }
        return columns.stream().map(c -> c.dataType().equals("longtext") && clauses.contains("json_valid(" + lower(c.name()) + ")")
                ? new Column(c.name(), "json", "json", c.nullable(), c.primaryKey()) : c).toList();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
