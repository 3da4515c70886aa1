package io.cdctest.check;

import java.time.Duration;
import java.util.List;

/**
 * The result of comparing one table on both sides.
 *
 * @param differences    differing rows found (all of them; {@code samples} holds the first ones)
 * @param typeOnly       rows equal only after a declared conversion (not a failure, counted)
 * @param schemaProblems problems that prevent a row comparison (missing table, no primary key, ...)
 * @param method         how it was compared: rows, java-chunks or pushdown
 * @param pending        key ranges still differing: a recheck looks only at these
 */
public record TableComparison(String table, Verdict verdict, long sourceRows, long targetRows, long differences,
                              List<RowDifference> samples, long typeOnly, List<String> schemaProblems, String method,
                              List<KeyRange> pending, ComparisonPlan plan, Duration elapsed) {

    public boolean equal() {
        return verdict == Verdict.EQUAL && schemaProblems.isEmpty();
    }

    /**
     * Equal, or differing only in rows whose every cause is one of {@code causes} (the changes a
     * pipeline's declared filters keep out of the target). All differences must be in the samples.
     */
    public boolean explainedBy(java.util.Set<String> causes) {
        if (equal()) {
            return true;
        }
        return !causes.isEmpty() && verdict == Verdict.DIFFERENT && schemaProblems.isEmpty()
                && samples.size() == differences
                && samples.stream().allMatch(d -> causes.contains(d.cause() == null ? d.kind() : d.cause()));
    }

    public long count(String kind) {
        return samples.stream().filter(d -> d.kind().equals(kind)).count();
    }

    /** One line: "cdc_test_base: 1000 rows equal" or "cdc_test_base: 3 rows differ (source 1000, target 998)". */
    public String summary() {
        if (!schemaProblems.isEmpty()) {
            return table + ": " + String.join("; ", schemaProblems);
        }
        String typeOnlyNote = typeOnly == 0 ? "" : ", " + typeOnly + " equal after a declared conversion";
        return switch (verdict) {
            case EQUAL -> table + ": " + sourceRows + " rows equal" + typeOnlyNote;
            case UNKNOWN -> table + ": unknown, the time budget ran out after " + sourceRows + " source rows";
            case DIFFERENT -> table + ": " + differences + (differences == 1 ? " row differs" : " rows differ")
                    + " (source " + sourceRows + " rows, target " + targetRows + ")";
        };
    }
}
