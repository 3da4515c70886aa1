package io.cdctest.generate;

import io.cdctest.sql.Sql;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * {@code LOAD DATA LOCAL INFILE} fed from memory, one chunk per statement. With LOCAL the server
 * turns bad values and duplicate keys into warnings and carries on, so every chunk is checked:
 * any warning, or fewer rows than sent, is an error.
 */
final class LoadDataWriter implements RowWriter {
    private final int chunkRows;

    LoadDataWriter(int chunkRows) {
        this.chunkRows = chunkRows;
    }

    @Override
    public long write(Connection connection, String database, RowSource rows, long from, long count,
                      LongConsumer progress) throws SQLException {
        String sql = statement(database, rows.table());
        List<ColumnDef> columns = rows.table().columns();
        long done = 0;
        try (Statement st = connection.createStatement()) {
            com.mysql.cj.jdbc.JdbcStatement mysql = st.unwrap(com.mysql.cj.jdbc.JdbcStatement.class);
            while (done < count) {
                int n = (int) Math.min(chunkRows, count - done);
                mysql.setLocalInfileInputStream(new ByteArrayInputStream(encode(rows, columns, from + done, n)));
                st.clearWarnings();
                long loaded = st.executeLargeUpdate(sql);
                SQLWarning warning = st.getWarnings();
                if (warning != null || loaded != n) {
                    throw new SQLException("LOAD DATA into " + rows.table().name() + " loaded " + loaded + " of " + n
                            + " rows" + (warning == null ? "" : ": " + warning.getMessage()));
                }
                done += n;
                progress.accept(n);
            }
        }
        return done;
    }

    static String statement(String database, TableDef table) {
        List<String> targets = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            switch (c.loadAs()) {
                case BITS -> {
                    targets.add("@" + c.name());
                    sets.add(Sql.quote(c.name()) + " = CAST(@" + c.name() + " AS UNSIGNED)");
                }
                case HEX -> {
                    targets.add("@" + c.name());
                    sets.add(Sql.quote(c.name()) + " = UNHEX(@" + c.name() + ")");
                }
                default -> targets.add(Sql.quote(c.name()));
            }
        }
        return "LOAD DATA LOCAL INFILE 'cdctest-generated.tsv' INTO TABLE " + Sql.qualified(database, table.name())
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + String.join(", ", targets) + ")" + (sets.isEmpty() ? "" : " SET " + String.join(", ", sets));
    }

    /** Rows as tab-separated UTF-8 text: {@code \N} for NULL, backslash escapes, hex for bytes. */
    static byte[] encode(RowSource rows, List<ColumnDef> columns, long from, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(n * 512);
        StringBuilder line = new StringBuilder(1024);
        for (int i = 0; i < n; i++) {
            Object[] values = rows.row(from + i);
            line.setLength(0);
            for (int c = 0; c < values.length; c++) {
                if (c > 0) {
                    line.append('\t');
                }
                appendValue(line, values[c]);
            }
            line.append('\n');
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static void appendValue(StringBuilder line, Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof byte[] bytes) {
            line.append(HexFormat.of().formatHex(bytes));
        } else if (value instanceof BigDecimal d) {
            line.append(d.toPlainString());
        } else if (value instanceof String s) {
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                switch (ch) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    case '\0' -> line.append("\\0");
                    default -> line.append(ch);
                }
            }
        } else {
            line.append(value);
        }
    }
}
