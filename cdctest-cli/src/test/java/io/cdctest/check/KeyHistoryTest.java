package io.cdctest.check;

import static io.cdctest.check.Comparisons.key;
import static io.cdctest.check.Comparisons.row;
import static io.cdctest.check.Comparisons.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.check.KeyHistory.Change;
import io.cdctest.check.KeyHistory.Kind;
import io.cdctest.spec.Cause;
import io.cdctest.spec.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key history from snapshots of the source's rows given in memory: changes, keys by kind, explanations. */
class KeyHistoryTest {
    private final ComparisonPlan plan = Comparisons.plan("t");
    private final KeyHistory history = new KeyHistory();

    @Test
    void theFirstSnapshotIsTheStartAndLaterOnesReturnWhatChanged() {
        assertThat(snapshot(history, plan, row("1", "a"), row("2", "b"))).isEmpty();
        assertThat(history.tracks(plan)).isTrue();

        List<KeyHistory.Changed> changed = snapshot(history, plan, row("1", "a2"), row("3", "c"));

        assertThat(changed).extracting(c -> c.key().toString() + " " + (c.row() == null ? "deleted" : c.row()[1]))
                .containsExactlyInAnyOrder("id=1 a2", "id=3 c", "id=2 deleted");
        assertThat(snapshot(history, plan, row("1", "a2"), row("3", "c"))).as("nothing changed").isEmpty();
    }

    @Test
    void changesBeforeTheFirstSyncAreMarkedSoASnapshotMayAbsorbThem() {
        snapshot(history, plan, row("1", "a"), row("2", "b"));
        snapshot(history, plan, row("1", "a2"), row("4", "d"));
        history.markSynced(plan);
        snapshot(history, plan, row("1", "a3"), row("4", "d"), row("5", "e"));
        snapshot(history, plan, row("4", "d"), row("5", "e"), row("2", "b again"));

        assertThat(history.changes(plan)).containsOnlyKeys(key(plan, "1"), key(plan, "2"), key(plan, "4"), key(plan, "5"))
                .containsEntry(key(plan, "1"), List.of(Change.INITIAL, Change.UPDATED_BEFORE_SYNC, Change.UPDATED,
                        Change.DELETED))
                .containsEntry(key(plan, "2"), List.of(Change.INITIAL, Change.DELETED_BEFORE_SYNC, Change.INSERTED))
                .containsEntry(key(plan, "4"), List.of(Change.INSERTED_BEFORE_SYNC))
                .containsEntry(key(plan, "5"), List.of(Change.INSERTED));
        assertThat(Change.INITIAL.beforeSync()).isTrue();
        assertThat(Change.UPDATED.kind()).isEqualTo(Kind.UPDATE);
    }

    @Test
    void keysAreFoundByWhatTheSourceDidToThemSinceTheFirstSnapshot() {
        snapshot(history, plan, row("1", "a"), row("2", "b"), row("3", "c"));
        snapshot(history, plan, row("1", "a2"), row("3", "c"), row("4", "d"));

        assertThat(history.keys(plan, Kind.INSERT)).containsExactly(key(plan, "4"));
        assertThat(history.keys(plan, Kind.UPDATE)).containsExactly(key(plan, "1"));
        assertThat(history.keys(plan, Kind.DELETE)).containsExactly(key(plan, "2"));
        assertThat(history.keys(Comparisons.plan("other"), Kind.INSERT)).as("a table never snapshotted").isEmpty();
    }

    @Test
    void aDifferenceIsExplainedByTheKeysVersions() {
        snapshot(history, plan, row("1", "v1"), row("2", "b"), row("3", "c"));
        snapshot(history, plan, row("1", "v2"), row("3", "c"));

        assertThat(classify(Comparisons.missing(plan, "3", null))).isEqualTo(Cause.MISSING);
        assertThat(classify(Comparisons.extra(plan, "2", null))).as("deleted on the source").isEqualTo(Cause.RESURRECTED);
        assertThat(classify(Comparisons.extra(plan, "9", null))).as("never on the source").isEqualTo(Cause.EXTRA);
        assertThat(classify(different("1", row("1", "v1")))).as("the version before").isEqualTo(Cause.STALE);
        assertThat(classify(different("1", row("1", "never")))).isEqualTo(Cause.CORRUPT);
        assertThat(classify(different("1", row("1", "v2")))).as("the current version is not an older one")
                .isEqualTo(Cause.CORRUPT);
        RowDifference duplicate = new RowDifference.Duplicate(key(plan, "3"), Side.TARGET);
        assertThat(history.classify(plan.name(), duplicate)).isSameAs(duplicate);
        assertThat(duplicate.toString()).isEqualTo("duplicate key in target: id=3");
    }

    @Test
    void aTableWithoutHistoryKeepsThePlainKind() {
        RowDifference d = history.classify("untracked", Comparisons.missing(plan, "1", null));

        assertThat(d.cause()).isNull();
        assertThat(d.explanation()).isEqualTo(Cause.MISSING);
        assertThat(d.toString()).isEqualTo("missing in target: id=1");
    }

    @Test
    void theCauseIsShownOnlyWhereItSaysMoreThanTheKind() {
        snapshot(history, plan, row("1", "v1"));
        snapshot(history, plan, row("1", "v2"));

        assertThat(history.classify(plan.name(), different("1", row("1", "v1"))).toString())
                .isEqualTo("different: id=1 [stale]: name: source 'v2', target 'v1'");
        assertThat(history.classify(plan.name(), Comparisons.missing(plan, "1", null)).toString())
                .isEqualTo("missing in target: id=1");
    }

    private Cause classify(RowDifference difference) {
        return history.classify(plan.name(), difference).cause();
    }

    private RowDifference different(String id, String[] targetRow) {
        return new RowDifference.Different(key(plan, id), List.of(new ColumnDifference("name", "v2", targetRow[1])),
                row(id, "v2"), Comparisons.hash(targetRow), null);
    }
}
