package io.cdctest.check;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Side;
import io.cdctest.sql.Sql;
import io.cdctest.sql.TableSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The consistency engine for one table, in layers: small tables are compared row by row at once;
 * larger ones are cut into primary-key chunks whose COUNT and checksum are computed inside both
 * databases (same-engine MySQL/MariaDB pairs) or whose rows are hashed in Java while streamed
 * (any pair, e.g. MySQL and MatrixOne); mismatching chunks are halved until small, then compared
 * row by row, naming the differing keys and columns. Memory stays flat: rows are streamed.
 */
public final class TableDiff implements SyncWaiter.Comparer {

    /**
     * A database to compare, with its engine.
     *
     * @param remote whether it is reached over a network (not loopback): then checksums computed
     *               inside the database save moving every row
     */
    public record Database(Connection connection, Engine engine, boolean remote) {
        public Database(Connection connection, Engine engine) {
            this(connection, engine, false);
        }
    }

    /** Explains differences from what the harness wrote (see KeyHistory). */
    public interface Classifier {
        RowDifference classify(String table, RowDifference difference);
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TableDiff.class);

    /** Parts a mismatching range is cut into at each level. */
    static final int FANOUT = 16;

    private final DiffOptions options;
    private final Classifier classifier;

    public TableDiff(DiffOptions options, Classifier classifier) {
        this.options = options;
        this.classifier = classifier;
    }

    public TableDiff(DiffOptions options) {
        this(options, (table, d) -> d);
    }

    /** The plan for a table of the same name in two databases. */
    public static ComparisonPlan plan(Database source, String sourceDatabase, Database target, String targetDatabase, String table) {
        TableRef s = new TableRef(sourceDatabase, table, null);
        TableRef t = new TableRef(targetDatabase, table, null);
        return ComparisonPlan.build(table, s, TableSchema.read(source.connection(), sourceDatabase, table), t,
                TableSchema.read(target.connection(), targetDatabase, table), List.of(), List.of());
    }

    /** Compares every row of the plan. */
    @Override
    public TableComparison compare(Database source, Database target, ComparisonPlan plan) {
        return new Run(source, target, plan).full();
    }

    /** Compares only the ranges that differed last time (all of the table when there were none). */
    @Override
    public TableComparison recheck(Database source, Database target, TableComparison previous) {
        if (!previous.plan().comparable() || previous.pending().isEmpty()) {
            return compare(source, target, previous.plan());
        }
        return new Run(source, target, previous.plan()).ranges(previous);
    }

    /** One comparison: its budget, its counters and what it found. */
    private final class Run {
        private final Database source;
        private final Database target;
        private final ComparisonPlan plan;
        private final ValueKind[] kinds;
        private final long start = System.nanoTime();
        private final long deadline;
        private final List<RowDifference> samples = new ArrayList<>();
        private final List<KeyRange> pending = new ArrayList<>();
        private long differences;
        private long typeOnly;
        private long sourceRows;
        private long targetRows;
        private boolean outOfTime;
        private boolean dense;
        private TableComparison.Method method;

        Run(Database source, Database target, ComparisonPlan plan) {
            this.source = source;
            this.target = target;
            this.plan = plan;
            this.kinds = plan.kindArray();
            this.deadline = start + options.maxTime().toNanos();
        }

        TableComparison full() {
            if (!plan.comparable()) {
                method = TableComparison.Method.NONE;
                return result();
            }
            try {
                if (estimatedRows() <= options.smallTableRows()) {
                    method = TableComparison.Method.ROWS;
                    rows(KeyRange.ALL, true);
                } else if (pushdown()) {
                    method = TableComparison.Method.PUSHDOWN;
                    for (KeyRange chunk : chunks()) {
                        if (timeUp()) {
                            break;
                        }
                        long before = differences;
                        checksummed(chunk);
                        if (differences > before) {
                            pending.add(chunk);
                        }
                    }
                } else {
                    method = TableComparison.Method.JAVA_CHUNKS;
                    for (KeyRange chunk : chunks()) {
                        if (timeUp()) {
                            break;
                        }
                        rows(chunk, true);
                    }
                }
            } catch (SQLException e) {
                throw new CdctestException(ExitCode.ENVIRONMENT, "comparing " + plan.name() + ": " + Sql.firstLine(e), e);
            }
            return result();
        }

        TableComparison ranges(TableComparison previous) {
            method = previous.method();
            try {
                for (KeyRange range : previous.pending()) {
                    if (timeUp()) {
                        break;
                    }
                    long before = differences;
                    if (method == TableComparison.Method.PUSHDOWN) {
                        checksummed(range);
                    } else {
                        rows(range, false);
                    }
                    if (differences > before) {
                        pending.add(range);
                    }
                }
            } catch (SQLException e) {
                throw new CdctestException(ExitCode.ENVIRONMENT, "comparing " + plan.name() + ": " + Sql.firstLine(e), e);
            }
            if (pending.isEmpty()) {
                // what differed is now equal: confirm the whole table before calling it equal
                return compare(source, target, plan);
            }
            sourceRows = previous.sourceRows();
            targetRows = previous.targetRows();
            return result();
        }

        private boolean pushdown() {
            return switch (options.mode()) {
                case PUSHDOWN -> true;
                case JAVA -> false;
                case AUTO -> PushdownChecksum.supports(source.engine(), target.engine())
                        && (source.remote() || target.remote());
            };
        }

        private List<KeyRange> chunks() throws SQLException {
            return Chunker.chunks(source.connection(), source.engine(), plan.source(), plan.keyColumns(), kinds,
                    options.chunkRows());
        }

        /**
         * Checksums a range on both sides (concurrently); on mismatch cuts it into {@link #FANOUT}
         * parts and checksums those, until the mismatching parts are small enough to compare rows.
         */
        private void checksummed(KeyRange range) throws SQLException {
            long t0 = System.nanoTime();
            PushdownChecksum.Sum[] sums = bothSides(side -> PushdownChecksum.of(side.connection(), side.engine(),
                    side == source ? plan.source() : plan.target(), side == source ? plan.sourceColumns() : plan.targetColumns(),
                    kinds, plan.keyCount(), range));
            sourceRows += sums[0].count();
            targetRows += sums[1].count();
            LOG.debug("{} {}: checksums {} / {} in {} ms", plan.name(), range, sums[0], sums[1],
                    (System.nanoTime() - t0) / 1_000_000);
            if (sums[0].equals(sums[1])) {
                return;
            }
            if (sums[0].count() <= options.bisectRows() || dense || timeUp()) {
                rowsOnly(range);
                return;
            }
            List<KeyRange> parts = Chunker.split(source.connection(), source.engine(), plan.source(), plan.keyColumns(),
                    kinds, range, sums[0].count(), FANOUT);
            if (parts.size() == 1) {
                rowsOnly(range);
                return;
            }
            sourceRows -= sums[0].count();
            targetRows -= sums[1].count();
            long before = differences;
            int mismatched = 0;
            for (KeyRange part : parts) {
                long partBefore = differences;
                checksummed(part);
                if (differences > partBefore) {
                    mismatched++;
                }
            }
            // when most parts differ, differences are everywhere: cutting further costs more than reading rows
            if (differences > before && mismatched * 2 > parts.size()) {
                dense = true;
            }
        }

        /** Compares the rows of a range whose row counts were already counted. */
        private void rowsOnly(KeyRange range) {
            long s = sourceRows;
            long t = targetRows;
            rows(range, false);
            sourceRows = s;
            targetRows = t;
        }

        /** Streams both sides of a range in key order and merges them. */
        private void rows(KeyRange range, boolean trackPending) {
            long before = differences;
            long t0 = System.nanoTime();
            try (RowStream s = new RowStream(source.connection(), source.engine(), plan.source(), plan.sourceColumns(),
                    kinds, plan.keyCount(), range);
                 RowStream t = new RowStream(target.connection(), target.engine(), plan.target(), plan.targetColumns(),
                         kinds, plan.keyCount(), range)) {
                RowStream.Row a = s.next();
                RowStream.Row b = t.next();
                String[] lastSource = null;
                String[] lastTarget = null;
                long merged = 0;
                while (a != null || b != null) {
                    if ((++merged & 0x3FFF) == 0 && timeUp()) {
                        break;
                    }
                    if (a != null && lastSource != null && KeySql.compare(a.key(), lastSource, kinds, plan.keyCount()) == 0) {
                        record(new RowDifference.Duplicate(key(a.key()), Side.SOURCE));
                        a = s.next();
                        continue;
                    }
                    if (b != null && lastTarget != null && KeySql.compare(b.key(), lastTarget, kinds, plan.keyCount()) == 0) {
                        record(new RowDifference.Duplicate(key(b.key()), Side.TARGET));
                        b = t.next();
                        continue;
                    }
                    int order = a == null ? 1 : b == null ? -1 : KeySql.compare(a.key(), b.key(), kinds, plan.keyCount());
                    if (order < 0) {
                        record(new RowDifference.MissingInTarget(key(a.key()), a.canonical(kinds), null));
                        lastSource = a.key();
                        a = s.next();
                    } else if (order > 0) {
                        record(new RowDifference.ExtraInTarget(key(b.key()), RowHasher.hash(b.canonical(kinds)), null));
                        lastTarget = b.key();
                        b = t.next();
                    } else {
                        same(a, b);
                        lastSource = a.key();
                        lastTarget = b.key();
                        a = s.next();
                        b = t.next();
                    }
                }
                sourceRows += s.count();
                targetRows += t.count();
                LOG.debug("{} {}: {} / {} rows merged in {} ms", plan.name(), range, s.count(), t.count(),
                        (System.nanoTime() - t0) / 1_000_000);
            }
            if (trackPending && differences > before) {
                pending.add(range);
            }
        }

        /** Compares a row present on both sides: as read first, normalised only where the texts differ. */
        private void same(RowStream.Row a, RowStream.Row b) {
            List<ColumnDifference> columns = null;
            boolean converted = false;
            for (int i = plan.keyCount(); i < kinds.length; i++) {
                byte[] x = a.raw()[i];
                byte[] y = b.raw()[i];
                if (Arrays.equals(x, y)) {
                    continue;
                }
                String cx = plan.compared(i, true, Values.canonicalOfBytes(x, kinds[i]));
                String cy = plan.compared(i, false, Values.canonicalOfBytes(y, kinds[i]));
                if (Values.equal(cx, cy, kinds[i])) {
                    converted = true;
                } else {
                    if (columns == null) {
                        columns = new ArrayList<>();
                    }
                    columns.add(new ColumnDifference(plan.sourceColumns().get(i), cx, cy));
                }
            }
            if (columns != null) {
                record(new RowDifference.Different(key(a.key()), List.copyOf(columns), a.canonical(kinds),
                        RowHasher.hash(b.canonical(kinds)), null));
            } else if (converted) {
                typeOnly++;
            }
        }

        private void record(RowDifference difference) {
            differences++;
            if (samples.size() < options.maxDifferences()) {
                samples.add(classifier.classify(plan.name(), difference));
            }
        }

        private RowKey key(String[] values) {
            return RowKey.of(plan.keyColumns(), values);
        }

        private boolean timeUp() {
            if (System.nanoTime() > deadline) {
                outOfTime = true;
            }
            return outOfTime;
        }

        private long estimatedRows() throws SQLException {
            try (PreparedStatement ps = source.connection().prepareStatement(
                    "SELECT table_rows FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
                ps.setString(1, plan.source().database());
                ps.setString(2, plan.source().table());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
        }

        private interface SideQuery {
            PushdownChecksum.Sum run(Database side) throws SQLException;
        }

        private PushdownChecksum.Sum[] bothSides(SideQuery query) throws SQLException {
            CompletableFuture<PushdownChecksum.Sum> other = CompletableFuture.supplyAsync(() -> {
                try {
                    return query.run(target);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            PushdownChecksum.Sum mine = query.run(source);
            try {
                return new PushdownChecksum.Sum[] {mine, other.join()};
            } catch (CompletionException e) {
                if (e.getCause() instanceof SQLException se) {
                    throw se;
                }
                throw e;
            }
        }

        private TableComparison result() {
            Verdict verdict = !plan.comparable() || differences > 0 ? Verdict.DIFFERENT
                    : outOfTime ? Verdict.UNKNOWN : Verdict.EQUAL;
            return new TableComparison(plan.name(), verdict, sourceRows, targetRows, differences, List.copyOf(samples),
                    typeOnly, plan.problems(), method, List.copyOf(pending), plan,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
