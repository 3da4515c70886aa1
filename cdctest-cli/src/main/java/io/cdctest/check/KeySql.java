package io.cdctest.check;

import io.cdctest.spec.Engine;
import io.cdctest.sql.Sql;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for key order and key ranges that sorts exactly as {@link #compare} does in Java: numbers
 * numerically, everything else by its UTF-8 bytes ({@code CAST(... AS BINARY)} on MySQL and
 * MariaDB, whose collations would otherwise ignore case; MatrixOne only has a binary collation).
 */
final class KeySql {
    private final Engine engine;
    private final List<String> keys;
    private final ValueKind[] kinds;

    KeySql(Engine engine, List<String> keys, ValueKind[] kinds) {
        this.engine = engine;
        this.keys = keys;
        this.kinds = kinds;
    }

    private boolean textual(int i) {
        return (kinds[i] == ValueKind.TEXT || kinds[i] == ValueKind.CHAR) && engine.binaryCast();
    }

    private String column(int i) {
        return textual(i) ? "CAST(" + Sql.quote(keys.get(i)) + " AS BINARY)" : Sql.quote(keys.get(i));
    }

    private String parameter(int i) {
        return textual(i) ? "CAST(? AS BINARY)" : kinds[i] == ValueKind.BINARY ? "UNHEX(?)" : "?";
    }

    String orderBy() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parts.add(column(i));
        }
        return String.join(", ", parts);
    }

    /** The WHERE condition of a range (TRUE for the whole table); parameters bound by {@link #bind}. */
    String condition(KeyRange range) {
        List<String> parts = new ArrayList<>();
        if (range.after() != null) {
            parts.add(tuple(true));
        }
        if (range.upTo() != null) {
            parts.add(tuple(false));
        }
        return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
    }

    /** {@code key > after} or {@code key <= upTo}, expanded column by column. */
    private String tuple(boolean greater) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            StringBuilder term = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                term.append(column(j)).append(" = ").append(parameter(j)).append(" AND ");
            }
            boolean last = i == keys.size() - 1;
            String op = greater ? ">" : last ? "<=" : "<";
            term.append(column(i)).append(' ').append(op).append(' ').append(parameter(i)).append(')');
            alternatives.add(term.toString());
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    /** Binds the range's values in the order {@link #condition} placed them; returns the next index. */
    int bind(PreparedStatement ps, int index, KeyRange range) throws SQLException {
        for (String[] bound : new String[][] {range.after(), range.upTo()}) {
            if (bound == null) {
                continue;
            }
            for (int i = 0; i < keys.size(); i++) {
                for (int j = 0; j <= i; j++) {
                    ps.setString(index++, bound[j]);
                }
            }
        }
        return index;
    }

    /** {@code (k1, k2) IN ((?, ?), ...)} for {@code count} keys; parameters bound by {@link #bindKeys}. */
    String in(int count) {
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < keys.size(); i++) {
            tuple.append(i == 0 ? "" : ", ").append(parameter(i));
        }
        tuple.append(')');
        return "(" + orderBy() + ") IN (" + String.join(", ", java.util.Collections.nCopies(count, tuple)) + ")";
    }

    /** Binds canonical key values in the order {@link #in} placed them; returns the next index. */
    int bindKeys(PreparedStatement ps, int index, List<String[]> values) throws SQLException {
        for (String[] key : values) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(index++, key[i]);
            }
        }
        return index;
    }

    /** Key order as the databases produce it. */
    static int compare(String[] a, String[] b, ValueKind[] kinds, int keyCount) {
        for (int i = 0; i < keyCount; i++) {
            int c = compare(a[i], b[i], kinds[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Order of two canonical integers of any size, without parsing them. */
    private static int compareIntegers(String a, String b) {
        boolean negA = a.charAt(0) == '-';
        boolean negB = b.charAt(0) == '-';
        if (negA != negB) {
            return negA ? -1 : 1;
        }
        int c = a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        return negA ? -c : c;
    }

    static int compare(String a, String b, ValueKind kind) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if ((kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL) && Values.plainInteger(a) && Values.plainInteger(b)) {
            return compareIntegers(a, b);
        }
        if (kind.numeric()) {
            try {
                return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
            } catch (NumberFormatException e) {
                // fall through to byte order
            }
        }
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
