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

/**
 * The columns and primary key of a table, read from {@code information_schema}. Hidden columns a
 * server adds of its own (MatrixOne's {@code __mo_cpkey_col} of a composite key, {@code
 * __mo_fake_pk_col} of a table without one) are not columns of the table.
 *
 * @param keyOrder the primary key's column names in key order (which need not be column order)
 */
public record TableSchema(String database, String table, List<Column> columns, List<String> keyOrder) {
    /** Where a server's own hidden columns start (MatrixOne). */
    private static final String HIDDEN_PREFIX = "__mo_";

    /** A schema whose key is its primary-key columns in column order. */
    public TableSchema(String database, String table, List<Column> columns) {
        this(database, table, columns, columns.stream().filter(Column::primaryKey).map(Column::name).toList());
    }

    public List<Column> primaryKey() {
        return keyOrder.stream().map(k -> column(k).orElseThrow()).toList();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Reads a table's definition; empty when the table does not exist. */
    public static Optional<TableSchema> read(Connection connection, String database, String table) {
        String sql = "SELECT column_name, data_type, column_type, is_nullable, column_key FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";
        List<Column> columns;
        try {
            columns = new ArrayList<>(rows(connection, sql, database, table, rs -> new Column(rs.getString(1),
                    lower(rs.getString(2)), rs.getString(3), "YES".equalsIgnoreCase(rs.getString(4)),
                    "PRI".equalsIgnoreCase(rs.getString(5)))));
        } catch (SQLException e) {
            throw new CdctestException(ExitCode.ENVIRONMENT, "cannot read the definition of " + database + "." + table
                    + ": " + Sql.firstLine(e), e);
        }
        columns.removeIf(c -> c.name().startsWith(HIDDEN_PREFIX));
        if (columns.stream().anyMatch(c -> c.dataType().equals("longtext"))) {
            columns = markMariaDbJson(connection, database, table, columns);
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(withKey(database, table, List.copyOf(columns), primaryKeyOrder(connection, database, table)));
    }

    private static TableSchema withKey(String database, String table, List<Column> columns, List<String> key) {
        if (key.isEmpty() || !key.stream().allMatch(k -> columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(k)))) {
            return new TableSchema(database, table, columns);
        }
        List<Column> marked = columns.stream().map(c -> new Column(c.name(), c.dataType(), c.columnType(), c.nullable(),
                key.stream().anyMatch(k -> k.equalsIgnoreCase(c.name())))).toList();
        List<String> names = key.stream().map(k -> marked.stream().filter(c -> c.name().equalsIgnoreCase(k)).findFirst()
                .orElseThrow().name()).toList();
        return new TableSchema(database, table, marked, names);
    }

    /**
     * The primary key's columns in key order, from {@code information_schema.statistics} (MatrixOne
     * marks only its hidden {@code __mo_cpkey_col} as {@code PRI} in {@code columns}, and keeps no
     * {@code key_column_usage}); empty when the table has none or the server does not say.
     */
    private static List<String> primaryKeyOrder(Connection connection, String database, String table) {
        String sql = "SELECT column_name FROM information_schema.statistics WHERE table_schema = ? AND table_name = ? "
                + "AND index_name = 'PRIMARY' ORDER BY seq_in_index";
        try {
            return rows(connection, sql, database, table, rs -> rs.getString(1));
        } catch (SQLException e) {
            return List.of();
        }
    }

    /**
     * MariaDB stores JSON as LONGTEXT with a {@code json_valid()} check; such columns are JSON to the
     * checker (compared by meaning). Engines without this catalog table keep their types.
     */
    private static List<Column> markMariaDbJson(Connection connection, String database, String table,
                                                List<Column> columns) {
        String sql = "SELECT check_clause FROM information_schema.check_constraints "
                + "WHERE constraint_schema = ? AND table_name = ?";
        List<String> clauses;
        try {
            clauses = rows(connection, sql, database, table, rs -> lower(rs.getString(1)).replace("`", ""));
        } catch (SQLException e) {
            return columns;
        }
        return columns.stream().map(c -> c.dataType().equals("longtext") && clauses.contains("json_valid(" + lower(c.name()) + ")")
                ? new Column(c.name(), "json", "json", c.nullable(), c.primaryKey()) : c).toList();
    }

    /** One value of a catalog query's row. */
    @FunctionalInterface
    private interface RowValue<T> {
        T of(ResultSet rs) throws SQLException;
    }

    /** The rows of a catalog query whose two parameters are the database and the table, each as one value. */
    private static <T> List<T> rows(Connection connection, String sql, String database, String table, RowValue<T> value)
            throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(value.of(rs));
                }
            }
        }
        return rows;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
