package io.cdctest.workload;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What the harness wrote on the source: totals, the time of the last write, and the most recent
 * {@link #KEPT} writes in order. Bounded, so a long workload step (a statement at a time for
 * hours) holds its memory flat.
 */
public final class WriteLog {
    /** How many of the latest writes are kept one by one. */
    public static final int KEPT = 1000;

    /** One statement or generated batch: which table, what kind of change, how many rows. */
    public record Write(Instant at, String table, String kind, long rows, String statement) {
    }

    private final ArrayDeque<Write> recent = new ArrayDeque<>();
    private long count;
    private long rows;
    private Instant last = Instant.EPOCH;

    public synchronized void add(Write write) {
        if (recent.size() == KEPT) {
            recent.removeFirst();
        }
        recent.addLast(write);
        count++;
        rows += write.rows();
        last = write.at();
    }

    /** The latest writes (at most {@link #KEPT}), oldest first. */
    public synchronized List<Write> writes() {
        return List.copyOf(recent);
    }

    public synchronized Instant lastWrite() {
        return last;
    }

    /** How many writes there were in all. */
    public synchronized long count() {
        return count;
    }

    /** The rows all writes changed. */
    public synchronized long rows() {
        return rows;
    }
}
