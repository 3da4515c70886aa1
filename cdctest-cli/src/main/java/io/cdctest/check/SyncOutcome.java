package io.cdctest.check;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a wait for convergence ended.
 *
 * @param comparisons the last comparison of every table
 * @param broken      a pipeline component that stopped working during the wait, if any
 * @param behind      why the pipeline had not caught up when the wait ended, if it had not
 * @param checks      how many times the tables were compared
 */
public record SyncOutcome(List<TableComparison> comparisons, Optional<String> broken, Optional<String> behind,
                          Duration waited, int checks) {

    public boolean equal() {
        return broken.isEmpty() && behind.isEmpty() && comparisons.stream().allMatch(TableComparison::equal);
    }
}
