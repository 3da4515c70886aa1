package io.cdctest.check;

import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Replication lag, key by key: after each write step the harness hands over the keys it changed
 * (from the key history) with their new rows; a thread of its own reads those keys on the target
 * every {@link #POLL_MILLIS} ms and records, for each, the time from the end of the step's writes
 * until the target row equals the source row (or is gone, for a delete), compared with the
 * checker's type rules. A key changed again before it was seen keeps its first write time: the
 * figure is how long the target differed. Per table and per step: count, p50, p95, max.
 * At most {@link #MAX_PENDING} keys per table are followed at a time; more are counted as not sampled.
 */
public final class LagProbe implements AutoCloseable {
    static final int POLL_MILLIS = 50;
    static final int MAX_PENDING = 2000;
    private static final int KEYS_PER_QUERY = 500;
    private static final long HIGHEST_MILLIS = TimeUnit.HOURS.toMillis(2);

    /** Upper bounds (ms, inclusive) of the distribution's buckets; the last bucket holds everything above. */
    public static final long[] BUCKETS = {50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000};

    /**
     * Lag figures of one table or one step, in milliseconds; {@code unseen}: keys not yet equal when
     * asked; {@code distribution}: keys per bucket of {@link #BUCKETS} (one more for above the last).
     */
    public record Stats(long keys, long p50, long p95, long max, long unseen, long notSampled, long[] distribution) {
        public String summary() {
            return keys == 0 ? "no changes observed" + (unseen > 0 ? " (" + unseen + " not reflected yet)" : "")
                    : String.format("p50 %d ms, p95 %d ms, max %d ms over %d keys%s%s", p50, p95, max, keys,
                    unseen > 0 ? ", " + unseen + " not reflected" : "", notSampled > 0 ? ", " + notSampled + " not sampled" : "");
        }
    }

    /** The lag of one step's changes to one table. */
    public record StepLag(String step, String table, Stats stats) {
    }

    private record Pending(RowKey key, String[] row, long writtenNanos, String step) {
    }

    /** A step's changes to one table. */
    private record StepTable(String step, String table) {
    }

    private final JdbcEndpoint target;
    private final Map<String, ComparisonPlan> plans = new LinkedHashMap<>();
    private final Map<String, Map<RowKey, Pending>> pending = new HashMap<>();
    private final Map<String, Histogram> tables = new LinkedHashMap<>();
    private final Map<StepTable, Histogram> steps = new LinkedHashMap<>();
    private final Map<String, Long> notSampled = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private Connection connection;

    /** @param target the target endpoint, connected to the target database */
    public LagProbe(JdbcEndpoint target) {
        this.target = target;
        this.thread = new Thread(this::run, "cdctest-lag");
        thread.setDaemon(true);
        thread.start();
    }

    /** Follows the changes a step made to a table, written (at the latest) at {@code writtenNanos}. */
    public synchronized void expect(ComparisonPlan plan, List<KeyHistory.Changed> changes, long writtenNanos, String step) {
        if (changes.isEmpty() || !plan.comparable() || !plan.targetConstants().isEmpty()) {
            return; // mapped many-to-one tables are keyed differently on the target: not followed
        }
        plans.putIfAbsent(plan.name(), plan);
        tables.computeIfAbsent(plan.name(), t -> histogram());
        steps.computeIfAbsent(new StepTable(step, plan.name()), s -> histogram());
        Map<RowKey, Pending> keys = pending.computeIfAbsent(plan.name(), t -> new LinkedHashMap<>());
        for (KeyHistory.Changed change : changes) {
            RowKey id = change.key();
            Pending earlier = keys.get(id);
            if (earlier == null && keys.size() >= MAX_PENDING) {
                notSampled.merge(plan.name(), 1L, Long::sum);
                continue;
            }
            keys.put(id, new Pending(change.key(), change.row(), earlier == null ? writtenNanos : earlier.writtenNanos(),
                    earlier == null ? step : earlier.step()));
        }
    }

    private static Histogram histogram() {
        return new Histogram(HIGHEST_MILLIS, 3);
    }

    private void run() {
        while (!closed) {
            try {
                poll();
            } catch (SQLException | RuntimeException e) {
                closeConnection(); // the target went away (a fault step, say): connect again next time
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void poll() throws SQLException {
        Map<String, List<Pending>> work = new LinkedHashMap<>();
        synchronized (this) {
            pending.forEach((table, keys) -> {
                if (!keys.isEmpty()) {
                    work.put(table, new ArrayList<>(keys.values()).subList(0, Math.min(KEYS_PER_QUERY, keys.size())));
                }
            });
        }
        if (work.isEmpty()) {
            return;
        }
        if (connection == null) {
            connection = target.connect();
        }
        for (Map.Entry<String, List<Pending>> entry : work.entrySet()) {
            ComparisonPlan plan = plans.get(entry.getKey());
            Map<RowKey, String[]> rows = read(plan, entry.getValue());
            long now = System.nanoTime();
            synchronized (this) {
                Map<RowKey, Pending> keys = pending.get(plan.name());
                for (Pending p : entry.getValue()) {
                    RowKey id = p.key();
                    if (keys.get(id) != p || !reflected(plan, p.row(), rows.get(id))) {
                        continue; // changed again meanwhile, or not there yet
                    }
                    keys.remove(id);
                    long millis = Math.min(HIGHEST_MILLIS, Math.max(0, TimeUnit.NANOSECONDS.toMillis(now - p.writtenNanos())));
                    tables.get(plan.name()).recordValue(millis);
                    steps.computeIfAbsent(new StepTable(p.step(), plan.name()), s -> histogram()).recordValue(millis);
                }
            }
        }
    }

    /** The target rows of the keys, by key (absent keys are not in the map). */
    private Map<RowKey, String[]> read(ComparisonPlan plan, List<Pending> keys) throws SQLException {
        ValueKind[] kinds = plan.kindArray();
        KeySql keySql = new KeySql(target.engine(), plan.targetColumns().subList(0, plan.keyCount()), kinds);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < plan.targetColumns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(kinds[i].select(plan.targetColumns().get(i)));
        }
        sql.append(" FROM ").append(Sql.qualified(plan.target().database(), plan.target().table()))
                .append(" WHERE ").append(keySql.in(keys.size()));
        Map<RowKey, String[]> rows = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            keySql.bindKeys(ps, 1, keys.stream().map(p -> p.key().values().toArray(String[]::new)).toList());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[kinds.length];
                    for (int i = 0; i < kinds.length; i++) {
                        row[i] = Values.canonicalOfBytes(rs.getBytes(i + 1), kinds[i]);
                    }
                    rows.put(RowKey.of(plan.keyColumns(), row), row);
                }
            }
        }
        return rows;
    }

    /** The target row is the source row by the checker's rules (both absent for a delete). */
    private static boolean reflected(ComparisonPlan plan, String[] expected, String[] actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        for (int i = plan.keyCount(); i < expected.length; i++) {
            if (!Values.equal(plan.compared(i, true, expected[i]), plan.compared(i, false, actual[i]), plan.kinds().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Lag per table, in the order tables were first changed. */
    public synchronized Map<String, Stats> tables() {
        Map<String, Stats> out = new LinkedHashMap<>();
        tables.forEach((table, h) -> out.put(table, stats(h, pending.getOrDefault(table, Map.of()).size(),
                notSampled.getOrDefault(table, 0L))));
        return out;
    }

    /** Lag per step and table, for the steps whose changes were followed. */
    public synchronized List<StepLag> steps() {
        List<StepLag> out = new ArrayList<>();
        steps.forEach((id, h) -> {
            long unseen = pending.getOrDefault(id.table(), Map.of()).values().stream()
                    .filter(p -> p.step().equals(id.step())).count();
            out.add(new StepLag(id.step(), id.table(), stats(h, unseen, 0)));
        });
        return out;
    }

    private static Stats stats(Histogram h, long unseen, long notSampled) {
        long[] distribution = new long[BUCKETS.length + 1];
        long below = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            long upTo = h.getTotalCount() == 0 ? 0 : h.getCountBetweenValues(0, BUCKETS[i]);
            distribution[i] = upTo - below;
            below = upTo;
        }
        distribution[BUCKETS.length] = h.getTotalCount() - below;
        return new Stats(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(95), h.getMaxValue(), unseen,
                notSampled, distribution);
    }

    /** How far the target is behind now, for progress lines: "12 changed keys not on the target yet, oldest 3.1 s". */
    public synchronized Optional<String> behind() {
        long count = pending.values().stream().mapToLong(Map::size).sum();
        if (count == 0) {
            return Optional.empty();
        }
        long oldest = pending.values().stream().flatMap(m -> m.values().stream()).mapToLong(Pending::writtenNanos).min()
                .orElse(System.nanoTime());
        return Optional.of(String.format(java.util.Locale.ROOT, "%d changed key%s not on the target yet, oldest %.1f s",
                count, count == 1 ? "" : "s", (System.nanoTime() - oldest) / 1e9));
    }

    /** Waits up to {@code millis} for the keys followed so far to be seen (for the final figures). */
    public void settle(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (pending.values().stream().allMatch(Map::isEmpty)) {
                    return;
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
