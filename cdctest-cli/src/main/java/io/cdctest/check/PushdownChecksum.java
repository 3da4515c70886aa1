package io.cdctest.check;

import io.cdctest.spec.Engine;
import io.cdctest.sql.Sql;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * COUNT and checksum of a key range computed inside MySQL or MariaDB. Per row a value derived from
 * a canonical text, summed exactly (as DECIMAL, never reduced); never XOR, so duplicate rows do not
 * cancel. The canonical text is {@code CONCAT_WS('#', null mask, value, ...)}: the mask has a bit per
 * non-key column that is NULL (NULL differs from empty), and every textual value is preceded by its
 * length in bytes, so a {@code #} inside a value cannot move a boundary ({@code ('x#', 'y')} and
 * {@code ('x', '#y')} differ). FLOAT is widened to DOUBLE as when rows are read
 * ({@link ValueKind#select}), binary values are hexadecimal, BIT values their number.
 *
 * <p>The per-row value is one of:
 * <ul>
 *   <li>{@link Hash#CRC} (MariaDB 10.8 and later, which have CRC32C): with {@code a = CRC32(text)}
 *       and {@code b = CRC32C(text)}, two 32-bit CRCs of coprime polynomials, the row's value is
 *       {@code v = (a + 2^32) * (b + 2^66)}, a number below 2^100 ({@link #rowValue}).
 *       <ul>
 *         <li><b>Why not a sum of the CRCs.</b> A CRC is linear over GF(2): for texts of equal length
 *             {@code crc(x) XOR crc(y)} depends only on {@code x XOR y}. An earlier version summed
 *             {@code a + b * 2^32} per row, and a sum of such values lets two mirrored edits in one
 *             chunk cancel: swapping the values of two rows changes both rows' CRCs by the same
 *             pattern D, and the two changes cancel in the sum whenever the two rows' CRCs hold
 *             complementary bits under D, which for D of weight w happens with probability 2^-w, far
 *             above 2^-64 for the low-weight patterns a CRC makes of short edits. One such pair
 *             (rows {@code (10000, 'aaaaaaaa')} and {@code (13816, 'rnjwfjhx')} with their values
 *             swapped) is a test of this class and of {@code DiffCorpusIT}.</li>
 *         <li><b>One row.</b> {@code v} gives back {@code (a, b)}: with {@code w = v - 2^98 = a * 2^66
 *             + b * (a + 2^32)} and {@code b * (a + 2^32) < 2^65}, {@code a = w / 2^66} (integer
 *             division) and {@code b = (w mod 2^66) / (a + 2^32)}. So a changed, missing or extra row
 *             changes the sum unless both CRCs of its text are unchanged. The polynomials are
 *             coprime, so for a change that keeps the text's length that means the change is a
 *             multiple of their product, of degree 64: together a 64-bit check that finds every
 *             change of up to 32 consecutive bits and misses a random change with probability about
 *             2^-64. COUNT is compared too.</li>
 *         <li><b>Several rows.</b> The sum is exact (no modulus): the rows' changes cancel only when
 *             {@code 2^66 ΣΔa + 2^32 ΣΔb + ΣΔ(a * b) = 0}. The products {@code a * b} are neither
 *             GF(2)-linear nor linear over the integers in the texts, so the XOR structure that lets
 *             the sums of {@code a} and of {@code b} cancel for mirrored edits does not make the
 *             products cancel with them: that stays a coincidence of a 64-bit value.</li>
 *         <li><b>No evaluation order.</b> The text is written twice in the statement, once for each
 *             CRC, and each CRC appears once; nothing is carried between expressions in session
 *             variables, whose order of evaluation MySQL and MariaDB leave undefined (the text was
 *             once built once and handed from one CRC to the other in a variable; a guard written to
 *             force the order, {@code IF((@c := CRC32C(@t := text)) IS NULL, 0, ...)}, was silently
 *             undone by MariaDB, which folds {@code IS NULL} of a value that cannot be NULL to a
 *             constant and so never evaluated the assignments). The server builds the text twice
 *             per row; that is the price of a result that depends on no evaluation order.</li>
 *       </ul>
 *       A probe on each connection ({@link #hash}) checks the server computes exactly
 *       {@link #rowValue} of several texts (CRC32C exists, the arithmetic is exact), else MD5 is used;</li>
 *   <li>{@link Hash#MD5}: the first 64 bits of MD5 (MySQL, TiDB, older MariaDB), about three times
 *       dearer per row, and not linear in any sense that could make edits cancel.</li>
 * </ul>
 * Only rows of the same engine and types are compared this way ({@link #supports}): MatrixOne, which
 * has CRC32 but no CRC32C, is never checksummed in the database; its tables are compared by rows
 * streamed and merged in Java. A mismatch is always settled by comparing rows.
 */
final class PushdownChecksum {

    /** The row hash computed inside the database. */
    enum Hash { CRC, MD5 }

    /** Rows in the range and the exact sum of their row values. */
    record Sum(long count, BigInteger checksum) {
    }

    private static final BigInteger TWO_TO_32 = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger TWO_TO_66 = BigInteger.ONE.shiftLeft(66);
    /** Texts the probe hashes on the server and in Java (no quotes in them: they are SQL literals as they are). */
    private static final String[] PROBE = {"cdctest", "row hash", "", "0#1#4#x#y"};

    private PushdownChecksum() {
    }

    static boolean supports(Engine source, Engine target) {
        return source == target && source.checksumPushdown();
    }

    /**
     * The cheapest row hash this connection computes correctly: CRC when the server has CRC32C and
     * computes {@link #rowValue} of several texts exactly (not in floating point, say), else MD5.
     */
    static Hash hash(Connection connection) {
        StringBuilder rows = new StringBuilder();
        BigInteger expected = BigInteger.ZERO;
        for (String text : PROBE) {
            rows.append(rows.length() == 0 ? "SELECT " : " UNION ALL SELECT ").append('\'').append(text).append("' AS v");
            expected = expected.add(rowValue(text.getBytes(StandardCharsets.UTF_8)));
        }
        String sql = "SELECT SUM(" + crcValue("v") + ") FROM (" + rows + ") cdctest_probe";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() && rs.getBigDecimal(1) != null && rs.getBigDecimal(1).toBigInteger().equals(expected)
                    ? Hash.CRC : Hash.MD5;
        } catch (SQLException e) {
            return Hash.MD5; // no CRC32C (MySQL, TiDB, MariaDB before 10.8)
        }
    }

    /** A row's value under {@link Hash#CRC}: {@code (CRC32 + 2^32) * (CRC32C + 2^66)} of its text. */
    static BigInteger rowValue(byte[] text) {
        CRC32 a = new CRC32();
        a.update(text, 0, text.length);
        CRC32C b = new CRC32C();
        b.update(text, 0, text.length);
        return combine(a.getValue(), b.getValue());
    }

    /** {@code (a + 2^32) * (b + 2^66)}: the pair (a, b) of 32-bit values is read back from it. */
    static BigInteger combine(long a, long b) {
        return BigInteger.valueOf(a).add(TWO_TO_32).multiply(BigInteger.valueOf(b).add(TWO_TO_66));
    }

    /** The SQL of {@link #rowValue} of a text: the text twice, each CRC once (see the class comment). */
    private static String crcValue(String text) {
        return "(CRC32(" + text + ") + " + TWO_TO_32 + ") * (CRC32C(" + text + ") + " + TWO_TO_66 + ")";
    }

    /** The canonical text of a row (see the class comment). */
    static String text(List<String> columns, ValueKind[] kinds, int keyCount) {
        List<String> parts = new ArrayList<>();
        // keys are never NULL; one mask of up to 62 bits per 62 other columns
        for (int from = keyCount; from < columns.size(); from += 62) {
            List<String> bits = new ArrayList<>();
            for (int i = from; i < Math.min(columns.size(), from + 62); i++) {
                bits.add(i == from ? "ISNULL(" + Sql.quote(columns.get(i)) + ")"
                        : "(ISNULL(" + Sql.quote(columns.get(i)) + ") << " + (i - from) + ")");
            }
            parts.add(String.join(" | ", bits));
        }
        for (int i = 0; i < columns.size(); i++) {
            String c = Sql.quote(columns.get(i));
            switch (kinds[i]) {
                case BINARY -> parts.add("HEX(" + c + ")");
                case BIT -> parts.add("CAST(" + c + " AS UNSIGNED)");
                case TEXT, CHAR, JSON, VECTOR -> {
                    parts.add("LENGTH(" + c + ")");
                    parts.add(c);
                }
                default -> parts.add(kinds[i].select(columns.get(i)));
            }
        }
        return "CONCAT_WS('#', " + String.join(", ", parts) + ")";
    }

    /** The expression of a row's value: a DECIMAL below 2^100 (CRC) or an unsigned BIGINT (MD5). */
    static String rowHash(Hash hash, List<String> columns, ValueKind[] kinds, int keyCount) {
        String text = text(columns, kinds, keyCount);
        return hash == Hash.CRC ? crcValue(text) : "CAST(CONV(SUBSTRING(MD5(" + text + "), 1, 16), 16, 10) AS UNSIGNED)";
    }

    static Sum of(Connection connection, Engine engine, Hash hash, TableRef table, List<String> columns,
                  ValueKind[] kinds, int keyCount, KeyRange range) throws SQLException {
        KeySql keys = new KeySql(engine, columns.subList(0, keyCount), kinds);
        String sql = "SELECT COUNT(*), SUM(" + rowHash(hash, columns, kinds, keyCount) + ") FROM "
                + Sql.qualified(table.database(), table.table()) + " WHERE " + keys.condition(range)
                + (table.filter() == null ? "" : " AND (" + table.filter() + ")");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            keys.bind(ps, 1, range);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                BigDecimal sum = rs.getBigDecimal(2);
                return new Sum(rs.getLong(1), sum == null ? BigInteger.ZERO : sum.toBigInteger());
            }
        }
    }
}
