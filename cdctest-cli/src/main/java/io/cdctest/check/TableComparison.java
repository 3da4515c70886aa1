package io.cdctest.check;

import io.cdctest.spec.Cause;
import io.cdctest.spec.Keyword;
import java.time.Duration;
import java.util.List;

/**
 * The result of comparing one table on both sides.
 *
 * @param differences    differing rows found (all of them; {@code samples} holds the first ones)
 * @param typeOnly       rows equal only after a declared conversion (not a failure, counted)
 * @param schemaProblems problems that prevent a row comparison (missing table, no primary key, ...)
 * @param method         how it was compared
 * @param pending        key ranges still differing: a recheck looks only at these
 */
public record TableComparison(String table, Verdict verdict, long sourceRows, long targetRows, long differences,
                              List<RowDifference> samples, long typeOnly, List<String> schemaProblems, Method method,
                              List<KeyRange> pending, ComparisonPlan plan, Duration elapsed) {

    /** How a table was compared, shown by {@link #id()}. */
    public enum Method implements Keyword {
        /** Not at all: the plan has problems (no such table, no key, ...). */
        NONE,
        /** Row by row, the whole table at once (small tables). */
        ROWS,
        /** Key-range chunks whose rows are hashed in Java while streamed ({@code java-chunks}). */
        JAVA_CHUNKS,
        /** Key-range chunks checksummed inside both databases. */
        PUSHDOWN,
        /**
         * {@code auto}: chunks checksummed inside both databases in key order until so many of them
         * mismatched that the rest of the table was compared as {@link #JAVA_CHUNKS} (see PushdownSwitch).
         */
        PUSHDOWN_THEN_JAVA_CHUNKS,
        /**
         * A table compared fully and found equal earlier in the run, checked again cheaply: the rows
         * written since compared row by row, then the engine's {@code CHECKSUM TABLE} and the row
         * count on both sides (see IncrementalCheck).
         */
        ENGINE_CHECKSUM;

        @Override
        public String id() {
            return Keyword.super.id().replace('_', '-');
        }

        @Override
        public String toString() {
            return id();
        }
    }

    public boolean equal() {
        return verdict == Verdict.EQUAL && schemaProblems.isEmpty();
    }

    /**
     * Equal, or differing only in rows whose every cause is one of {@code causes} (the changes a
     * pipeline's declared filters keep out of the target). All differences must be in the samples.
     */
    public boolean explainedBy(java.util.Set<Cause> causes) {
        if (equal()) {
            return true;
        }
        return !causes.isEmpty() && verdict == Verdict.DIFFERENT && schemaProblems.isEmpty()
                && samples.size() == differences
                && samples.stream().allMatch(d -> causes.contains(d.explanation()));
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
