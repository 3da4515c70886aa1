package io.cdctest.check;

import static org.awaitility.Awaitility.await;

import io.cdctest.spec.Cause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits until every row of the given tables is equal on both sides (or differs only where the
 * pipeline's declared filters say it must, see {@link TableComparison#explainedBy}). The first check compares
 * everything; later checks look again only at what still differed (key ranges), with growing
 * intervals (100 ms doubling up to the scenario's check_interval). It passes as soon as all is
 * equal (tables that were equal earlier are confirmed once more), fails fast when a pipeline
 * component breaks, and on timeout compares the differing tables fully once more for the report.
 */
public final class SyncWaiter {
    private static final Duration FIRST_INTERVAL = Duration.ofMillis(100);

    /** Compares a table on both sides ({@link TableDiff}), fully or only where it differed last time. */
    public interface Comparer {
        TableComparison compare(TableDiff.Database source, TableDiff.Database target, ComparisonPlan plan);

        TableComparison recheck(TableDiff.Database source, TableDiff.Database target, TableComparison previous);
    }

    private final Comparer diff;
    private final Duration maxInterval;
    private final Supplier<Optional<String>> pipelineFailure;
    private final Supplier<Optional<String>> pipelineBehind;
    private final Consumer<String> progress;
    private final java.util.function.UnaryOperator<ComparisonPlan> replan;

    /**
     * @param pipelineFailure names a component that stopped working, if any
     * @param pipelineBehind  says why the pipeline has not caught up yet (data is compared only once it has)
     * @param progress        receives a line after every check that still differs
     */
    public SyncWaiter(Comparer diff, Duration maxInterval, Supplier<Optional<String>> pipelineFailure,
                      Supplier<Optional<String>> pipelineBehind, Consumer<String> progress) {
        this(diff, maxInterval, pipelineFailure, pipelineBehind, progress, java.util.function.UnaryOperator.identity());
    }

    /**
     * @param replan builds a plan again from both sides' current definitions: a table the pipeline
     *               creates, or a column it adds (replicated DDL), is then seen while waiting
     */
    public SyncWaiter(Comparer diff, Duration maxInterval, Supplier<Optional<String>> pipelineFailure,
                      Supplier<Optional<String>> pipelineBehind, Consumer<String> progress,
                      java.util.function.UnaryOperator<ComparisonPlan> replan) {
        this.diff = diff;
        this.maxInterval = maxInterval;
        this.pipelineFailure = pipelineFailure;
        this.pipelineBehind = pipelineBehind;
        this.progress = progress;
        this.replan = replan;
    }

    public SyncOutcome awaitEqual(TableDiff.Database source, TableDiff.Database target, List<ComparisonPlan> plans,
                                  Duration timeout) {
        return awaitEqual(source, target, plans, timeout, plan -> java.util.Set.of());
    }

    /** @param filtered per table, the causes of differences the pipeline's filters produce on purpose */
    public SyncOutcome awaitEqual(TableDiff.Database source, TableDiff.Database target, List<ComparisonPlan> plans,
                                  Duration timeout, java.util.function.Function<ComparisonPlan, java.util.Set<Cause>> filtered) {
        java.util.function.Predicate<TableComparison> settled = c -> c.explainedBy(filtered.apply(c.plan()));
        long start = System.nanoTime();
        Map<ComparisonPlan, TableComparison> last = new LinkedHashMap<>();
        List<ComparisonPlan> equalEarlier = new ArrayList<>();
        Optional<String>[] broken = new Optional[] {Optional.empty()};
        Optional<String>[] behind = new Optional[] {Optional.empty()};
        int[] checks = {0};
        boolean converged = false;
        try {
            await().alias("validate_sync " + plans.stream().map(ComparisonPlan::name).toList())
                    .atMost(timeout)
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval((count, previous) -> count <= 1 ? FIRST_INTERVAL : min(previous.multipliedBy(2), maxInterval))
                    .until(() -> {
                        broken[0] = pipelineFailure.get();
                        if (broken[0].isPresent()) {
                            return true;
                        }
                        behind[0] = pipelineBehind.get();
                        if (behind[0].isPresent()) {
                            progress.accept("pipeline not caught up: " + behind[0].get());
                            return false;
                        }
                        checks[0]++;
                        for (ComparisonPlan plan : plans) {
                            TableComparison before = last.get(plan);
                            if (before != null && settled.test(before)) {
                                if (!equalEarlier.contains(plan)) {
                                    equalEarlier.add(plan);
                                }
                                continue;
                            }
                            if (before != null && !before.plan().comparable()) {
                                last.put(plan, diff.compare(source, target, replan.apply(before.plan())));
                            } else {
                                last.put(plan, before == null ? diff.compare(source, target, plan)
                                        : diff.recheck(source, target, before));
                            }
                        }
                        if (last.values().stream().allMatch(settled)) {
                            return true;
                        }
                        broken[0] = pipelineFailure.get();
                        if (broken[0].isPresent()) {
                            return true;
                        }
                        progress.accept(last.values().stream().filter(settled.negate()).map(SyncWaiter::matched)
                                .reduce((a, b) -> a + "; " + b).orElse(""));
                        return false;
                    });
            converged = broken[0].isEmpty();
        } catch (ConditionTimeoutException e) {
            // below: the differing tables are compared once more, fully, for the report
        }
        for (ComparisonPlan plan : plans) {
            boolean confirm = converged ? equalEarlier.contains(plan) : !last.containsKey(plan) || !settled.test(last.get(plan));

            if (confirm && broken[0].isEmpty()) {
                ComparisonPlan current = last.containsKey(plan) ? last.get(plan).plan() : plan;
                last.put(plan, diff.compare(source, target, current.comparable() ? current : replan.apply(current)));
            }
        }
        return new SyncOutcome(List.copyOf(last.values()), broken[0], behind[0], Duration.ofNanos(System.nanoTime() - start),
                checks[0]);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** "cdc_test_base: at least 990 of 1000 rows match (10 differences, target 995 rows)", for progress lines. */
    private static String matched(TableComparison c) {
        if (!c.schemaProblems().isEmpty() || c.sourceRows() < 0) {
            return c.summary();
        }
        long matching = Math.max(0, c.sourceRows() - c.differences()); // a difference spoils at most one source row
        return String.format(java.util.Locale.ROOT, "%s: %s%d of %d rows match (%d difference%s, target %d rows)", c.table(),
                c.differences() == 0 ? "" : "at least ", matching, c.sourceRows(), c.differences(),
                c.differences() == 1 ? "" : "s", c.targetRows());
    }
}
