package io.cdctest.spec;

import java.util.Optional;

/**
 * One of the two databases of a run: the source the harness writes and the pipeline reads, or the
 * target the pipeline writes. Shown (in messages, reports and YAML) by its {@link #id()}.
 */
public enum Side implements FaultTarget {
    SOURCE, TARGET;

    /** The side named {@code source} or {@code target}. */
    public static Optional<Side> of(String id) {
        return Keyword.of(Side.class, id);
    }

    @Override
    public String toString() {
        return id();
    }
}
