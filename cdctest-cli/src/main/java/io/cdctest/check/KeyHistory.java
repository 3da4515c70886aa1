package io.cdctest.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every version of every key the source has had, as the harness saw it after each of its writes
 * (a hash of the row's canonical values per version). With it a differing target row is
 * explained: missing (never applied), stale (equals an older version), corrupt (matches no
 * version), resurrected (deleted on the source, still on the target), extra (never on the source).
 * Tables above {@link #MAX_ROWS} rows are not tracked; their differences keep their plain kind.
 */
public final class KeyHistory implements TableDiff.Classifier {
    static final long MAX_ROWS = 1_000_000;

    /** The versions of one key; {@code present} is false after the source deleted it. */
    private static final class Versions {
        final List<Long> hashes = new ArrayList<>(2);
        boolean present;
        /** Present at the table's first snapshot (before the testcases wrote anything). */
        boolean initial;
        /**
         * The changes seen, in order: {@code i} appeared, {@code u} changed, {@code d} deleted; in
         * capitals ({@code I} present at the first snapshot, {@code N} appeared, {@code U}, {@code D})
         * while the table had not yet been seen in sync, when a pipeline's snapshot may still absorb them.
         */
        final StringBuilder changes = new StringBuilder(2);
    }

    /** A kind of change the source made to a key since the first snapshot. */
    public enum Change { INSERTED, UPDATED, DELETED }

    private final Map<String, Map<String, Versions>> tables = new ConcurrentHashMap<>();
    private final Map<String, Boolean> untracked = new ConcurrentHashMap<>();
    private final java.util.Set<String> synced = ConcurrentHashMap.newKeySet();

    /** The table was seen equal on both sides: the pipeline's initial snapshot is done, later changes are its own events. */
    public void markSynced(ComparisonPlan plan) {
        synced.add(plan.name());
    }

    /** A key the source changed since the last snapshot: its canonical row now, or null when deleted. */
    public record Changed(String[] key, String[] row) {
    }

    /**
     * Reads the table's current rows on the source and records every key that changed since the
     * last snapshot; returns those changes (none at the table's first snapshot).
     */
    public List<Changed> snapshot(TableDiff.Side source, ComparisonPlan plan) {
        List<Changed> changed = new ArrayList<>();
        if (!plan.comparable() || untracked.containsKey(plan.name())) {
            return changed;
        }
        boolean first = !tables.containsKey(plan.name());
        Map<String, Versions> keys = tables.computeIfAbsent(plan.name(), t -> new HashMap<>());
        Map<String, Boolean> seen = new HashMap<>();
        try (RowStream rows = new RowStream(source.connection(), source.engine(), plan.source(), plan.sourceColumns(),
                plan.kindArray(), plan.keyCount(), KeyRange.ALL)) {
            for (RowStream.Row row = rows.next(); row != null; row = rows.next()) {
                if (rows.count() > MAX_ROWS) {
                    untracked.put(plan.name(), true);
                    tables.remove(plan.name());
                    return List.of();
                }
                String key = key(row.key(), plan.keyCount());
                String[] canonical = row.canonical(plan.kindArray());
                long hash = RowHasher.hash(canonical);
                Versions versions = keys.computeIfAbsent(key, k -> {
                    Versions v = new Versions();
                    v.initial = first;
                    return v;
                });
                if (!versions.present || versions.hashes.get(versions.hashes.size() - 1) != hash) {
                    versions.changes.append(first ? 'I' : change(plan, versions.present ? 'u' : 'i'));
                    versions.hashes.add(hash);
                    if (!first) {
                        changed.add(new Changed(java.util.Arrays.copyOf(canonical, plan.keyCount()), canonical));
                    }
                }
                versions.present = true;
                seen.put(key, true);
            }
        }
        keys.forEach((key, versions) -> {
            if (!seen.containsKey(key) && versions.present) {
                versions.present = false;
                versions.changes.append(change(plan, 'd'));
                changed.add(new Changed(values(key, plan.keyCount()).toArray(String[]::new), null));
            }
        });
        return changed;
    }

    private char change(ComparisonPlan plan, char change) {
        return synced.contains(plan.name()) ? change : change == 'i' ? 'N' : Character.toUpperCase(change);
    }

    /**
     * Every key's changes as the harness saw them, in order: {@code i} (appeared), {@code u}
     * (another version), {@code d} (deleted); in capitals before the table was first seen in sync
     * ({@code I}: present at the first snapshot, {@code N}: appeared). Changes between two snapshots
     * of the same key fold into one. Empty when the table is not tracked.
     *
     * @return canonical key values to changes
     */
    public Map<List<String>, String> changes(ComparisonPlan plan) {
        Map<String, Versions> keys = tables.get(plan.name());
        Map<List<String>, String> out = new HashMap<>();
        if (keys != null) {
            keys.forEach((key, v) -> out.put(values(key, plan.keyCount()), v.changes.toString()));
        }
        return out;
    }

    private static List<String> values(String key, int keyCount) {
        List<String> values = new ArrayList<>();
        for (String part : key.split("\u0001", -1)) {
            values.add(part.equals("\u0000") ? null : part);
        }
        return values.subList(0, keyCount);
    }

    /**
     * The keys the source changed in this way since the table's first snapshot (inserted: present
     * now and not then; updated: present then and now, with another version; deleted: gone now), or
     * empty when the table is not tracked.
     */
    public List<RowKey> keys(ComparisonPlan plan, Change change) {
        Map<String, Versions> keys = tables.get(plan.name());
        List<RowKey> found = new ArrayList<>();
        if (keys == null) {
            return found;
        }
        keys.forEach((key, v) -> {
            boolean match = switch (change) {
                case INSERTED -> v.present && !v.initial;
                case UPDATED -> v.present && v.initial && v.hashes.size() > 1;
                case DELETED -> !v.present && !v.hashes.isEmpty();
            };
            if (match) {
                found.add(new RowKey(plan.keyColumns(), values(key, plan.keyCount())));
            }
        });
        return found;
    }

    /** Whether the table's keys are tracked (it was snapshotted and is not above {@link #MAX_ROWS} rows). */
    public boolean tracks(ComparisonPlan plan) {
        return tables.containsKey(plan.name());
    }

    @Override
    public RowDifference classify(String table, RowDifference difference) {
        Map<String, Versions> keys = tables.get(table);
        if (keys == null) {
            return difference;
        }
        Versions versions = keys.get(key(difference.key().values().toArray(String[]::new), difference.key().values().size()));
        if (difference instanceof RowDifference.MissingInTarget) {
            return difference.withCause("missing");
        }
        if (difference instanceof RowDifference.ExtraInTarget) {
            return difference.withCause(versions != null && !versions.hashes.isEmpty() ? "resurrected" : "extra");
        }
        if (difference instanceof RowDifference.Different d) {
            boolean older = versions != null && versions.hashes.subList(0, Math.max(0, versions.hashes.size() - 1))
                    .contains(d.targetHash());
            return difference.withCause(older ? "stale" : "corrupt");
        }
        return difference;
    }

    private static String key(String[] values, int keyCount) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keyCount; i++) {
            out.append(values[i] == null ? "\u0000" : values[i]).append('\u0001');
        }
        return out.toString();
    }
}
