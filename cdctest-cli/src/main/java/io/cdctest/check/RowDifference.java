package io.cdctest.check;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How one row differs between source and target. {@code kind} is what the comparison saw;
 * {@code cause} is the explanation from what the harness wrote (null until classified):
 * missing, stale, corrupt, extra, resurrected, duplicate.
 */
public sealed interface RowDifference {
    RowKey key();

    /** missing, extra, different or duplicate. */
    String kind();

    /** The classification, or null when nothing is known of the key's history. */
    String cause();

    RowDifference withCause(String cause);

    private static String suffix(String cause, String kind) {
        return cause == null || cause.equals(kind) ? "" : " [" + cause + "]";
    }

    /** A row on the source that the target does not have; {@code sourceRow} holds its canonical values. */
    record MissingInTarget(RowKey key, String[] sourceRow, String cause) implements RowDifference {
        public String kind() {
            return "missing";
        }

        public RowDifference withCause(String c) {
            return new MissingInTarget(key, sourceRow, c);
        }

        @Override
        public String toString() {
            return "missing in target: " + key + suffix(cause, "missing");
        }
    }

    /** A row on the target that the source does not have. */
    record ExtraInTarget(RowKey key, long targetHash, String cause) implements RowDifference {
        public String kind() {
            return "extra";
        }

        public RowDifference withCause(String c) {
            return new ExtraInTarget(key, targetHash, c);
        }

        @Override
        public String toString() {
            return "extra in target: " + key + suffix(cause, "extra");
        }
    }

    /** A row on both sides whose columns differ; {@code targetHash} identifies the target's version. */
    record Different(RowKey key, List<ColumnDifference> columns, String[] sourceRow, long targetHash, String cause)
            implements RowDifference {
        public String kind() {
            return "different";
        }

        public RowDifference withCause(String c) {
            return new Different(key, columns, sourceRow, targetHash, c);
        }

        @Override
        public String toString() {
            return "different: " + key + suffix(cause, "different") + ": "
                    + columns.stream().map(ColumnDifference::toString).collect(Collectors.joining("; "));
        }
    }

    /** A key present more than once on one side (a table without its primary key constraint). */
    record Duplicate(RowKey key, String side) implements RowDifference {
        public String kind() {
            return "duplicate";
        }

        public String cause() {
            return "duplicate";
        }

        public RowDifference withCause(String c) {
            return this;
        }

        @Override
        public String toString() {
            return "duplicate key in " + side + ": " + key;
        }
    }
}
