package io.cdctest.check;

import java.util.List;

/**
 * The result of comparing one table on both sides.
 *
 * @param differences    the number of differing rows found (all of them, not only the samples)
 * @param samples        the first differing rows, in key order
 * @param schemaProblems problems that prevent a row comparison (missing table, no primary key, ...)
 */
public record TableComparison(String table, long sourceRows, long targetRows, long differences,
                              List<RowDifference> samples, List<String> schemaProblems) {

    public boolean equal() {
        return differences == 0 && schemaProblems.isEmpty();
    }

    public long count(String kind) {
        return samples.stream().filter(d -> d.kind().equals(kind)).count();
    }

    /** One line: "cdc_test_base: 1000 rows equal" or "cdc_test_base: 3 rows differ (source 1000, target 998)". */
    public String summary() {
        if (!schemaProblems.isEmpty()) {
            return table + ": " + String.join("; ", schemaProblems);
        }
        if (equal()) {
            return table + ": " + sourceRows + " rows equal";
        }
        return table + ": " + differences + (differences == 1 ? " row differs" : " rows differ") + " (source " + sourceRows
                + " rows, target " + targetRows + ")";
    }
}
