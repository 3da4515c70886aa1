package io.cdctest.check;

import java.util.Arrays;

/**
 * A range of primary keys: above {@code after} (exclusive) up to {@code upTo} (inclusive); null
 * bounds are open. Values are canonical key texts.
 */
public record KeyRange(String[] after, String[] upTo) {
    public static final KeyRange ALL = new KeyRange(null, null);

    @Override
    public String toString() {
        return "(" + (after == null ? "-inf" : Arrays.toString(after)) + ", "
                + (upTo == null ? "+inf" : Arrays.toString(upTo)) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRange k && Arrays.equals(after, k.after) && Arrays.equals(upTo, k.upTo);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(after) + Arrays.hashCode(upTo);
    }
}
