package io.cdctest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an integer key is cut into spans, whatever information_schema estimated. */
class ChunkerTest {

    private static long width(KeyRange range, long min, long max) {
        long from = range.after() == null ? min : Long.parseLong(range.after()[0]) + 1;
        long to = range.upTo() == null ? max : Long.parseLong(range.upTo()[0]);
        return to - from + 1;
    }

    @Test
    void aTableFarLargerThanEstimatedIsCutIntoSpansOfAtMostAChunk() {
        // 10,000,000 dense keys, estimated at 0 (as right after a bulk load): no span may hold more than a chunk
        List<KeyRange> spans = Chunker.spans(BigInteger.ONE, BigInteger.valueOf(10_000_000), 50_000, 0);
        assertThat(spans).hasSize(200);
        assertThat(spans).allSatisfy(r -> assertThat(width(r, 1, 10_000_000)).isLessThanOrEqualTo(50_000));
        assertThat(spans.get(0).after()).isNull();
        assertThat(spans.get(spans.size() - 1).upTo()).isNull();
    }

    @Test
    void anAccurateEstimateOfDenseKeysGivesChunksOfAboutTheChunkSize() {
        List<KeyRange> spans = Chunker.spans(BigInteger.valueOf(-5), BigInteger.valueOf(1_000_000), 50_000, 1_000_000);
        assertThat(spans).hasSize(21);
        assertThat(spans).allSatisfy(r -> assertThat(width(r, -5, 1_000_000)).isLessThanOrEqualTo(50_000));
    }

    @Test
    void sparseKeysAreLeftToTheIndexWalk() {
        // snowflake-like keys: a span of at most a chunk of values would take billions of spans
        assertThat(Chunker.spans(BigInteger.ONE, BigInteger.valueOf(Long.MAX_VALUE), 50_000, 10_000_000)).isNull();
        // keys four times sparser than the estimate still fit in spans
        assertThat(Chunker.spans(BigInteger.ONE, BigInteger.valueOf(400_000_000), 50_000, 100_000_000)).hasSize(8_000);
        // ...but not ten times: the index walk bounds them then
        assertThat(Chunker.spans(BigInteger.ONE, BigInteger.valueOf(1_000_000_000), 50_000, 100_000_000)).isNull();
    }

    @Test
    void keysWithinOneChunkAreOneRange() {
        assertThat(Chunker.spans(BigInteger.ONE, BigInteger.valueOf(50_000), 50_000, 10_000_000))
                .containsExactly(KeyRange.ALL);
    }
}
