package io.cdctest.generate;

import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongConsumer;

/** Multi-row {@code INSERT ... VALUES (...), (...)} statements, one transaction per batch. */
final class InsertWriter implements RowWriter {
    private static final int MAX_PLACEHOLDERS = 65_535;

    private final int batchSize;

    InsertWriter(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public long write(Connection connection, String database, RowSource rows, long from, long count,
                      LongConsumer progress) throws SQLException {
        List<String> columns = rows.table().columnNames();
        int perStatement = Math.max(1, Math.min(batchSize, MAX_PLACEHOLDERS / columns.size()));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        PreparedStatement full = null;
        try {
            long done = 0;
            while (done < count) {
                int n = (int) Math.min(perStatement, count - done);
                boolean isFull = n == perStatement;
                if (isFull && full == null) {
                    full = connection.prepareStatement(sql(database, rows.table().name(), columns, n));
                }
                PreparedStatement ps = isFull ? full : connection.prepareStatement(sql(database, rows.table().name(), columns, n));
                try {
                    int p = 1;
                    for (int i = 0; i < n; i++) {
                        for (Object value : rows.row(from + done + i)) {
                            ps.setObject(p++, value);
                        }
                    }
                    ps.executeUpdate();
                    connection.commit();
                } finally {
                    if (!isFull) {
                        ps.close();
                    }
                }
                done += n;
                progress.accept(n);
            }
            return done;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            if (full != null) {
                full.close();
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    static String sql(String database, String table, List<String> columns, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Sql.qualified(database, table)).append(" (");
        sql.append(String.join(", ", columns.stream().map(Sql::quote).toList())).append(") VALUES ");
        String tuple = "(" + "?, ".repeat(columns.size() - 1) + "?)";
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        return sql.toString();
    }
}
