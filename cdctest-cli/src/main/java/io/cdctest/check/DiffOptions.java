package io.cdctest.check;

import java.time.Duration;

/**
 * How the engine compares.
 *
 * @param mode            AUTO: checksums inside the databases when both sides are the same MySQL-family
 *                        engine, else rows hashed in Java; or forced
 * @param smallTableRows  tables up to this many rows (estimated) are compared row by row at once
 * @param chunkRows       rows per key-range chunk
 * @param bisectRows      mismatching chunks are halved until they hold this many rows, then compared row by row
 * @param maxDifferences  differing rows to collect in detail (all are counted while rows are compared)
 * @param maxTime         time budget of one comparison; beyond it the verdict is UNKNOWN unless a difference was found
 */
public record DiffOptions(Mode mode, long smallTableRows, long chunkRows, long bisectRows, int maxDifferences,
                          Duration maxTime) {

    public enum Mode { AUTO, PUSHDOWN, JAVA }

    public static final DiffOptions DEFAULT = new DiffOptions(Mode.AUTO, 20_000, 50_000, 5_000, 1_000,
            Duration.ofHours(1));

    public DiffOptions withMode(Mode m) {
        return new DiffOptions(m, smallTableRows, chunkRows, bisectRows, maxDifferences, maxTime);
    }

    public DiffOptions withMaxDifferences(int n) {
        return new DiffOptions(mode, smallTableRows, chunkRows, bisectRows, n, maxTime);
    }

    public DiffOptions withMaxTime(Duration t) {
        return new DiffOptions(mode, smallTableRows, chunkRows, bisectRows, maxDifferences, t);
    }

    public DiffOptions withSizes(long small, long chunk, long bisect) {
        return new DiffOptions(mode, small, chunk, bisect, maxDifferences, maxTime);
    }
}
