package io.cdctest.generate;

import io.cdctest.spec.Engine;
import io.cdctest.sql.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of the generator's catalog: one definition that creates the table on MySQL, MariaDB and
 * MatrixOne, so the same definition serves the source, the target and the checker.
 *
 * @param primaryKey        the key columns, in key order (partition columns included)
 * @param indexes           index clauses inside CREATE TABLE
 * @param partitioning      the PARTITION BY clause, or empty
 * @param deferredIndexes   indexes created after the load (fulltext, vector), per engine
 * @param rowsPerLeadingKey how many generated rows share one value of the first key column
 */
public record TableDef(String name, String group, List<ColumnDef> columns, List<String> primaryKey,
                       List<String> indexes, String partitioning, DeferredIndexes deferredIndexes,
                       int rowsPerLeadingKey) {

    /** Statements that create indexes after the load, for an engine (may be none). */
    @FunctionalInterface
    public interface DeferredIndexes {
        List<String> statements(String database, Engine engine);
    }

    public String createSql(String database, Engine engine) {
        List<String> parts = new ArrayList<>();
        columns.forEach(c -> parts.add("  " + c.ddl(engine)));
        parts.add("  PRIMARY KEY (" + String.join(", ", primaryKey.stream().map(Sql::quote).toList()) + ")");
        indexes.forEach(i -> parts.add("  " + i));
        return "CREATE TABLE " + Sql.qualified(database, name) + " (\n" + String.join(",\n", parts) + "\n)"
                + engine.utf8mb4() + (partitioning.isEmpty() ? "" : "\n" + partitioning);
    }

    public List<String> deferredIndexSql(String database, Engine engine) {
        return deferredIndexes.statements(database, engine);
    }

    /** The same table with the values {@code avoid} leaves out replaced. */
    public TableDef avoiding(java.util.Set<Avoid> avoid) {
        List<ColumnDef> mapped = columns.stream().map(c -> {
            ColumnDef out = c;
            for (Avoid a : avoid) {
                out = a.apply(out);
            }
            return out;
        }).toList();
        return new TableDef(name, group, mapped, primaryKey, indexes, partitioning, deferredIndexes, rowsPerLeadingKey);
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnDef::name).toList();
    }

    /**
     * The first row number whose leading key is above {@code maxLeadingKey}. Keys start at 1
     * ({@code firstRowAbove(0)}): 0 in an AUTO_INCREMENT column would ask for a generated value.
     */
    public long firstRowAbove(long maxLeadingKey) {
        return (maxLeadingKey + 1) * rowsPerLeadingKey;
    }
}
