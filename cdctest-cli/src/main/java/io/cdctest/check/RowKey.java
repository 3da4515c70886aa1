package io.cdctest.check;

import java.util.List;

/** The primary-key values of one row, shown as {@code id=5} or {@code (pk1=1, pk2='a')}. */
public record RowKey(List<String> columns, List<String> values) {

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
