package io.cdctest.generate;

/**
 * A column of a catalog table.
 *
 * @param type      the SQL type as written in the DDL (valid on MySQL, MariaDB and MatrixOne)
 * @param extra     the rest of the column definition ({@code NOT NULL DEFAULT ''}), may be empty
 * @param updatable whether generated UPDATEs change it (keys and unique columns are not changed)
 */
public record ColumnDef(String name, String type, String extra, boolean updatable, ValueGenerator generator) {

    public String ddl() {
        return io.cdctest.sql.Sql.quote(name) + " " + type + (extra.isEmpty() ? "" : " " + extra);
    }
}
