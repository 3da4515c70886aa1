package io.cdctest.generate;

import io.cdctest.spec.Engine;
import io.cdctest.sql.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of the generator's catalog: one definition that creates the table on any engine, so the
 * same definition serves the source, the target and the checker.
 *
 * @param primaryKey the key columns, in key order
 * @param indexes    index clauses as they appear inside CREATE TABLE
 * @param rowsPerLeadingKey how many generated rows share one value of the first key column
 */
public record TableDef(String name, List<ColumnDef> columns, List<String> primaryKey, List<String> indexes,
                       int rowsPerLeadingKey) {

    /**
     * The first row number whose leading key is above {@code maxLeadingKey}. Keys start at 1
     * ({@code firstRowAbove(0)}): 0 in an AUTO_INCREMENT column would ask for a generated value.
     */
    public long firstRowAbove(long maxLeadingKey) {
        return (maxLeadingKey + 1) * rowsPerLeadingKey;
    }

    public String createSql(String database, Engine engine) {
        List<String> parts = new ArrayList<>();
        columns.forEach(c -> parts.add("  " + c.ddl()));
        parts.add("  PRIMARY KEY (" + String.join(", ", primaryKey.stream().map(Sql::quote).toList()) + ")");
        indexes.forEach(i -> parts.add("  " + i));
        return "CREATE TABLE " + Sql.qualified(database, name) + " (\n" + String.join(",\n", parts) + "\n)";
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnDef::name).toList();
    }

    public boolean isKey(String column) {
        return primaryKey.contains(column);
    }
}
