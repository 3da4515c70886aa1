package io.cdctest.sql;

/**
 * One column as the database describes it.
 *
 * @param dataType   lower-case base type ({@code int}, {@code varchar}, {@code vecf32})
 * @param columnType full type as the database gives it ({@code int(10) unsigned}, {@code enum('A','B')})
 */
public record Column(String name, String dataType, String columnType, boolean nullable, boolean primaryKey) {
}
