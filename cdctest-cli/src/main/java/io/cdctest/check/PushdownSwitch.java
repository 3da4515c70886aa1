package io.cdctest.check;

/**
 * When {@code auto} stops checksumming a table's chunks in the databases and streams the rest of its
 * rows instead (java chunks). Chunks are checksummed in key order, in rounds; after each round the
 * share of chunks whose checksums differed among all checked so far decides. A mismatching chunk
 * costs its checksums and then a second read (its keys and row hashes, or its rows), so once many
 * chunks mismatch, the checksums are work wasted and streaming every row once is cheaper: on one
 * machine (1,000,000 narrow rows, two MariaDB servers) a checksummed chunk cost about 0.8 of
 * streaming it, and settling a mismatching one about 0.9 to 1.1 more, so the two ways break even near a
 * fifth of the chunks mismatching; the threshold is a quarter, in favour of checksums, which win on
 * equal tables.
 */
final class PushdownSwitch {
    /** Chunks checked before the share of mismatching ones can decide, and the first round's size. */
    static final int MIN_SAMPLE = 4;

    private PushdownSwitch() {
    }

    /**
     * Whether the chunks after those checked are compared by streaming their rows: at least
     * {@link #MIN_SAMPLE} chunks were checked and over a quarter of them mismatched.
     */
    static boolean toRows(int checked, int mismatching) {
        return checked >= MIN_SAMPLE && mismatching * 4L > checked;
    }

    /**
     * How many chunks the next round checksums: {@link #MIN_SAMPLE} first, then as many as were
     * checked so far (the rounds double, so a table of n chunks takes about log2(n / 4) rounds), at
     * most those left.
     */
    static int round(int checked, int left) {
        return Math.min(left, Math.max(MIN_SAMPLE, checked));
    }
}
