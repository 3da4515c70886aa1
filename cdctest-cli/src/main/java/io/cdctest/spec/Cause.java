package io.cdctest.spec;

import java.util.Optional;

/**
 * What explains a differing row: the plain kind the comparison saw ({@code RowDifference.Kind}), or
 * the cause the key history gives it ({@code KeyHistory}). A {@code validate_sync} step's
 * {@code expect:} and a pipeline's filters ({@code FilterEffects.causes()}) name these; shown by
 * {@link #id()} ({@code stale}, {@code resurrected}, ...).
 */
public enum Cause implements Keyword {
    /** On the source, not on the target: never applied. */
    MISSING,
    /** On the target, never on the source. */
    EXTRA,
    /** On both sides, with other values (nothing known of the key's history). */
    DIFFERENT,
    /** On both sides; the target has an older version the source had. */
    STALE,
    /** On both sides; the target has a version the source never had. */
    CORRUPT,
    /** Deleted on the source, still on the target. */
    RESURRECTED,
    /** The key is more than once on one side. */
    DUPLICATE;

    /** The cause {@code expect:} names by this word. */
    public static Optional<Cause> of(String id) {
        return Keyword.of(Cause.class, id);
    }

    @Override
    public String toString() {
        return id();
    }
}
