package io.cdctest.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How one column's values are made: the type's edge values, mixed with typical values, and NULL
 * where the column is nullable. Values are plain JDBC parameters: Long, BigDecimal, Float, Double,
 * String (temporal values as text, so no time-zone rule can touch them), byte[] or null.
 *
 * @param edges     the edge values of the type, every one of which appears in a large enough load
 * @param typical   a typical value for a row
 * @param nullable  whether NULL is one of the values
 */
public record ColumnGen(List<Object> edges, Typical typical, boolean nullable) {
    /** Share of rows that get an edge value, and share that get NULL (nullable columns only). */
    static final double EDGE_SHARE = 0.2;
    static final double NULL_SHARE = 0.1;

    /** A typical value; {@code row} is the row number, for values that must be unique. */
    @FunctionalInterface
    public interface Typical {
        Object next(SplittableRandom random, long row);
    }

    public ColumnGen {
        edges = Collections.unmodifiableList(new ArrayList<>(edges));
    }

    public Object next(SplittableRandom random, long row) {
        double dice = random.nextDouble();
        if (nullable && dice < NULL_SHARE) {
            return null;
        }
        if (!edges.isEmpty() && dice < NULL_SHARE + EDGE_SHARE) {
            return edges.get(random.nextInt(edges.size()));
        }
        return typical.next(random, row);
    }

    /** The same values passed through {@code f} (NULL stays NULL). */
    public ColumnGen map(java.util.function.UnaryOperator<Object> f) {
        Typical base = typical;
        return new ColumnGen(edges.stream().map(f).toList(), (r, row) -> {
            Object v = base.next(r, row);
            return v == null ? null : f.apply(v);
        }, nullable);
    }

    /** The same values, NULL among them. */
    public ColumnGen orNull() {
        return new ColumnGen(edges, typical, true);
    }

    /** Only typical values: for columns whose values must stay unique or valid for a partition. */
    public static ColumnGen of(Typical typical) {
        return new ColumnGen(List.of(), typical, false);
    }
}
