package io.cdctest.generate;

/** The LOAD DATA statement and row encoding of the generator, for the benchmark's ceiling run. */
public final class LoadDataAccess {
    private LoadDataAccess() {
    }

    public static String statement(String database, TableDef table) {
        return LoadDataWriter.statement(database, table);
    }

    public static byte[] encode(RowSource rows, long from, int count) {
        return LoadDataWriter.encode(rows, rows.table().columns(), from, count);
    }
}
