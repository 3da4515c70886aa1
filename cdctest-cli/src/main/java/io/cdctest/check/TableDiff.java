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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The consistency engine for one table, in layers: small tables are compared row by row at once;
 * larger ones are cut into primary-key chunks whose COUNT and checksum are computed inside both
 * databases (same-engine MySQL/MariaDB pairs, each side on its own lanes of connections) or whose
 * rows are streamed and merged (any pair, e.g. MySQL and MatrixOne); {@code auto} on one machine
 * checksums chunks in key order and streams the rest of the rows once over a quarter of the chunks
 * checked mismatch (see {@link PushdownSwitch}). A mismatching chunk is
 * compared row by row when small (or when differences are dense), else its differing keys are found
 * from one ordered pass over both sides' keys and row hashes and only their rows are compared,
 * naming the differing keys and columns. Memory stays flat: rows are streamed.
 */
public final class TableDiff implements SyncWaiter.Comparer {

    /**
     * A database to compare, with its engine.
     *
     * @param remote whether it is reached over a network (not loopback): then checksums computed
     *               inside the database save moving every row
     * @param more   opens another connection to the same database (the session set up alike), for
     *               checksumming chunks on several connections at once; null: the one connection only
     */
    public record Database(Connection connection, Engine engine, boolean remote, Supplier<Connection> more) {
        public Database(Connection connection, Engine engine, boolean remote) {
            this(connection, engine, remote, null);
        }

        public Database(Connection connection, Engine engine) {
            this(connection, engine, false, null);
        }
    }

    /** Explains differences from what the harness wrote (see KeyHistory). */
    public interface Classifier {
        RowDifference classify(String table, RowDifference difference);
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TableDiff.class);

    /** Keys per statement when the rows of differing keys are read. */
    private static final int FETCH_KEYS = 1_000;

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

    /**
     * Whether a table a full comparison found equal still is, asked cheaply (see {@link IncrementalCheck}):
     * the rows of {@code keys}, those written since, compared row by row, then the engine's
     * {@code CHECKSUM TABLE} and {@code COUNT(*)} on both sides. Equal only when all of that agrees;
     * empty when it cannot say so (a full comparison must): a key differs, the sums differ, or the
     * keys cannot be read by their index.
     */
    public java.util.Optional<TableComparison> stillEqual(Database source, Database target, ComparisonPlan plan,
                                                          List<RowKey> keys) {
        return new Run(source, target, plan).stillEqual(keys);
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
        private volatile boolean outOfTime;
        private boolean dense;
        private TableComparison.Method method;
        private PushdownChecksum.Hash hash;

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
                long counted = rowsUpTo(options.smallTableRows() + 1);
                if (counted <= options.smallTableRows()) {
                    method = TableComparison.Method.ROWS;
                    rows(KeyRange.ALL, true);
                } else if (pushdown()) {
                    method = TableComparison.Method.PUSHDOWN;
                    List<KeyRange> chunks = chunks();
                    int checksummed = checksummedChunks(chunks);
                    if (checksummed < chunks.size() && !outOfTime) {
                        method = TableComparison.Method.PUSHDOWN_THEN_JAVA_CHUNKS;
                        for (KeyRange chunk : chunks.subList(checksummed, chunks.size())) {
                            if (timeUp()) {
                                break;
                            }
                            rows(chunk, true);
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

        java.util.Optional<TableComparison> stillEqual(List<RowKey> keys) {
            if (!plan.comparable() || !keysFetchable()) {
                return java.util.Optional.empty();
            }
            method = TableComparison.Method.ENGINE_CHECKSUM;
            try {
                List<String[]> values = keys.stream().map(k -> k.values().toArray(String[]::new)).toList();
                for (int from = 0; from < values.size() && differences == 0; from += FETCH_KEYS) {
                    List<String[]> batch = values.subList(from, Math.min(values.size(), from + FETCH_KEYS));
                    try (RowStream a = new RowStream(source.connection(), source.engine(), plan.source(), plan.sourceColumns(),
                            RowStream.selects(plan.sourceColumns(), kinds), kinds, plan.keyCount(), KeyRange.ALL, batch);
                         RowStream b = new RowStream(target.connection(), target.engine(), plan.target(), plan.targetColumns(),
                                 RowStream.selects(plan.targetColumns(), kinds), kinds, plan.keyCount(), KeyRange.ALL, batch)) {
                        merge(a, b);
                    }
                }
                if (differences > 0 || outOfTime) {
                    return java.util.Optional.empty();
                }
                BothSides.Answers<PushdownChecksum.Sum> sums = BothSides.ask(source, target, plan.name(),
                        side -> EngineChecksum.of(side.connection(), side == source ? plan.source() : plan.target()));
                if (!sums.source().equals(sums.target()) || sums.source().checksum().signum() < 0) {
                    return java.util.Optional.empty();
                }
                sourceRows = sums.source().count();
                targetRows = sums.target().count();
            } catch (SQLException e) {
                throw new CdctestException(ExitCode.ENVIRONMENT, "comparing " + plan.name() + ": " + Sql.firstLine(e), e);
            }
            return java.util.Optional.of(result());
        }

        TableComparison ranges(TableComparison previous) {
            method = previous.method();
            try {
                for (KeyRange range : previous.pending()) {
                    if (timeUp()) {
                        break;
                    }
                    long before = differences;
                    // after a switch to rows (pushdown-then-java-chunks) the ranges that differed are read as rows
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
                        && (source.remote() || target.remote() || hash() == PushdownChecksum.Hash.CRC);
            };
        }

        /** The row hash both sides compute alike: CRC when both servers can, else MD5. */
        private PushdownChecksum.Hash hash() {
            if (hash == null) {
                hash = PushdownChecksum.hash(source.connection()) == PushdownChecksum.Hash.CRC
                        && PushdownChecksum.hash(target.connection()) == PushdownChecksum.Hash.CRC
                        ? PushdownChecksum.Hash.CRC : PushdownChecksum.Hash.MD5;
            }
            return hash;
        }

        /**
         * Checksums chunks in key order and settles them; returns how many, all of them unless
         * {@code auto} on one machine found so many mismatching (see {@link PushdownSwitch}) that the
         * rest is cheaper to stream as rows, or the time ran out. Forced pushdown, and pairs with a
         * remote side (where checksums save moving every row), checksum every chunk.
         */
        private int checksummedChunks(List<KeyRange> chunks) throws SQLException {
            boolean adaptive = options.mode() == DiffOptions.Mode.AUTO && !source.remote() && !target.remote();
            int checked = 0;
            int mismatching = 0;
            try (Lanes lanes = new Lanes()) {
                while (checked < chunks.size()) {
                    if (adaptive && PushdownSwitch.toRows(checked, mismatching)) {
                        LOG.debug("{}: {} of {} chunks checksummed mismatch; the other {} are compared as rows",
                                plan.name(), mismatching, checked, chunks.size() - checked);
                        return checked;
                    }
                    List<KeyRange> round = chunks.subList(checked, adaptive
                            ? checked + PushdownSwitch.round(checked, chunks.size() - checked) : chunks.size());
                    PushdownChecksum.Sum[][] sums = checksums(round, lanes);
                    for (int i = 0; i < round.size(); i++) {
                        if (sums[0][i] == null || sums[1][i] == null || timeUp()) {
                            outOfTime = true;
                            return checked;
                        }
                        long before = differences;
                        if (!sums[0][i].equals(sums[1][i])) {
                            mismatching++;
                        }
                        settle(round.get(i), sums[0][i], sums[1][i]);
                        checked++;
                        if (differences > before) {
                            pending.add(round.get(i));
                        }
                    }
                }
            }
            return checked;
        }

        private List<KeyRange> chunks() throws SQLException {
            return Chunker.chunks(source.connection(), source.engine(), plan.source(), plan.keyColumns(), kinds,
                    options.chunkRows(), Math.max(estimatedRows(), options.smallTableRows() + 1));
        }

        private PushdownChecksum.Sum sum(Database side, Connection connection, KeyRange range) throws SQLException {
            boolean s = side == source;
            return PushdownChecksum.of(connection, side.engine(), hash(), s ? plan.source() : plan.target(),
                    s ? plan.sourceColumns() : plan.targetColumns(), kinds, plan.keyCount(), range);
        }

        /**
         * The checksums of every chunk on both sides: each side works through the chunks on its own
         * lanes (its connection and, when it can open more, {@code options.lanes() - 1} others), so
         * neither waits for the other chunk by chunk. A chunk left without a checksum (null) means the
         * time ran out.
         *
         * <p>A side's own connection is lent to one lane and used by no other thread until that lane
         * has ended: this method returns, normally or with the first failure, only after every lane
         * has ended (a failure stops the other lanes after their current chunk), so the caller never
         * meets its connection still busy on another thread. A lane that cannot open its extra
         * connection leaves the chunks to the others. The extra connections are kept in {@code lanes}
         * for the next round.
         */
        private PushdownChecksum.Sum[][] checksums(List<KeyRange> chunks, Lanes lanes) throws SQLException {
            hash();
            PushdownChecksum.Sum[][] sums = new PushdownChecksum.Sum[2][chunks.size()];
            List<Database> sides = List.of(source, target);
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "cdctest-checksum " + plan.name());
                t.setDaemon(true);
                return t;
            });
            List<Future<?>> tasks = new ArrayList<>();
            try {
                for (int s = 0; s < 2; s++) {
                    Database side = sides.get(s);
                    AtomicInteger next = new AtomicInteger();
                    int count = side.more() == null ? 1 : Math.max(1, Math.min(options.lanes(), chunks.size()));
                    for (int lane = 0; lane < count; lane++) {
                        int l = lane;
                        int sideIndex = s;
                        PushdownChecksum.Sum[] out = sums[s];
                        tasks.add(pool.submit(() -> {
                            Connection c = l == 0 ? side.connection() : lanes.extra(sideIndex, side, l);
                            if (c == null) {
                                return null;
                            }
                            try {
                                for (int i = next.getAndIncrement(); i < chunks.size() && !stop.get() && !timeUp();
                                     i = next.getAndIncrement()) {
                                    out[i] = sum(side, c, chunks.get(i));
                                }
                            } catch (SQLException | RuntimeException e) {
                                stop.set(true);
                                throw e;
                            }
                            return null;
                        }));
                    }
                }
            } finally {
                pool.shutdown();
            }
            BothSides.rethrow(BothSides.awaitAll(tasks, plan.name()));
            return sums;
        }

        /**
         * The extra connections of each side's lanes, opened when a lane first needs one and kept for
         * the rounds of one comparison; closed with it. Lane {@code l} of a side uses slot {@code l} only,
         * and rounds follow one another, so no slot is used by two threads at once.
         */
        private final class Lanes implements AutoCloseable {
            // [side][lane]; a round hands its slots to the next through the pool's submit and awaitAll
            private final Connection[][] open = new Connection[2][Math.max(1, options.lanes())];
            private final boolean[][] failed = new boolean[2][Math.max(1, options.lanes())];

            /** Lane {@code lane}'s connection to a side, or null when it cannot be opened (the side's other lanes go on). */
            Connection extra(int sideIndex, Database side, int lane) {
                if (open[sideIndex][lane] == null && !failed[sideIndex][lane]) {
                    try {
                        open[sideIndex][lane] = side.more().get();
                    } catch (RuntimeException e) {
                        LOG.debug("{}: no extra connection for checksums ({}); fewer lanes", plan.name(), e.toString());
                        failed[sideIndex][lane] = true;
                    }
                }
                return open[sideIndex][lane];
            }

            @Override
            public void close() {
                for (Connection[] side : open) {
                    for (Connection c : side) {
                        if (c != null) {
                            Run.close(c);
                        }
                    }
                }
            }
        }

        private static void close(Connection connection) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a connection of our own: nothing to do about it
            }
        }

        /** Checksums a range on both sides (concurrently) and settles it. */
        private void checksummed(KeyRange range) throws SQLException {
            long t0 = System.nanoTime();
            BothSides.Answers<PushdownChecksum.Sum> sums = BothSides.ask(source, target, plan.name(),
                    side -> sum(side, side.connection(), range));
            LOG.debug("{} {}: checksums {} / {} in {} ms", plan.name(), range, sums.source(), sums.target(),
                    (System.nanoTime() - t0) / 1_000_000);
            settle(range, sums.source(), sums.target());
        }

        /**
         * Counts a checksummed range; when the checksums differ, finds its differing rows: small ranges
         * (and all once differences are dense) by comparing their rows, larger ones by merging the
         * keys and row hashes of both sides and then comparing only the rows of the keys that differ.
         */
        private void settle(KeyRange range, PushdownChecksum.Sum s, PushdownChecksum.Sum t) throws SQLException {
            sourceRows += s.count();
            targetRows += t.count();
            if (s.equals(t)) {
                return;
            }
            if (s.count() <= options.bisectRows() || dense || timeUp() || !keysFetchable()) {
                rowsOnly(range);
                return;
            }
            long rows = Math.max(s.count(), t.count());
            // the differing keys are held in memory: never more than a fifth of a chunk's worth, however
            // many rows the range holds (a side may hold far more rows in a range than the chunk was cut for)
            List<String[]> keys = differingKeys(range, Math.max(options.bisectRows(), Math.min(rows, options.chunkRows()) / 5));
            if (keys == null) {
                dense = true; // many rows of this range differ: reading its rows is cheaper than reading them by key
                rowsOnly(range);
                return;
            }
            if (keys.isEmpty()) {
                // the sums differed but no row hash does: the rows changed in between, or the two queries
                // hashed differently; either way only the rows themselves can say, so the range is not
                // called equal on the row hashes alone
                LOG.debug("{} {}: checksums differ, row hashes do not; comparing rows", plan.name(), range);
                rowsOnly(range);
                return;
            }
            if (keys.size() * 100L > rows) {
                dense = true; // over 1 % of rows differ: differences are everywhere, later ranges are read whole
            }
            long sr = sourceRows;
            long tr = targetRows;
            for (int from = 0; from < keys.size() && !timeUp(); from += FETCH_KEYS) {
                List<String[]> batch = keys.subList(from, Math.min(keys.size(), from + FETCH_KEYS));
                try (RowStream a = new RowStream(source.connection(), source.engine(), plan.source(), plan.sourceColumns(),
                        RowStream.selects(plan.sourceColumns(), kinds), kinds, plan.keyCount(), range, batch);
                     RowStream b = new RowStream(target.connection(), target.engine(), plan.target(), plan.targetColumns(),
                             RowStream.selects(plan.targetColumns(), kinds), kinds, plan.keyCount(), range, batch)) {
                    merge(a, b);
                }
            }
            sourceRows = sr;
            targetRows = tr;
        }

        /**
         * Whether rows can be read by their keys through the key's index: not when a key is text, which
         * MySQL and MariaDB match by collation (case-insensitive) where the comparison orders by bytes.
         */
        private boolean keysFetchable() {
            for (int i = 0; i < plan.keyCount(); i++) {
                if ((kinds[i] == ValueKind.TEXT || kinds[i] == ValueKind.CHAR || kinds[i] == ValueKind.JSON)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The keys of a range whose rows differ: on one side only, twice on a side, or with different
         * row hashes; from one ordered pass over both sides' keys and row hashes. Null when there are
         * more than {@code limit}.
         */
        private List<String[]> differingKeys(KeyRange range, long limit) {
            int k = plan.keyCount();
            ValueKind[] hashed = Arrays.copyOf(kinds, k + 1);
            hashed[k] = ValueKind.TEXT;
            List<String[]> keys = new ArrayList<>();
            long t0 = System.nanoTime();
            try (RowStream s = hashStream(source, plan.source(), plan.sourceColumns(), hashed, range);
                 RowStream t = hashStream(target, plan.target(), plan.targetColumns(), hashed, range)) {
                RowStream.Row a = s.next();
                RowStream.Row b = t.next();
                String[] lastSource = null;
                String[] lastTarget = null;
                while (a != null || b != null) {
                    String[] key;
                    if (a != null && lastSource != null && KeySql.compare(a.key(), lastSource, kinds, k) == 0) {
                        key = a.key();
                        a = s.next();
                    } else if (b != null && lastTarget != null && KeySql.compare(b.key(), lastTarget, kinds, k) == 0) {
                        key = b.key();
                        b = t.next();
                    } else {
                        int order = a == null ? 1 : b == null ? -1 : KeySql.compare(a.key(), b.key(), kinds, k);
                        key = order <= 0 ? a.key() : b.key();
                        boolean differs = order != 0 || !Arrays.equals(a.raw()[k], b.raw()[k]);
                        if (order <= 0) {
                            lastSource = a.key();
                            a = s.next();
                        }
                        if (order >= 0) {
                            lastTarget = b.key();
                            b = t.next();
                        }
                        if (!differs) {
                            continue;
                        }
                    }
                    if (keys.isEmpty() || KeySql.compare(keys.get(keys.size() - 1), key, kinds, k) != 0) {
                        keys.add(key);
                        if (keys.size() > limit) {
                            return null;
                        }
                    }
                }
                LOG.debug("{} {}: {} / {} row hashes merged, {} keys differ, in {} ms", plan.name(), range, s.count(),
                        t.count(), keys.size(), (System.nanoTime() - t0) / 1_000_000);
            }
            return keys;
        }

        private RowStream hashStream(Database side, TableRef table, List<String> columns, ValueKind[] hashed, KeyRange range) {
            List<String> selects = new ArrayList<>(RowStream.selects(columns.subList(0, plan.keyCount()), kinds));
            selects.add(PushdownChecksum.rowHash(hash(), columns, kinds, plan.keyCount()));
            return new RowStream(side.connection(), side.engine(), table, columns, selects, hashed, plan.keyCount(),
                    range, null);
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
                merge(s, t);
                LOG.debug("{} {}: {} / {} rows merged in {} ms", plan.name(), range, s.count(), t.count(),
                        (System.nanoTime() - t0) / 1_000_000);
            }
            if (trackPending && differences > before) {
                pending.add(range);
            }
        }

        /** Merges two streams of rows in key order, recording every difference, and counts their rows. */
        private void merge(RowStream s, RowStream t) {
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

        /**
         * The source's rows (those the row filter keeps), counted up to {@code limit}: whether a table is
         * small is decided on its rows, never on information_schema's estimate, which can be far off
         * (0 right after a bulk load, the old size after a mass delete). At most {@code limit} rows are read.
         */
        private long rowsUpTo(long limit) throws SQLException {
            TableRef table = plan.source();
            try (PreparedStatement ps = source.connection().prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM "
                    + Sql.qualified(table.database(), table.table())
                    + (table.filter() == null ? "" : " WHERE (" + table.filter() + ")") + " LIMIT " + limit + ") cdctest_rows");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }

        /** information_schema's estimate of the source's rows: only a hint for how to cut the table. */
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

        private TableComparison result() {
            Verdict verdict = !plan.comparable() || differences > 0 ? Verdict.DIFFERENT
                    : outOfTime ? Verdict.UNKNOWN : Verdict.EQUAL;
            return new TableComparison(plan.name(), verdict, sourceRows, targetRows, differences, List.copyOf(samples),
                    typeOnly, plan.problems(), method, List.copyOf(pending), plan,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
