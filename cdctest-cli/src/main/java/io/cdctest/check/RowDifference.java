package io.cdctest.check;

import java.util.List;
import java.util.stream.Collectors;

/** How one row differs between source and target. */
public sealed interface RowDifference {
    RowKey key();

    /** "missing", "extra" or "different". */
    String kind();

    /** A row on the source that the target does not have. */
    record MissingInTarget(RowKey key) implements RowDifference {
        public String kind() {
            return "missing";
        }

        @Override
        public String toString() {
            return "missing in target: " + key;
        }
    }

    /** A row on the target that the source does not have. */
    record ExtraInTarget(RowKey key) implements RowDifference {
        public String kind() {
            return "extra";
        }

        @Override
        public String toString() {
            return "extra in target: " + key;
        }
    }

    /** A row on both sides whose columns differ. */
    record Different(RowKey key, List<ColumnDifference> columns) implements RowDifference {
        public String kind() {
            return "different";
        }

        @Override
        public String toString() {
            return "different: " + key + ": " + columns.stream().map(ColumnDifference::toString)
                    .collect(Collectors.joining("; "));
        }
    }
}
