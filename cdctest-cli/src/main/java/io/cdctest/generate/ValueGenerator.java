package io.cdctest.generate;

import java.util.SplittableRandom;

/**
 * Makes the value of one column for one row. Values are plain JDBC parameters: numbers, strings
 * (temporal values as text, so no time-zone conversion can touch them), byte arrays or null.
 */
@FunctionalInterface
public interface ValueGenerator {
    Object next(SplittableRandom random, long row);
}
