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
    }

    /** A kind of change the source made to a key since the first snapshot. */
    public enum Change { INSERTED, UPDATED, DELETED }

    private final Map<String, Map<String, Versions>> tables = new ConcurrentHashMap<>();
    private final Map<String, Boolean> untracked = new ConcurrentHashMap<>();

    /** Reads the table's current rows on the source and records every key that changed since the last snapshot. */
    public void snapshot(TableDiff.Side source, ComparisonPlan plan) {
        if (!plan.comparable() || untracked.containsKey(plan.name())) {
            return;
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
                    return;
                }
                String key = key(row.key(), plan.keyCount());
                long hash = RowHasher.hash(row.canonical(plan.kindArray()));
                Versions versions = keys.computeIfAbsent(key, k -> {
                    Versions v = new Versions();
                    v.initial = first;
                    return v;
                });
                if (!versions.present || versions.hashes.get(versions.hashes.size() - 1) != hash) {
                    versions.hashes.add(hash);
                }
                versions.present = true;
                seen.put(key, true);
            }
        }
        keys.forEach((key, versions) -> {
            if (!seen.containsKey(key)) {
                versions.present = false;
            }
        });
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
                List<String> values = new ArrayList<>();
                for (String part : key.split("\u0001", -1)) {
                    values.add(part.equals("\u0000") ? null : part);
                }
                found.add(new RowKey(plan.keyColumns(), values.subList(0, plan.keyCount())));
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
