package io.cdctest.check;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.spec.Engine;
import io.cdctest.sql.Column;
import io.cdctest.sql.Sql;
import io.cdctest.sql.TableSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Compares every row of a table on both sides: both sides are streamed in primary-key order and
 * merged, so memory stays flat whatever the table's size. Each column is compared after the
 * normalisation of its {@link ValueKind}.
 */
public final class TableComparator {
    private final int maxSamples;

    /** @param maxSamples how many differing rows to keep for the report (all are counted) */
    public TableComparator(int maxSamples) {
        this.maxSamples = maxSamples;
    }

    /** One side of a comparison: a connection, its engine and the database holding the table. */
    public record Side(Connection connection, Engine engine, String database) {
    }

    public TableComparison compare(Side source, Side target, String table) {
        Optional<TableSchema> sourceSchema = TableSchema.read(source.connection(), source.database(), table);
        Optional<TableSchema> targetSchema = TableSchema.read(target.connection(), target.database(), table);
        List<String> problems = new ArrayList<>();
        if (sourceSchema.isEmpty()) {
            problems.add("table " + source.database() + "." + table + " does not exist on the source");
        }
        if (targetSchema.isEmpty()) {
            problems.add("table " + target.database() + "." + table + " does not exist on the target");
        }
        if (!problems.isEmpty()) {
            return new TableComparison(table, 0, 0, 0, List.of(), problems);
        }
        Plan plan = plan(sourceSchema.get(), targetSchema.get(), problems);
        if (!problems.isEmpty()) {
            return new TableComparison(table, 0, 0, 0, List.of(), problems);
        }
        try {
            return merge(source, target, table, plan);
        } catch (SQLException e) {
            throw new CdctestException(ExitCode.ENVIRONMENT, "cannot read " + table + " for comparison: "
                    + Sql.firstLine(e), e);
        }
    }

    /** Which columns are compared, how, and which of them form the key. */
    private record Plan(List<String> columns, ValueKind[] kinds, int keyCount) {
    }

    private static Plan plan(TableSchema source, TableSchema target, List<String> problems) {
        List<Column> key = source.primaryKey();
        if (key.isEmpty()) {
            problems.add("table " + source.table() + " has no primary key on the source; rows cannot be matched");
            return null;
        }
        List<Column> ordered = new ArrayList<>(key);
        source.columns().stream().filter(c -> !c.primaryKey()).forEach(ordered::add);
        List<String> names = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        for (Column column : ordered) {
            Optional<Column> other = target.column(column.name());
            if (other.isEmpty()) {
                problems.add("column " + column.name() + " is missing in the target table");
                continue;
            }
            names.add(column.name());
            kinds.add(ValueKind.reconcile(ValueKind.of(column.dataType(), column.columnType()),
                    ValueKind.of(other.get().dataType(), other.get().columnType())));
        }
        return new Plan(names, kinds.toArray(ValueKind[]::new), key.size());
    }

    private TableComparison merge(Side source, Side target, String table, Plan plan) throws SQLException {
        List<String> keyColumns = plan.columns().subList(0, plan.keyCount());
        List<RowDifference> samples = new ArrayList<>();
        long differences = 0;
        try (Cursor s = new Cursor(source, table, plan); Cursor t = new Cursor(target, table, plan)) {
            s.next();
            t.next();
            while (s.row != null || t.row != null) {
                int order = s.row == null ? 1 : t.row == null ? -1 : compareKeys(s.row, t.row, plan);
                RowDifference difference = null;
                if (order < 0) {
                    difference = new RowDifference.MissingInTarget(key(keyColumns, s.row));
                    s.next();
                } else if (order > 0) {
                    difference = new RowDifference.ExtraInTarget(key(keyColumns, t.row));
                    t.next();
                } else {
                    List<ColumnDifference> columns = new ArrayList<>();
                    for (int i = plan.keyCount(); i < plan.columns().size(); i++) {
                        if (!Values.equal(s.row[i], t.row[i], plan.kinds()[i])) {
                            columns.add(new ColumnDifference(plan.columns().get(i), s.row[i], t.row[i]));
                        }
                    }
                    if (!columns.isEmpty()) {
                        difference = new RowDifference.Different(key(keyColumns, s.row), List.copyOf(columns));
                    }
                    s.next();
                    t.next();
                }
                if (difference != null) {
                    differences++;
                    if (samples.size() < maxSamples) {
                        samples.add(difference);
                    }
                }
            }
            return new TableComparison(table, s.count, t.count, differences, List.copyOf(samples), List.of());
        }
    }

    private static RowKey key(List<String> keyColumns, String[] row) {
        return new RowKey(keyColumns, Arrays.asList(Arrays.copyOf(row, keyColumns.size())));
    }

    static int compareKeys(String[] a, String[] b, Plan plan) {
        for (int i = 0; i < plan.keyCount(); i++) {
            int c = compareKey(a[i], b[i], plan.kinds()[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Key order as the databases produce it: numbers numerically, everything else by UTF-8 bytes. */
    static int compareKey(String a, String b, ValueKind kind) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (kind.numeric()) {
            try {
                return new BigDecimal(a).compareTo(new BigDecimal(b));
            } catch (NumberFormatException e) {
                // fall through to byte order
            }
        }
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Streams one side's rows in key order, checking that the order really is the one we merge by. */
    private static final class Cursor implements AutoCloseable {
        private final Statement statement;
        private final ResultSet rs;
        private final Plan plan;
        private final String where;
        String[] row;
        long count;

        Cursor(Side side, String table, Plan plan) throws SQLException {
            this.plan = plan;
            this.where = side.database() + "." + table;
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < plan.columns().size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(Sql.quote(plan.columns().get(i)));
            }
            sql.append(" FROM ").append(Sql.qualified(side.database(), table)).append(" ORDER BY ");
            for (int i = 0; i < plan.keyCount(); i++) {
                sql.append(i == 0 ? "" : ", ").append(orderExpression(side.engine(), plan.columns().get(i), plan.kinds()[i]));
            }
            statement = side.connection().createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(Integer.MIN_VALUE);
            rs = statement.executeQuery(sql.toString());
        }

        void next() throws SQLException {
            if (!rs.next()) {
                row = null;
                return;
            }
            String[] values = new String[plan.columns().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Values.read(rs, i + 1, plan.kinds()[i]);
            }
            if (row != null && compareKeys(row, values, plan) >= 0) {
                throw new CdctestException(ExitCode.INTERNAL, where + ": rows do not arrive in strictly increasing key "
                        + "order (" + Arrays.toString(Arrays.copyOf(row, plan.keyCount())) + " then "
                        + Arrays.toString(Arrays.copyOf(values, plan.keyCount())) + "); cannot compare by merge");
            }
            row = values;
            count++;
        }

        private static String orderExpression(Engine engine, String column, ValueKind kind) {
            boolean textual = kind == ValueKind.TEXT || kind == ValueKind.CHAR;
            if (textual && engine != Engine.MATRIXONE) {
                return "CAST(" + Sql.quote(column) + " AS BINARY)";
            }
            return Sql.quote(column);
        }

        @Override
        public void close() throws SQLException {
            try {
                rs.close();
            } finally {
                statement.close();
            }
        }
    }
}
