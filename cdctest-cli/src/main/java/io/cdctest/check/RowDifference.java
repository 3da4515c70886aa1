package io.cdctest.check;

import io.cdctest.spec.Cause;
import io.cdctest.spec.Keyword;
import io.cdctest.spec.Side;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How one row differs between source and target. {@link #kind()} is what the comparison saw;
 * {@link #cause()} is the explanation from what the harness wrote (null until classified).
 */
public sealed interface RowDifference {
    /** What the comparison saw of a row, shown by {@link #id()}. */
    enum Kind implements Keyword {
        MISSING, EXTRA, DIFFERENT, DUPLICATE;

        /** The kind as an explanation, for a difference nothing more is known of. */
        public Cause asCause() {
            return switch (this) {
                case MISSING -> Cause.MISSING;
                case EXTRA -> Cause.EXTRA;
                case DIFFERENT -> Cause.DIFFERENT;
                case DUPLICATE -> Cause.DUPLICATE;
            };
        }

        @Override
        public String toString() {
            return id();
        }
    }

    RowKey key();

    Kind kind();

    /** The classification, or null when nothing is known of the key's history. */
    Cause cause();

    RowDifference withCause(Cause cause);

    /** The cause when known, else the kind: what {@code expect:} and the filters are matched against. */
    default Cause explanation() {
        return cause() == null ? kind().asCause() : cause();
    }

    private static String suffix(Cause cause, Kind kind) {
        return cause == null || cause == kind.asCause() ? "" : " [" + cause.id() + "]";
    }

    /** A row on the source that the target does not have; {@code sourceRow} holds its canonical values. */
    record MissingInTarget(RowKey key, String[] sourceRow, Cause cause) implements RowDifference {
        public Kind kind() {
            return Kind.MISSING;
        }

        public RowDifference withCause(Cause c) {
            return new MissingInTarget(key, sourceRow, c);
        }

        @Override
        public String toString() {
            return "missing in target: " + key + suffix(cause, kind());
        }
    }

    /** A row on the target that the source does not have. */
    record ExtraInTarget(RowKey key, long targetHash, Cause cause) implements RowDifference {
        public Kind kind() {
            return Kind.EXTRA;
        }

        public RowDifference withCause(Cause c) {
            return new ExtraInTarget(key, targetHash, c);
        }

        @Override
        public String toString() {
            return "extra in target: " + key + suffix(cause, kind());
        }
    }

    /** A row on both sides whose columns differ; {@code targetHash} identifies the target's version. */
    record Different(RowKey key, List<ColumnDifference> columns, String[] sourceRow, long targetHash, Cause cause)
            implements RowDifference {
        public Kind kind() {
            return Kind.DIFFERENT;
        }

        public RowDifference withCause(Cause c) {
            return new Different(key, columns, sourceRow, targetHash, c);
        }

        @Override
        public String toString() {
            return "different: " + key + suffix(cause, kind()) + ": "
                    + columns.stream().map(ColumnDifference::toString).collect(Collectors.joining("; "));
        }
    }

    /** A key present more than once on one side (a table without its primary key constraint). */
    record Duplicate(RowKey key, Side side) implements RowDifference {
        public Kind kind() {
            return Kind.DUPLICATE;
        }

        public Cause cause() {
            return Cause.DUPLICATE;
        }

        public RowDifference withCause(Cause c) {
            return this;
        }

        @Override
        public String toString() {
            return "duplicate key in " + side.id() + ": " + key;
        }
    }
}
