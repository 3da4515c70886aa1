package io.cdctest.check;

import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The comparisons of a run, made cheap once a table has been compared fully: a CDC test checks the
 * same tables again and again, and between two checks the harness knows every key it wrote (the
 * key history). A table the last full comparison found equal, with nothing unknown done to it
 * since, is checked again by {@link TableDiff#stillEqual}: the rows of every key written since that
 * full comparison, row by row, then the engine's {@code CHECKSUM TABLE} and row count on both sides
 * ({@link EngineChecksum}). Only when all agree is it equal; anything else (a key differs, the sums
 * differ, more than {@link #MAX_KEYS} keys written, a write the harness cannot name) means a full
 * comparison, as without this class. So every row the harness wrote is compared row by row, and the
 * rows it did not write, which the last full comparison found equal, are watched by the engine's
 * 32-bit checksum.
 *
 * <p>Used only where the engine checksum is known to agree on equal tables: same engine, version and
 * table definition, and checked once after the first full comparison that found the table equal.
 * Small tables ({@link TableComparison.Method#ROWS}) are always compared row by row.
 */
public final class IncrementalCheck implements SyncWaiter.Comparer {
    /** Keys written since a table's last full comparison that are remembered; beyond, the next check is full. */
    static final int MAX_KEYS = 10_000;

    private final TableDiff diff;
    private final boolean enabled;
    private final Map<String, Table> tables = new HashMap<>();

    /** What is known of one table since its last full comparison. */
    private static final class Table {
        /** The last full comparison found it equal, and nothing the harness cannot name changed since. */
        boolean equal;
        /** The keys written since; null once more than {@link #MAX_KEYS}. */
        Set<RowKey> written = new LinkedHashSet<>();
        /** Whether the engine checksums agreed when the rows did (null: not asked), and for which columns. */
        Boolean checksums;
        List<String> columns;
    }

    /** @param enabled false: every comparison is full ({@code validation.engine_checksum: false}) */
    public IncrementalCheck(TableDiff diff, boolean enabled) {
        this.diff = diff;
        this.enabled = enabled;
    }

    /**
     * The source wrote these keys of a table ({@code null}: it wrote, and the keys are not known);
     * they are compared row by row at the next check.
     */
    public synchronized void written(ComparisonPlan plan, Collection<RowKey> keys) {
        Table table = tables.get(plan.name());
        if (table == null || !table.equal) {
            return;
        }
        if (keys == null) {
            table.equal = false;
        } else if (table.written != null) {
            table.written.addAll(keys);
            if (table.written.size() > MAX_KEYS) {
                table.written = null;
            }
        }
    }

    /**
     * Something the harness cannot name may have changed any table (a statement on the target, a
     * database restarted): the next check of every table is full.
     */
    public synchronized void forget() {
        tables.values().forEach(t -> t.equal = false);
    }

    @Override
    public synchronized TableComparison compare(TableDiff.Database source, TableDiff.Database target, ComparisonPlan plan) {
        Table table = tables.computeIfAbsent(plan.name(), n -> new Table());
        if (enabled && table.equal && table.written != null && Boolean.TRUE.equals(table.checksums)
                && plan.sourceColumns().equals(table.columns)) {
            Optional<TableComparison> still = diff.stillEqual(source, target, plan, List.copyOf(table.written));
            if (still.isPresent()) {
                return still.get();
            }
        }
        return judged(source, target, table, diff.compare(source, target, plan));
    }

    @Override
    public synchronized TableComparison recheck(TableDiff.Database source, TableDiff.Database target,
                                                TableComparison previous) {
        Table table = tables.computeIfAbsent(previous.plan().name(), n -> new Table());
        return judged(source, target, table, diff.recheck(source, target, previous));
    }

    /**
     * Remembers what a full comparison (or a recheck, which confirms the whole table) found; after
     * the first that found a larger table equal, asks whether the engine checksums agree on it.
     */
    private TableComparison judged(TableDiff.Database source, TableDiff.Database target, Table table,
                                   TableComparison result) {
        table.equal = result.equal();
        if (!table.equal) {
            return result;
        }
        table.written = new LinkedHashSet<>();
        ComparisonPlan plan = result.plan();
        if (enabled && result.method() != TableComparison.Method.ROWS
                && (table.checksums == null || !plan.sourceColumns().equals(table.columns))) {
            table.columns = plan.sourceColumns();
            table.checksums = checksumsAgree(source, target, plan);
        }
        return result;
    }

    private static boolean checksumsAgree(TableDiff.Database source, TableDiff.Database target, ComparisonPlan plan) {
        try {
            if (!EngineChecksum.comparable(source, target, plan)) {
                return false;
            }
            BothSides.Answers<PushdownChecksum.Sum> sums = BothSides.ask(source, target, plan.name(),
                    side -> EngineChecksum.of(side.connection(), side == source ? plan.source() : plan.target()));
            return sums.source().equals(sums.target()) && sums.source().checksum().signum() >= 0;
        } catch (SQLException e) {
            return false; // not comparable here: every check of this table stays full
        }
    }
}
