package io.cdctest.format;

import java.util.Locale;
import java.util.Map;

/**
 * The MySQL type of a column, where a message does not say it and its value alone is ambiguous: a
 * Maxwell BLOB is base64 text, a SET an array, a JSON column a nested object. Consumers take it
 * from the target table, the verifier from the source table.
 */
@FunctionalInterface
public interface ColumnTypes {
    ColumnTypes NONE = (database, table, column) -> null;

    /** The column's type as in DDL ({@code blob}, {@code set('a','b')}, {@code bit(8)}), or null if unknown. */
    String of(String database, String table, String column);

    /** Types given per column name, whatever the table (tests, one-table tools). */
    static ColumnTypes of(Map<String, String> byColumn) {
        return (database, table, column) -> byColumn.get(column);
    }

    /** The type's name without length, sign or values, lower case: {@code varchar(255)} → {@code varchar}. */
    static String base(String type) {
        if (type == null) {
            return "";
        }
        String t = type.trim().toLowerCase(Locale.ROOT);
        int cut = t.length();
        for (char c : new char[] {'(', ' '}) {
            int at = t.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return t.substring(0, cut);
    }

    static boolean isBinary(String type) {
        return switch (base(type)) {
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> true;
            default -> false;
        };
    }
}
