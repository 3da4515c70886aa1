package io.cdctest.check;

import io.cdctest.spec.Cause;
import io.cdctest.sql.Column;
import io.cdctest.sql.TableSchema;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * In-memory tables for tests of what reads comparisons and key histories: a plan of a table
 * {@code (id INT PRIMARY KEY, name VARCHAR)} on both sides, its rows as canonical values, and the
 * comparisons a {@link TableDiff} would return. No database.
 */
public final class Comparisons {
    private Comparisons() {
    }

    public static ComparisonPlan plan(String table) {
        TableSchema schema = new TableSchema("db", table, List.of(new Column("id", "int", "int", false, true),
                new Column("name", "varchar", "varchar(20)", true, false)));
        return ComparisonPlan.build(table, new TableRef("db", table, null), Optional.of(schema),
                new TableRef("db2", table, null), Optional.of(schema), List.of(), List.of());
    }

    public static String[] row(String id, String name) {
        return new String[] {id, name};
    }

    public static RowKey key(ComparisonPlan plan, String id) {
        return RowKey.of(plan.keyColumns(), new String[] {id});
    }

    /** The hash a target row's version is known by (see {@link RowDifference.Different#targetHash()}). */
    public static long hash(String[] row) {
        return RowHasher.hash(row);
    }

    /** Records the table's rows on the source as the history's next snapshot; returns the keys that changed. */
    public static List<KeyHistory.Changed> snapshot(KeyHistory history, ComparisonPlan plan, String[]... rows) {
        return history.record(plan, List.of(rows));
    }

    public static TableComparison equal(ComparisonPlan plan, long rows) {
        return new TableComparison(plan.name(), Verdict.EQUAL, rows, rows, 0, List.of(), 0, List.of(),
                TableComparison.Method.ROWS, List.of(), plan, Duration.ofMillis(1));
    }

    /** A comparison that found these differences (all of them in the samples), still pending over the whole table. */
    public static TableComparison differing(ComparisonPlan plan, long sourceRows, long targetRows, RowDifference... found) {
        return new TableComparison(plan.name(), Verdict.DIFFERENT, sourceRows, targetRows, found.length, List.of(found), 0,
                List.of(), TableComparison.Method.ROWS, List.of(KeyRange.ALL), plan, Duration.ofMillis(1));
    }

    public static RowDifference missing(ComparisonPlan plan, String id, Cause cause) {
        return new RowDifference.MissingInTarget(key(plan, id), row(id, "n" + id), cause);
    }

    public static RowDifference extra(ComparisonPlan plan, String id, Cause cause) {
        return new RowDifference.ExtraInTarget(key(plan, id), hash(row(id, "x")), cause);
    }
}
