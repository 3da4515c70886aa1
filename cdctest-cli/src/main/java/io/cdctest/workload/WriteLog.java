package io.cdctest.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the harness wrote on the source, in order: the record later checks and reports lean on. */
public final class WriteLog {

    /** One statement or generated batch: which table, what kind of change, how many rows. */
    public record Write(Instant at, String table, String kind, long rows, String statement) {
    }

    private final List<Write> writes = new ArrayList<>();

    public synchronized void add(Write write) {
        writes.add(write);
    }

    public synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    public synchronized Instant lastWrite() {
        return writes.isEmpty() ? Instant.EPOCH : writes.get(writes.size() - 1).at();
    }

    public synchronized long rows() {
        return writes.stream().mapToLong(Write::rows).sum();
    }
}
