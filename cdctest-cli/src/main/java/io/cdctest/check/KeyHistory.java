package io.cdctest.check;

import io.cdctest.spec.Cause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** What a change did to a row. */
    public enum Kind { INSERT, UPDATE, DELETE }

    /**
     * One change the harness saw the source make to a key. Those made before the table was first
     * seen in sync ({@link #beforeSync()}) may be absorbed by a pipeline's initial snapshot; a key
     * present at the table's first snapshot starts with {@link #INITIAL}.
     */
    public enum Change {
        /** Present at the table's first snapshot (before the testcases wrote anything). */
        INITIAL,
        INSERTED_BEFORE_SYNC, UPDATED_BEFORE_SYNC, DELETED_BEFORE_SYNC,
        INSERTED, UPDATED, DELETED;

        public Kind kind() {
            return switch (this) {
                case INITIAL, INSERTED_BEFORE_SYNC, INSERTED -> Kind.INSERT;
                case UPDATED_BEFORE_SYNC, UPDATED -> Kind.UPDATE;
                case DELETED_BEFORE_SYNC, DELETED -> Kind.DELETE;
            };
        }

        /** Made before the table was first seen in sync: a pipeline's initial snapshot may absorb it. */
        public boolean beforeSync() {
            return switch (this) {
                case INITIAL, INSERTED_BEFORE_SYNC, UPDATED_BEFORE_SYNC, DELETED_BEFORE_SYNC -> true;
                case INSERTED, UPDATED, DELETED -> false;
            };
        }

        /** A change of this kind, made before or after the table was first seen in sync. */
        static Change of(Kind kind, boolean beforeSync) {
            return switch (kind) {
                case INSERT -> beforeSync ? INSERTED_BEFORE_SYNC : INSERTED;
                case UPDATE -> beforeSync ? UPDATED_BEFORE_SYNC : UPDATED;
                case DELETE -> beforeSync ? DELETED_BEFORE_SYNC : DELETED;
            };
        }
    }

    /** The versions of one key; {@code present} is false after the source deleted it. */
    private static final class Versions {
        final List<Long> hashes = new ArrayList<>(2);
        boolean present;
        /** Present at the table's first snapshot (before the testcases wrote anything). */
        boolean initial;
        /** The changes seen, in order. */
        final List<Change> changes = new ArrayList<>(2);
    }

    private final Map<String, Map<RowKey, Versions>> tables = new ConcurrentHashMap<>();
    private final Set<String> untracked = ConcurrentHashMap.newKeySet();
    private final Set<String> synced = ConcurrentHashMap.newKeySet();

    /** The table was seen equal on both sides: the pipeline's initial snapshot is done, later changes are its own events. */
    public void markSynced(ComparisonPlan plan) {
        synced.add(plan.name());
    }

    /** A key the source changed since the last snapshot: its canonical row now, or null when deleted. */
    public record Changed(RowKey key, String[] row) {
    }

    /**
     * Reads the table's current rows on the source and records every key that changed since the
     * last snapshot; returns those changes (none at the table's first snapshot).
     */
    public List<Changed> snapshot(TableDiff.Database source, ComparisonPlan plan) {
        if (!plan.comparable() || untracked.contains(plan.name())) {
            return new ArrayList<>();
        }
        try (RowStream rows = new RowStream(source.connection(), source.engine(), plan.source(), plan.sourceColumns(),
                plan.kindArray(), plan.keyCount(), KeyRange.ALL)) {
            ValueKind[] kinds = plan.kindArray();
            return record(plan, () -> new java.util.Iterator<>() {
                private RowStream.Row next = rows.next();

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public String[] next() {
                    String[] canonical = next.canonical(kinds);
                    next = rows.next();
                    return canonical;
                }
            });
        }
    }

    /**
     * Records the table's current rows (canonical values, key columns first; read once, in any
     * order) as its latest snapshot; returns the keys that changed since the last one (none at the
     * table's first snapshot, and none once it holds more than {@link #MAX_ROWS} rows: then the
     * table is no longer tracked).
     */
    List<Changed> record(ComparisonPlan plan, Iterable<String[]> rows) {
        List<Changed> changed = new ArrayList<>();
        if (!plan.comparable() || untracked.contains(plan.name())) {
            return changed;
        }
        boolean first = !tables.containsKey(plan.name());
        boolean beforeSync = !synced.contains(plan.name());
        Map<RowKey, Versions> keys = tables.computeIfAbsent(plan.name(), t -> new HashMap<>());
        Set<RowKey> seen = new HashSet<>();
        long count = 0;
        for (String[] canonical : rows) {
            if (++count > MAX_ROWS) {
                untracked.add(plan.name());
                tables.remove(plan.name());
                return List.of();
            }
            RowKey key = RowKey.of(plan.keyColumns(), canonical);
            long hash = RowHasher.hash(canonical);
            Versions versions = keys.computeIfAbsent(key, k -> {
                Versions v = new Versions();
                v.initial = first;
                return v;
            });
            if (!versions.present || versions.hashes.get(versions.hashes.size() - 1) != hash) {
                versions.changes.add(first ? Change.INITIAL
                        : Change.of(versions.present ? Kind.UPDATE : Kind.INSERT, beforeSync));
                versions.hashes.add(hash);
                if (!first) {
                    changed.add(new Changed(key, canonical));
                }
            }
            versions.present = true;
            seen.add(key);
        }
        keys.forEach((key, versions) -> {
            if (!seen.contains(key) && versions.present) {
                versions.present = false;
                versions.changes.add(Change.of(Kind.DELETE, beforeSync));
                changed.add(new Changed(key, null));
            }
        });
        return changed;
    }

    /**
     * Every key's changes as the harness saw them, in order. Changes between two snapshots of the
     * same key fold into one. Empty when the table is not tracked.
     */
    public Map<RowKey, List<Change>> changes(ComparisonPlan plan) {
        Map<RowKey, Versions> keys = tables.get(plan.name());
        Map<RowKey, List<Change>> out = new HashMap<>();
        if (keys != null) {
            keys.forEach((key, v) -> out.put(key, List.copyOf(v.changes)));
        }
        return out;
    }

    /**
     * The keys the source changed in this way since the table's first snapshot (inserted: present
     * now and not then; updated: present then and now, with another version; deleted: gone now), or
     * empty when the table is not tracked.
     */
    public List<RowKey> keys(ComparisonPlan plan, Kind kind) {
        Map<RowKey, Versions> keys = tables.get(plan.name());
        List<RowKey> found = new ArrayList<>();
        if (keys == null) {
            return found;
        }
        keys.forEach((key, v) -> {
            boolean match = switch (kind) {
                case INSERT -> v.present && !v.initial;
                case UPDATE -> v.present && v.initial && v.hashes.size() > 1;
                case DELETE -> !v.present && !v.hashes.isEmpty();
            };
            if (match) {
                found.add(key);
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
        Map<RowKey, Versions> keys = tables.get(table);
        if (keys == null) {
            return difference;
        }
        Versions versions = keys.get(difference.key());
        if (difference instanceof RowDifference.MissingInTarget) {
            return difference.withCause(Cause.MISSING);
        }
        if (difference instanceof RowDifference.ExtraInTarget) {
            return difference.withCause(versions != null && !versions.hashes.isEmpty() ? Cause.RESURRECTED : Cause.EXTRA);
        }
        if (difference instanceof RowDifference.Different d) {
            boolean older = versions != null && versions.hashes.subList(0, Math.max(0, versions.hashes.size() - 1))
                    .contains(d.targetHash());
            return difference.withCause(older ? Cause.STALE : Cause.CORRUPT);
        }
        return difference;
    }
}
