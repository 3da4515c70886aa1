package io.cdctest.check;

import java.time.Duration;

/**
 * How the engine compares.
 *
 * @param mode            AUTO: checksums inside the databases when both sides are the same MySQL-family
 *                        engine and either the row hash is cheap there (CRC-32 and CRC-32C) or a side is
 *                        remote, else rows hashed in Java; on one machine, chunks are checksummed in key
 *                        order until over a quarter of those checked mismatch, and the rest is compared
 *                        as rows (see PushdownSwitch); or forced
 * @param smallTableRows  tables up to this many rows (counted, not estimated) are compared row by row at once
 * @param chunkRows       rows per key-range chunk (at most, bounded by the keys: see Chunker)
 * @param bisectRows      mismatching chunks of at most this many rows are compared row by row at once;
 *                        larger ones first by the keys and row hashes of both sides
 * @param maxDifferences  differing rows to collect in detail (all are counted while rows are compared)
 * @param maxTime         time budget of one comparison; beyond it the verdict is UNKNOWN unless a difference was found
 * @param lanes           connections per side that checksum chunks at the same time (when the side can open more)
 */
public record DiffOptions(Mode mode, long smallTableRows, long chunkRows, long bisectRows, int maxDifferences,
                          Duration maxTime, int lanes) {

    public enum Mode { AUTO, PUSHDOWN, JAVA }

    public static final DiffOptions DEFAULT = new DiffOptions(Mode.AUTO, 20_000, 50_000, 5_000, 1_000,
            Duration.ofHours(1), 2);

    public DiffOptions withMode(Mode m) {
        return new DiffOptions(m, smallTableRows, chunkRows, bisectRows, maxDifferences, maxTime, lanes);
    }

    public DiffOptions withMaxDifferences(int n) {
        return new DiffOptions(mode, smallTableRows, chunkRows, bisectRows, n, maxTime, lanes);
    }

    public DiffOptions withMaxTime(Duration t) {
        return new DiffOptions(mode, smallTableRows, chunkRows, bisectRows, maxDifferences, t, lanes);
    }

    public DiffOptions withSizes(long small, long chunk, long bisect) {
        return new DiffOptions(mode, small, chunk, bisect, maxDifferences, maxTime, lanes);
    }

    public DiffOptions withLanes(int n) {
        return new DiffOptions(mode, smallTableRows, chunkRows, bisectRows, maxDifferences, maxTime, n);
    }
}
