package io.cdctest.check;

import static io.cdctest.check.Comparisons.differing;
import static io.cdctest.check.Comparisons.row;
import static io.cdctest.check.Comparisons.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.spec.Cause;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What declared filters make the target differ by, and the filtered changes that reach it anyway. */
class FilterEffectsTest {
    private final ComparisonPlan plan = Comparisons.plan("t");
    private final KeyHistory history = new KeyHistory();

    @Test
    void noFilterExplainsNoDifference() {
        assertThat(FilterEffects.NONE.none()).isTrue();
        assertThat(FilterEffects.NONE.causes()).isEmpty();
        assertThat(differing(plan, 2, 1, Comparisons.missing(plan, "1", Cause.MISSING)).explainedBy(FilterEffects.NONE.causes()))
                .isFalse();
        assertThat(FilterEffects.NONE.violation(differing(plan, 2, 1), history)).isEmpty();
    }

    @Test
    void eachFilteredKindOfChangeLeavesItsOwnDifference() {
        assertThat(new FilterEffects(false, false, true, true).causes()).containsExactly(Cause.MISSING);
        assertThat(new FilterEffects(false, true, false, true).causes()).containsExactly(Cause.STALE);
        assertThat(new FilterEffects(false, true, true, false).causes()).containsExactly(Cause.RESURRECTED);
        assertThat(new FilterEffects(false, false, false, false).causes())
                .containsExactlyInAnyOrder(Cause.MISSING, Cause.STALE, Cause.RESURRECTED);
        assertThat(new FilterEffects(true, true, true, true).causes()).as("excluded: nothing arrives").containsExactly(Cause.MISSING);
        assertThat(new FilterEffects(false, true, true, true).none()).isTrue();
    }

    @Test
    void anExcludedTableMustStayEmptyOnTheTarget() {
        FilterEffects excluded = new FilterEffects(true, true, true, true);

        assertThat(excluded.violation(differing(plan, 3, 0), history)).isEmpty();
        assertThat(excluded.violation(differing(plan, 3, 2), history))
                .hasValue("t: 2 rows on the target although the table is excluded");
    }

    @Test
    void aFilteredDeleteThatReachedTheTargetIsALeak() {
        FilterEffects noDeletes = new FilterEffects(false, true, true, false);
        snapshot(history, plan, row("1", "a"), row("2", "b"), row("3", "c"));
        snapshot(history, plan, row("1", "a"));

        TableComparison bothKept = differing(plan, 1, 3, Comparisons.extra(plan, "2", Cause.RESURRECTED),
                Comparisons.extra(plan, "3", Cause.RESURRECTED));
        assertThat(bothKept.explainedBy(noDeletes.causes())).isTrue();
        assertThat(noDeletes.violation(bothKept, history)).isEmpty();

        TableComparison oneApplied = differing(plan, 1, 2, Comparisons.extra(plan, "2", Cause.RESURRECTED));
        assertThat(noDeletes.violation(oneApplied, history))
                .hasValue("t: 1 filtered change(s) reached the target: the delete of id=3");
    }

    @Test
    void filteredInsertsAndUpdatesLeakTheSameWayAndAreCountedBeyondTen() {
        FilterEffects nothingNew = new FilterEffects(false, false, false, true);
        List<String[]> before = new ArrayList<>();
        List<String[]> after = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            before.add(row(String.valueOf(i), "old"));
            after.add(row(String.valueOf(i), "new"));
        }
        after.add(row("100", "inserted"));
        snapshot(history, plan, before.toArray(String[][]::new));
        snapshot(history, plan, after.toArray(String[][]::new));

        String leak = nothingNew.violation(differing(plan, 13, 12), history).orElseThrow();

        assertThat(leak).startsWith("t: 13 filtered change(s) reached the target: ").contains("the insert of id=100")
                .contains("the update of id=").endsWith("; ... and 3 more");
    }

    @Test
    void onlyDifferencesEveryOneOfWhichTheFiltersExplainAreSettled() {
        FilterEffects noUpdates = new FilterEffects(false, true, false, true);
        RowDifference corrupt = new RowDifference.Different(Comparisons.key(plan, "1"),
                List.of(new ColumnDifference("name", "a", "z")), row("1", "a"), 0, Cause.CORRUPT);

        assertThat(differing(plan, 1, 1, corrupt).explainedBy(noUpdates.causes())).isFalse();
        assertThat(differing(plan, 1, 1, corrupt.withCause(Cause.STALE)).explainedBy(noUpdates.causes())).isTrue();
        assertThat(Comparisons.equal(plan, 5).explainedBy(noUpdates.causes())).isTrue();
    }
}
