package io.cdctest.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic rows of a catalog table: row {@code n} of a table is the same for the same seed on
 * every run and machine, whatever was generated before it and on whichever thread.
 */
public final class RowSource {
    private final TableDef table;
    private final long seed;
    private final List<ColumnDef> updatable;

    public RowSource(TableDef table, long seed) {
        this.table = table;
        this.seed = seed;
        this.updatable = table.columns().stream().filter(ColumnDef::updatable).toList();
    }

    public TableDef table() {
        return table;
    }

    /** All column values of row {@code row}. */
    public Object[] row(long row) {
        SplittableRandom random = random(row, 0);
        List<ColumnDef> columns = table.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).gen().next(random, row);
        }
        return values;
    }

    /** New values for the updatable columns of row {@code row}, as of its {@code version}-th update. */
    public Object[] update(long row, long version) {
        SplittableRandom random = random(row, version);
        Object[] values = new Object[updatable.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = updatable.get(i).gen().next(random, row);
        }
        return values;
    }

    public List<ColumnDef> updatable() {
        return updatable;
    }

    private SplittableRandom random(long row, long version) {
        long h = seed * 0x9E3779B97F4A7C15L + table.name().hashCode();
        h = h * 31 + row;
        h = h * 31 + version;
        return new SplittableRandom(h);
    }
}
