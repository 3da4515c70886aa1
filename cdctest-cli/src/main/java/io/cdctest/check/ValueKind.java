package io.cdctest.check;

import java.util.Locale;
import java.util.Set;

/**
 * How values of a column are normalised and compared across engines. Declared rules:
 * <ul>
 *   <li>INTEGER, DECIMAL: compared as exact numbers (DECIMAL scale ignored: 1.50 = 1.5);</li>
 *   <li>FLOAT: equal to six significant digits (read widened to DOUBLE); DOUBLE: relative tolerance 1e-12;</li>
 *   <li>BOOLEAN: true/false equal 1/0 (MatrixOne BOOL vs MySQL TINYINT(1));</li>
 *   <li>BIT: compared as the unsigned number of its bytes;</li>
 *   <li>TEMPORAL: text form with trailing fractional zeros removed (both sides read in UTC);</li>
 *   <li>JSON: by meaning: key order and number formatting ignored;</li>
 *   <li>BINARY: bytes (shown as hex); CHAR: trailing spaces ignored;</li>
 *   <li>VECTOR: list of floats, so {@code [1,2]} equals {@code [1, 2]};</li>
 *   <li>TEXT (also ENUM and SET labels): exact.</li>
 * </ul>
 */
public enum ValueKind {
    INTEGER, DECIMAL, FLOAT, DOUBLE, BOOLEAN, BIT, TEMPORAL, JSON, BINARY, CHAR, VECTOR, TEXT;

    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint",
            "int1", "int2", "int3", "int4", "int8", "year");
    private static final Set<String> TEMPORALS = Set.of("date", "datetime", "timestamp", "time");
    private static final Set<String> BINARIES = Set.of("binary", "varbinary", "blob", "tinyblob", "mediumblob",
            "longblob");

    /**
     * The kind of a column from its type name as {@code information_schema} or JDBC metadata gives it
     * (first word, any case: {@code INT UNSIGNED}, {@code decimal}, {@code vecf32}).
     */
    public static ValueKind of(String typeName, String fullType) {
        String base = typeName.toLowerCase(Locale.ROOT).trim().split("[\\s(]")[0];
        String full = fullType == null ? base : fullType.toLowerCase(Locale.ROOT);
        if (base.equals("tinyint") && full.startsWith("tinyint(1)")) {
            return BOOLEAN;
        }
        if (INTEGERS.contains(base)) {
            return INTEGER;
        }
        if (TEMPORALS.contains(base)) {
            return TEMPORAL;
        }
        if (BINARIES.contains(base)) {
            return BINARY;
        }
        return switch (base) {
            case "decimal", "numeric", "dec" -> DECIMAL;
            case "float", "real" -> FLOAT;
            case "double" -> DOUBLE;
            case "bool", "boolean" -> BOOLEAN;
            case "bit" -> full.startsWith("bit(1)") || full.equals("bit") ? BOOLEAN : BIT;
            case "json" -> JSON;
            case "char" -> CHAR;
            default -> base.startsWith("vec") ? VECTOR : TEXT;
        };
    }

    /** The kind used when the two sides describe a column differently: the more specific wins. */
    public static ValueKind reconcile(ValueKind source, ValueKind target) {
        if (source == target) {
            return source;
        }
        for (ValueKind specific : new ValueKind[] {JSON, VECTOR, BOOLEAN, DECIMAL, DOUBLE, FLOAT, TEMPORAL}) {
            if (source == specific || target == specific) {
                return specific;
            }
        }
        return source;
    }

    /**
     * The expression a column of this kind is read with. FLOAT is widened to DOUBLE inside the server
     * ({@code + 0E0}, which MySQL 5.7 also takes): as text, MariaDB prints FLOAT with 6 significant
     * digits (23598.4) while MySQL 8 and MatrixOne print the shortest text that reads back (23598.36),
     * so equal values would compare unequal and differing ones could hide.
     */
    public String select(String column) {
        return this == FLOAT ? "(" + io.cdctest.sql.Sql.quote(column) + " + 0E0)" : io.cdctest.sql.Sql.quote(column);
    }

    /** Whether keys of this kind order numerically (else by their UTF-8 bytes). */
    public boolean numeric() {
        return this == INTEGER || this == DECIMAL || this == FLOAT || this == DOUBLE || this == BOOLEAN || this == BIT;
    }

    /** Whether values are read as bytes rather than text. */
    boolean readAsBytes() {
        return this == BINARY || this == BIT;
    }
}
