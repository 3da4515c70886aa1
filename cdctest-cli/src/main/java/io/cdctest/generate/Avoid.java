package io.cdctest.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Values the generator leaves out because a pipeline under test is known to lose them, named in a
 * scenario's {@code data.avoid}: each is a bug of that pipeline, shown on every run that steers
 * around it and documented with its reproduction, so a fixed release can be tested by dropping it.
 */
public enum Avoid {
    /**
     * MatrixOne 4.2 CDC writes BIT values into its sink's SQL as raw bytes without escaping: a byte
     * 0x27 (') or 0x5C (\) breaks the statement and the table stops (docs/matrixone.md, "bugs found").
     * Such a byte is replaced by its neighbour (0x26, 0x5D).
     */
    BIT_QUOTE_BYTES("bit_quote_bytes", "BIT values with a byte 0x27 or 0x5C (MatrixOne CDC writes BIT unescaped)"),
    /**
     * MatrixOne 4.2 CDC writes DOUBLE values into a MySQL sink's SQL in plain decimal notation
     * ({@code strconv 'f'}), which MySQL reads as a DECIMAL literal: beyond 65 digits or 30 decimal
     * places the value is clipped or rounded (1.7976931348623157e308 arrives as 1e65, 2.2e-308 as 0).
     * Such a value keeps its digits with its exponent moved into range (1.7976931348623157e30).
     */
    DOUBLE_BEYOND_DECIMAL("double_beyond_decimal", "DOUBLE values whose plain decimal text exceeds DECIMAL(65,30) "
            + "(MatrixOne CDC writes DOUBLE without an exponent; MySQL reads it as DECIMAL)");

    private final String id;
    private final String what;

    Avoid(String id, String what) {
        this.id = id;
        this.what = what;
    }

    public String id() {
        return id;
    }

    /** What is left out and why, for the console. */
    public String describe() {
        return what;
    }

    public static Optional<Avoid> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Avoid::id).toList());
    }

    /** The column's values without what this leaves out (the same column when it is unaffected). */
    ColumnDef apply(ColumnDef column) {
        if (this == BIT_QUOTE_BYTES && column.loadAs() == ColumnDef.LoadAs.BITS) {
            return column.withGen(column.gen().map(Avoid::withoutQuoteBytes));
        }
        if (this == DOUBLE_BEYOND_DECIMAL && column.type().toUpperCase(Locale.ROOT).startsWith("DOUBLE")) {
            return column.withGen(column.gen().map(Avoid::withinDecimal));
        }
        return column;
    }

    private static Object withinDecimal(Object value) {
        if (!(value instanceof Double d) || d == 0 || d.isNaN() || d.isInfinite()) {
            return value;
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(d));
        if (exact.precision() - exact.scale() <= 35 && exact.scale() <= 30) {
            return value;
        }
        int exponent = exact.precision() - exact.scale() - 1;
        int wanted = Math.max(-10, Math.min(30, exponent));
        return exact.scaleByPowerOfTen(wanted - exponent).doubleValue();
    }

    private static Object withoutQuoteBytes(Object value) {
        if (!(value instanceof Long bits)) {
            return value;
        }
        long out = 0;
        for (int shift = 56; shift >= 0; shift -= 8) {
            long b = (bits >>> shift) & 0xFF;
            out = (out << 8) | (b == 0x27 || b == 0x5C ? b ^ 0x01 : b);
        }
        return out;
    }
}
