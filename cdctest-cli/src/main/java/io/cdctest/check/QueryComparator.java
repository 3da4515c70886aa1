package io.cdctest.check;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.spec.Side;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the same query on both sides and compares the results row by row in the order returned
 * (the query should ORDER BY), with the same value normalisation as table comparison.
 */
public final class QueryComparator {
    private static final int MAX_ROWS = 100_000;

    private QueryComparator() {
    }

    /** The first difference, or empty when both sides return the same rows. */
    public static Optional<String> compare(Connection source, Connection target, String sql) {
        Result s = run(source, sql, Side.SOURCE);
        Result t = run(target, sql, Side.TARGET);
        if (s.rows().size() != t.rows().size()) {
            return Optional.of("source returned " + s.rows().size() + " rows, target " + t.rows().size());
        }
        if (s.columns().size() != t.columns().size()) {
            return Optional.of("source returned " + s.columns().size() + " columns, target " + t.columns().size());
        }
        for (int r = 0; r < s.rows().size(); r++) {
            for (int c = 0; c < s.columns().size(); c++) {
                ValueKind kind = ValueKind.reconcile(s.kinds().get(c), t.kinds().get(c));
                String a = s.rows().get(r)[c];
                String b = t.rows().get(r)[c];
                if (!Values.equal(a, b, kind)) {
                    return Optional.of("row " + (r + 1) + ": " + new ColumnDifference(s.columns().get(c), a, b));
                }
            }
        }
        return Optional.empty();
    }

    private record Result(List<String> columns, List<ValueKind> kinds, List<String[]> rows) {
    }

    private static Result run(Connection connection, String sql, Side side) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            List<ValueKind> kinds = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
                String type = meta.getColumnTypeName(i);
                String full = type.equalsIgnoreCase("TINYINT") && meta.getPrecision(i) == 1 ? "tinyint(1)" : type;
                kinds.add(ValueKind.of(type, full));
            }
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                if (rows.size() == MAX_ROWS) {
                    throw new CdctestException(ExitCode.CONFIG, "validate_index_query: the query returns more than "
                            + MAX_ROWS + " rows; add a LIMIT");
                }
                String[] row = new String[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = Values.read(rs, i + 1, kinds.get(i));
                }
                rows.add(row);
            }
            return new Result(columns, kinds, rows);
        } catch (SQLException e) {
            throw new CdctestException(ExitCode.FAILED, "query failed on the " + side + ": " + Sql.firstLine(e), e);
        }
    }
}
