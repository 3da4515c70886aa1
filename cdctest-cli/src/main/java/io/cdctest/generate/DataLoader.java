package io.cdctest.generate;

import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Inserts generated rows with multi-row INSERT statements, one transaction per batch. */
public final class DataLoader {
    private static final int MAX_PLACEHOLDERS = 65_535;

    private DataLoader() {
    }

    /**
     * Inserts rows {@code fromRow .. fromRow+count-1}.
     *
     * @param progress called after each batch with the number of rows written so far
     */
    public static void insert(Connection connection, String database, RowSource rows, long fromRow, long count,
                              int batchSize, java.util.function.LongConsumer progress) throws SQLException {
        List<String> columns = rows.table().columnNames();
        int perStatement = Math.max(1, Math.min(batchSize, MAX_PLACEHOLDERS / columns.size()));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            long done = 0;
            PreparedStatement full = null;
            try {
                while (done < count) {
                    int n = (int) Math.min(perStatement, count - done);
                    PreparedStatement ps = n == perStatement && full != null ? full
                            : connection.prepareStatement(insertSql(database, rows.table().name(), columns, n));
                    if (n == perStatement && full == null) {
                        full = ps;
                    }
                    int p = 1;
                    for (int i = 0; i < n; i++) {
                        for (Object value : rows.row(fromRow + done + i)) {
                            ps.setObject(p++, value);
                        }
                    }
                    ps.executeUpdate();
                    connection.commit();
                    if (ps != full) {
                        ps.close();
                    }
                    done += n;
                    progress.accept(done);
                }
            } finally {
                if (full != null) {
                    full.close();
                }
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static String insertSql(String database, String table, List<String> columns, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Sql.qualified(database, table)).append(" (");
        sql.append(String.join(", ", columns.stream().map(Sql::quote).toList())).append(") VALUES ");
        String tuple = "(" + "?, ".repeat(columns.size() - 1) + "?)";
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        return sql.toString();
    }
}
