package io.cdctest.check;

/** One column that differs in a row present on both sides; values are canonical text (null = SQL NULL). */
public record ColumnDifference(String column, String source, String target) {

    @Override
    public String toString() {
        return column + ": source " + shorten(RowKey.show(source)) + ", target " + shorten(RowKey.show(target));
    }

    private static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
