package io.cdctest.check;

import io.cdctest.spec.Cause;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a pipeline's declared filters do to one table: the table is excluded, or some kinds of
 * change are not replicated. The target then must differ from the source in exactly these ways,
 * and no other: a row deleted on the source stays on the target when deletes are filtered, and if
 * it is gone from the target the filter leaked.
 *
 * @param excluded no change of the table reaches the target (it stays as created: empty)
 */
public record FilterEffects(boolean excluded, boolean inserts, boolean updates, boolean deletes) {
    /** No filter: the target must equal the source. */
    public static final FilterEffects NONE = new FilterEffects(false, true, true, true);

    public boolean none() {
        return !excluded && inserts && updates && deletes;
    }

    /** The causes of the differences the filters make (see {@link KeyHistory}). */
    public Set<Cause> causes() {
        Set<Cause> causes = EnumSet.noneOf(Cause.class);
        if (excluded || !inserts) {
            causes.add(Cause.MISSING);
        }
        if (!excluded && !updates) {
            causes.add(Cause.STALE);
        }
        if (!excluded && !deletes) {
            causes.add(Cause.RESURRECTED);
        }
        return causes;
    }

    /**
     * Why the compared table does not show exactly the filters' differences: rows of an excluded
     * table on the target, or a filtered change of a key (known from the key history) that reached it.
     */
    public Optional<String> violation(TableComparison comparison, KeyHistory history) {
        if (none()) {
            return Optional.empty();
        }
        if (excluded) {
            return comparison.targetRows() == 0 ? Optional.empty() : Optional.of(comparison.table() + ": "
                    + comparison.targetRows() + " rows on the target although the table is excluded");
        }
        Set<RowKey> differing = new HashSet<>();
        comparison.samples().forEach(d -> differing.add(d.key()));
        List<String> leaked = new ArrayList<>();
        leaked(comparison, history, !inserts, KeyHistory.Kind.INSERT, differing, leaked);
        leaked(comparison, history, !updates, KeyHistory.Kind.UPDATE, differing, leaked);
        leaked(comparison, history, !deletes, KeyHistory.Kind.DELETE, differing, leaked);
        if (leaked.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(comparison.table() + ": " + leaked.size() + " filtered change(s) reached the target: "
                + String.join("; ", leaked.subList(0, Math.min(10, leaked.size())))
                + (leaked.size() > 10 ? "; ... and " + (leaked.size() - 10) + " more" : ""));
    }

    private static void leaked(TableComparison comparison, KeyHistory history, boolean filtered, KeyHistory.Kind kind,
                               Set<RowKey> differing, List<String> out) {
        if (!filtered) {
            return;
        }
        for (RowKey key : history.keys(comparison.plan(), kind)) {
            if (!differing.contains(key)) {
                out.add("the " + kind.name().toLowerCase(Locale.ROOT) + " of " + key);
            }
        }
    }
}
