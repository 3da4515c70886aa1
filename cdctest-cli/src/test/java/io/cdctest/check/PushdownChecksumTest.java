package io.cdctest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The row value of the in-database checksum, computed in Java as the probe expects it of the server. */
class PushdownChecksumTest {

    /** Canonical texts of rows (id INT, v VARCHAR): null mask, id, length of v, v. */
    private static final String ROW_1 = "0#10000#8#aaaaaaaa";
    private static final String ROW_2 = "0#13816#8#rnjwfjhx";
    /** The same two rows with their values swapped. */
    private static final String SWAPPED_1 = "0#10000#8#rnjwfjhx";
    private static final String SWAPPED_2 = "0#13816#8#aaaaaaaa";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The per-row value the checker used before: CRC-32 in the low, CRC-32C in the high 32 bits. */
    private static BigInteger linear(String text) {
        CRC32 a = new CRC32();
        a.update(bytes(text));
        CRC32C b = new CRC32C();
        b.update(bytes(text));
        return BigInteger.valueOf(a.getValue()).add(BigInteger.valueOf(b.getValue()).shiftLeft(32));
    }

    private static BigInteger sum(List<String> texts, java.util.function.Function<String, BigInteger> value) {
        return texts.stream().map(value).reduce(BigInteger.ZERO, BigInteger::add);
    }

    @Test
    void mirroredEditsThatCancelInASumOfCrcsChangeTheSumOfRowValues() {
        List<String> before = List.of(ROW_1, ROW_2);
        List<String> after = List.of(SWAPPED_1, SWAPPED_2);
        // the risk was real: both CRCs are linear, and this swap cancels in their sum, exactly
        assertThat(sum(after, PushdownChecksumTest::linear)).isEqualTo(sum(before, PushdownChecksumTest::linear));
        // the row values are not linear in the text, and the sum sees the swap
        assertThat(sum(after, t -> PushdownChecksum.rowValue(bytes(t))))
                .isNotEqualTo(sum(before, t -> PushdownChecksum.rowValue(bytes(t))));
    }

    @Test
    void aRowValueGivesBackBothCrcsSoOneChangedRowChangesTheSum() {
        Random random = new Random(18);
        long max = 0xFFFF_FFFFL;
        long[][] pairs = {{0, 0}, {0, max}, {max, 0}, {max, max}, {1, 0}, {0, 1}};
        BigInteger two32 = BigInteger.ONE.shiftLeft(32);
        BigInteger two66 = BigInteger.ONE.shiftLeft(66);
        for (int i = 0; i < 10_000; i++) {
            long a = i < pairs.length ? pairs[i][0] : random.nextLong() & max;
            long b = i < pairs.length ? pairs[i][1] : random.nextLong() & max;
            BigInteger v = PushdownChecksum.combine(a, b);
            assertThat(v.bitLength()).isLessThanOrEqualTo(100);
            BigInteger[] split = v.subtract(BigInteger.ONE.shiftLeft(98)).divideAndRemainder(two66);
            assertThat(split[0].longValueExact()).isEqualTo(a);
            assertThat(split[1].divide(BigInteger.valueOf(a).add(two32)).longValueExact()).isEqualTo(b);
        }
    }

    @Test
    void theRowValueIsOfBothCrcsOfTheTextAsTheServerComputesThem() {
        byte[] text = bytes("0#1#4#x#y");
        CRC32 a = new CRC32();
        a.update(text);
        CRC32C b = new CRC32C();
        b.update(text);
        assertThat(PushdownChecksum.rowValue(text)).isEqualTo(PushdownChecksum.combine(a.getValue(), b.getValue()));
    }

    @Test
    void eachCrcTakesTheRowsTextItselfWithNothingCarriedInSessionVariables() {
        String text = "CONCAT_WS('#', ISNULL(`v`), `id`, LENGTH(`v`), `v`)";
        String sql = PushdownChecksum.rowHash(PushdownChecksum.Hash.CRC, List.of("id", "v"),
                new ValueKind[] {ValueKind.INTEGER, ValueKind.TEXT}, 1);
        assertThat(sql).isEqualTo("(CRC32(" + text + ") + 4294967296) * (CRC32C(" + text + ") + 73786976294838206464)");
        assertThat(sql).doesNotContain("@");
    }
}
