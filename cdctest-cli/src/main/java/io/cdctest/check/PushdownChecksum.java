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
 * COUNT and checksum of a key range computed inside MySQL or MariaDB. Per row a 64-bit hash of a
 * canonical text, summed exactly (as DECIMAL) and taken mod 2^64; never XOR, so duplicate rows do
 * not cancel. The canonical text is {@code CONCAT_WS('#', null mask, value, ...)}: the mask has a
 * bit per non-key column that is NULL (NULL differs from empty), and every textual value is
 * preceded by its length in bytes, so a {@code #} inside a value cannot move a boundary
 * ({@code ('x#', 'y')} and {@code ('x', '#y')} differ). FLOAT is widened to DOUBLE as when rows
 * are read ({@link ValueKind#select}), binary values are hexadecimal, BIT values their number.
 *
 * <p>The per-row hash is one of:
 * <ul>
 *   <li>{@link Hash#CRC}: CRC-32 in the low 32 bits and CRC-32C in the high 32 bits of the same text,
 *       two independent 32-bit checks (different polynomials; MariaDB 10.8 and later). The text is
 *       built once per row and handed from one function to the other in a session variable; that the
 *       server evaluates it in that order, row by row, is verified on each connection first
 *       ({@link #hash}), and otherwise MD5 is used;</li>
 *   <li>{@link Hash#MD5}: the first 64 bits of MD5 (MySQL, TiDB, older MariaDB), about three times
 *       dearer per row.</li>
 * </ul>
 * Only rows of the same engine and types are compared this way; a mismatch is always settled by
 * comparing rows.
 */
final class PushdownChecksum {

    /** The row hash computed inside the database. */
    enum Hash { CRC, MD5 }

    /** Rows in the range and their checksum. */
    record Sum(long count, long checksum) {
    }

    /** The session variable that carries a row's text from CRC32 to CRC32C. */
    private static final String TEXT = "@cdctest_row";
    /** Texts the probe hashes on the server and in Java (no quotes in them: they are SQL literals as they are). */
    private static final String[] PROBE = {"cdctest", "row hash", ""};

    private PushdownChecksum() {
    }

    static boolean supports(Engine source, Engine target) {
        return source == target && source.checksumPushdown();
    }

    /**
     * The cheapest row hash this connection computes correctly: CRC when the server has CRC32C and
     * evaluates the pair as intended on every row (checked against Java's CRC32 and CRC32C of known
     * texts, so a server that evaluated them out of order would be caught), else MD5.
     */
    static Hash hash(Connection connection) {
        StringBuilder rows = new StringBuilder();
        BigInteger expected = BigInteger.ZERO;
        for (String text : PROBE) {
            rows.append(rows.length() == 0 ? "SELECT " : " UNION ALL SELECT ").append('\'').append(text).append("' AS v");
            expected = expected.add(BigInteger.valueOf(crc(new CRC32(), text)))
                    .add(BigInteger.valueOf(crc(new CRC32C(), text)).shiftLeft(32));
        }
        String sql = "SELECT SUM(" + crcPair("v") + ") FROM (" + rows + ") cdctest_probe";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() && rs.getBigDecimal(1) != null && rs.getBigDecimal(1).toBigInteger().equals(expected)
                    ? Hash.CRC : Hash.MD5;
        } catch (SQLException e) {
            return Hash.MD5; // no CRC32C (MySQL, TiDB, MariaDB before 10.8)
        }
    }

    private static long crc(java.util.zip.Checksum checksum, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        checksum.update(bytes, 0, bytes.length);
        return checksum.getValue();
    }

    private static String crcPair(String text) {
        return "CRC32(" + TEXT + " := " + text + ") + (CRC32C(" + TEXT + ") << 32)";
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

    /** The expression of a row's 64-bit hash, an unsigned BIGINT. */
    static String rowHash(Hash hash, List<String> columns, ValueKind[] kinds, int keyCount) {
        String text = text(columns, kinds, keyCount);
        return hash == Hash.CRC ? crcPair(text) : "CAST(CONV(SUBSTRING(MD5(" + text + "), 1, 16), 16, 10) AS UNSIGNED)";
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
                return new Sum(rs.getLong(1), sum == null ? 0 : sum.toBigInteger().longValue());
            }
        }
    }
}
