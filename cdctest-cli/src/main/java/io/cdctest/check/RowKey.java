package io.cdctest.check;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The primary-key values of one row (canonical text, null for NULL), shown as {@code id=5} or
 * {@code (pk1=1, pk2='a')}. Equal keys of one table are equal records: the key of maps keyed by row.
 */
public record RowKey(List<String> columns, List<String> values) {

    /** The key of a row whose first values are its key columns' (a canonical row, or a streamed row's key). */
    public static RowKey of(List<String> columns, String[] row) {
        return new RowKey(columns, Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(row, columns.size()))));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(columns.get(i)).append('=').append(show(values.get(i)));
        }
        return columns.size() == 1 ? out.toString() : "(" + out + ")";
    }

    static String show(String value) {
        if (value == null) {
            return "NULL";
        }
        return value.chars().allMatch(c -> Character.isDigit(c) || c == '-' || c == '.') && !value.isEmpty()
                ? value : "'" + value.replace("'", "\\'") + "'";
    }
}
