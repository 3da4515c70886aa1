package io.cdctest.check;

import static io.cdctest.check.Comparisons.differing;
import static io.cdctest.check.Comparisons.equal;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.spec.Cause;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The convergence wait, with comparisons scripted in memory (what a {@link TableDiff} would find at
 * each look): when it stops, what it compares again, and what it reports.
 */
class SyncWaiterTest {
    private static final Duration SHORT = Duration.ofMillis(400);

    private final ComparisonPlan a = Comparisons.plan("a");
    private final ComparisonPlan b = Comparisons.plan("b");
    private final Script script = new Script();
    private final List<String> progress = new ArrayList<>();

    /** Each table's results in turn (the last repeats); every look is recorded as "compare a" or "recheck a". */
    private static final class Script implements SyncWaiter.Comparer {
        final Map<String, Deque<TableComparison>> results = new HashMap<>();
        final List<String> looks = new ArrayList<>();

        Script then(ComparisonPlan plan, TableComparison... next) {
            results.computeIfAbsent(plan.name(), t -> new ArrayDeque<>()).addAll(List.of(next));
            return this;
        }

        private TableComparison next(String table) {
            Deque<TableComparison> queue = results.get(table);
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }

        @Override
        public TableComparison compare(TableDiff.Database source, TableDiff.Database target, ComparisonPlan plan) {
            looks.add("compare " + plan.name());
            return next(plan.name());
        }

        @Override
        public TableComparison recheck(TableDiff.Database source, TableDiff.Database target, TableComparison previous) {
            looks.add("recheck " + previous.table());
            return next(previous.table());
        }
    }

    private SyncWaiter waiter(Optional<String> failure, Optional<String> behind) {
        return new SyncWaiter(script, Duration.ofMillis(100), () -> failure, () -> behind, progress::add);
    }

    @Test
    void equalAtTheFirstLookEndsTheWaitAtOnce() {
        script.then(a, equal(a, 10));

        SyncOutcome outcome = waiter(Optional.empty(), Optional.empty()).awaitEqual(null, null, List.of(a), SHORT);

        assertThat(outcome.equal()).isTrue();
        assertThat(outcome.checks()).isEqualTo(1);
        assertThat(script.looks).containsExactly("compare a");
        assertThat(progress).isEmpty();
    }

    @Test
    void laterLooksRecheckOnlyWhatDifferedAndATableEqualEarlierIsConfirmedOnceMore() {
        RowDifference lost = Comparisons.missing(b, "5", null);
        script.then(a, equal(a, 10)).then(b, differing(b, 10, 9, lost), differing(b, 10, 9, lost), equal(b, 10));

        SyncOutcome outcome = waiter(Optional.empty(), Optional.empty()).awaitEqual(null, null, List.of(a, b),
                Duration.ofSeconds(10));

        assertThat(outcome.equal()).isTrue();
        assertThat(outcome.checks()).isEqualTo(3);
        assertThat(script.looks).containsExactly("compare a", "compare b", "recheck b", "recheck b", "compare a");
        assertThat(progress).containsExactly("b: at least 9 of 10 rows match (1 difference, target 9 rows)",
                "b: at least 9 of 10 rows match (1 difference, target 9 rows)");
    }

    @Test
    void onTimeoutTheTablesThatStillDifferAreComparedFullyOnceMoreForTheReport() {
        RowDifference lost = Comparisons.missing(a, "5", null);
        TableComparison last = differing(a, 10, 9, lost, Comparisons.missing(a, "6", null));
        script.then(a, differing(a, 10, 9, lost), last);

        SyncOutcome outcome = waiter(Optional.empty(), Optional.empty()).awaitEqual(null, null, List.of(a), SHORT);

        assertThat(outcome.equal()).isFalse();
        assertThat(outcome.broken()).isEmpty();
        assertThat(outcome.comparisons()).containsExactly(last);
        assertThat(script.looks).hasSizeGreaterThanOrEqualTo(2).startsWith("compare a").endsWith("compare a");
        assertThat(script.looks.subList(1, script.looks.size() - 1)).allMatch("recheck a"::equals);
        assertThat(outcome.waited()).isGreaterThanOrEqualTo(SHORT);
    }

    @Test
    void aBrokenPipelineEndsTheWaitBeforeAnyComparison() {
        script.then(a, equal(a, 10));

        SyncOutcome outcome = waiter(Optional.of("the producer died"), Optional.empty()).awaitEqual(null, null, List.of(a),
                Duration.ofSeconds(10));

        assertThat(outcome.broken()).hasValue("the producer died");
        assertThat(outcome.equal()).isFalse();
        assertThat(outcome.comparisons()).isEmpty();
        assertThat(script.looks).isEmpty();
    }

    @Test
    void dataIsComparedOnlyOnceThePipelineHasCaughtUp() {
        script.then(a, equal(a, 10));

        SyncOutcome outcome = waiter(Optional.empty(), Optional.of("2 s behind")).awaitEqual(null, null, List.of(a), SHORT);

        assertThat(outcome.behind()).hasValue("2 s behind");
        assertThat(outcome.equal()).as("equal rows, but the pipeline had not caught up").isFalse();
        assertThat(outcome.checks()).isZero();
        assertThat(progress).isNotEmpty().allMatch(p -> p.equals("pipeline not caught up: 2 s behind"));
        assertThat(script.looks).as("compared once, for the report").containsExactly("compare a");
    }

    @Test
    void differencesTheFiltersExplainSettleTheTable() {
        TableComparison kept = differing(a, 9, 10, Comparisons.extra(a, "3", Cause.RESURRECTED));
        script.then(a, kept);

        SyncOutcome outcome = waiter(Optional.empty(), Optional.empty()).awaitEqual(null, null, List.of(a),
                Duration.ofSeconds(10), plan -> Set.of(Cause.RESURRECTED));

        assertThat(outcome.comparisons()).containsExactly(kept);
        assertThat(outcome.checks()).isEqualTo(1);
        assertThat(script.looks).containsExactly("compare a");
        assertThat(outcome.equal()).as("settled is not equal: the verdict reads the filters").isFalse();
    }
}
