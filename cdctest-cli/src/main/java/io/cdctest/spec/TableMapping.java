package io.cdctest.spec;

import java.util.List;

/**
 * How source tables map to a target table for comparison.
 *
 * @param source                 {@code db.table} or {@code table}; {@code *} and {@code ?} match several (sharded) tables
 * @param target                 {@code db.table} or {@code table}; null: the same name as the source
 * @param columns                compare only these columns (besides the key); empty: all
 * @param exclude                never compare these columns
 * @param where                  a row filter applied on both sides
 * @param sourceDatabaseColumn   many-to-one: the target column that holds the source database's name
 * @param sourceTableColumn      many-to-one: the target column that holds the source table's name
 * @param regex                  {@code source} is a regular expression over {@code database.table} (a route's
 *                               pattern such as {@code user_db_[0-9]+.user_table_[0-9]+}), not a glob
 */
public record TableMapping(String source, String target, List<String> columns, List<String> exclude, String where,
                           String sourceDatabaseColumn, String sourceTableColumn, Origin origin, boolean regex) {

    /** A one-to-one mapping of a table to the table of the same name. */
    public static TableMapping same(String table) {
        return new TableMapping(table, null, List.of(), List.of(), null, null, null, Origin.commandLine("--tables"), false);
    }
}
