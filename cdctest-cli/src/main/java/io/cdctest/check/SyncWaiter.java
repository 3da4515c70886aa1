package io.cdctest.check;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits until every row of the given tables is equal on both sides, rechecking with growing
 * intervals (100 ms doubling up to the scenario's check_interval); passes as soon as all is equal,
 * fails fast when a pipeline component breaks, and on timeout returns the last differences.
 */
public final class SyncWaiter {
    private static final Duration FIRST_INTERVAL = Duration.ofMillis(100);

    private final TableComparator comparator;
    private final Duration maxInterval;
    private final Supplier<Optional<String>> pipelineFailure;
    private final Consumer<String> progress;

    /**
     * @param pipelineFailure names a component that stopped working, if any
     * @param progress        receives a line after every check that still differs
     */
    public SyncWaiter(TableComparator comparator, Duration maxInterval, Supplier<Optional<String>> pipelineFailure,
                      Consumer<String> progress) {
        this.comparator = comparator;
        this.maxInterval = maxInterval;
        this.pipelineFailure = pipelineFailure;
        this.progress = progress;
    }

    public SyncOutcome awaitEqual(TableComparator.Side source, TableComparator.Side target, List<String> tables,
                             Duration timeout) {
        long start = System.nanoTime();
        List<TableComparison> last = new ArrayList<>();
        Optional<String>[] broken = new Optional[] {Optional.empty()};
        int[] checks = {0};
        try {
            await().alias("validate_sync " + String.join(",", tables))
                    .atMost(timeout)
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval((count, previous) -> count <= 1 ? FIRST_INTERVAL
                            : min(previous.multipliedBy(2), maxInterval))
                    .until(() -> {
                        checks[0]++;
                        last.clear();
                        for (String table : tables) {
                            last.add(comparator.compare(source, target, table));
                        }
                        if (last.stream().allMatch(TableComparison::equal)) {
                            return true;
                        }
                        broken[0] = pipelineFailure.get();
                        if (broken[0].isPresent()) {
                            return true;
                        }
                        progress.accept(last.stream().filter(c -> !c.equal()).map(TableComparison::summary)
                                .reduce((a, b) -> a + "; " + b).orElse(""));
                        return false;
                    });
        } catch (ConditionTimeoutException e) {
            // the last comparison says what still differs
        }
        return new SyncOutcome(List.copyOf(last), broken[0], Duration.ofNanos(System.nanoTime() - start), checks[0]);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
