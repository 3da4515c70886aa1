package io.cdctest.check;

/**
 * One side's table in a comparison.
 *
 * @param filter a SQL condition every compared row meets (row filter, many-to-one source columns), or null
 */
public record TableRef(String database, String table, String filter) {

    @Override
    public String toString() {
        return database + "." + table + (filter == null ? "" : " WHERE " + filter);
    }
}
