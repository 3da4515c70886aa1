package io.cdctest.workload;

import io.cdctest.spec.Step;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs single-row INSERT, UPDATE and DELETE statements at a steady rate for a set time, on its own
 * thread. A scheduler paces them: a statement is due every 1/rate seconds from the start; when the
 * source is slower, statements run back to back and never more than are due, so the achieved rate
 * is what the source sustained. Kind and table are drawn by weight from a seeded random sequence.
 * Each statement's latency goes into a histogram. Nothing is kept per statement.
 */
public final class WorkloadDriver implements AutoCloseable {

    public enum Kind { INSERT, UPDATE, DELETE }

    /** Runs one statement of a kind on a table; returns the rows it changed. */
    @FunctionalInterface
    public interface Statements {
        long run(Kind kind, String table) throws SQLException;

        /** Generated rows through the source writer: one new key, or one existing key updated or deleted. */
        static Statements of(SourceWriter writer) {
            return (kind, table) -> switch (kind) {
                case INSERT -> writer.insert(table, 1, 1);
                case UPDATE -> writer.update(table, 1);
                case DELETE -> writer.delete(table, 1);
            };
        }
    }

    /**
     * What a run did.
     *
     * @param byKind  statements per {@link Kind}, in its order
     * @param latency statement latencies in microseconds
     * @param error   the statement failure that ended the run early, if any
     */
    public record Result(long statements, long[] byKind, long rows, Duration elapsed, Histogram latency,
                         Optional<Exception> error) {
        /** Statements per second over the run. */
        public double rate() {
            return elapsed.isZero() ? 0 : statements / (elapsed.toNanos() / 1e9);
        }

        public long count(Kind kind) {
            return byKind[kind.ordinal()];
        }
    }

    private final Statements statements;
    private final List<String> tables;
    private final Step.Workload.Mix mix;
    private final SplittableRandom random;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "workload");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch done = new CountDownLatch(1);
    private final Histogram latency = new Histogram(3);
    private final long[] byKind = new long[Kind.values().length];
    private volatile long count;
    private long rows;
    private long startNanos;
    private long deadlineNanos;
    private volatile long endNanos;
    private volatile boolean stopping;
    private volatile ScheduledFuture<?> pacer;
    private volatile Exception error;

    public WorkloadDriver(Statements statements, List<String> tables, Step.Workload.Mix mix, long seed) {
        if (tables.isEmpty() || mix.total() <= 0) {
            throw new IllegalArgumentException("a workload needs a table and a weight above 0");
        }
        this.statements = statements;
        this.tables = List.copyOf(tables);
        this.mix = mix;
        this.random = new SplittableRandom(seed);
    }

    /** Starts issuing statements; returns at once. */
    public void start(double rate, Duration duration) {
        long period = Math.max(1, Math.round(1e9 / rate));
        startNanos = System.nanoTime();
        deadlineNanos = startNanos + duration.toNanos();
        pacer = executor.scheduleAtFixedRate(this::next, 0, period, TimeUnit.NANOSECONDS);
        executor.schedule(this::finish, duration.toNanos(), TimeUnit.NANOSECONDS);
        if (done.getCount() == 0) {
            pacer.cancel(false);
        }
    }

    /** Waits until the run ended (its time is up, it was stopped, or a statement failed); false on timeout. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Ends the run after the statement in progress. */
    public void stop() {
        stopping = true;
        try {
            executor.execute(this::finish);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed already: nothing runs any more
        }
    }

    /** Statements run so far. */
    public long statements() {
        return count;
    }

    /** Time since the start. */
    public Duration elapsed() {
        long end = done.getCount() == 0 ? endNanos : System.nanoTime();
        return Duration.ofNanos(end - startNanos);
    }

    /** What the run did; call after it ended. */
    public Result result() {
        if (done.getCount() != 0) {
            throw new IllegalStateException("the workload is still running");
        }
        return new Result(count, byKind.clone(), rows, Duration.ofNanos(endNanos - startNanos), latency.copy(),
                Optional.ofNullable(error));
    }

    /** One due statement (on the driver's thread). */
    private void next() {
        long begin = System.nanoTime();
        if (done.getCount() == 0) {
            return;
        }
        if (stopping || begin >= deadlineNanos) {
            finish();
            return;
        }
        Kind kind = pick();
        String table = tables.get(tables.size() == 1 ? 0 : random.nextInt(tables.size()));
        try {
            rows += statements.run(kind, table);
        } catch (SQLException | RuntimeException e) {
            error = e;
            finish();
            return;
        }
        latency.recordValue(Math.max(1, (System.nanoTime() - begin) / 1000));
        byKind[kind.ordinal()]++;
        count++;
    }

    private Kind pick() {
        int r = random.nextInt(mix.total());
        return r < mix.insert() ? Kind.INSERT : r < mix.insert() + mix.update() ? Kind.UPDATE : Kind.DELETE;
    }

    /** Ends the run (on the driver's thread, so never during a statement). */
    private void finish() {
        if (done.getCount() == 0) {
            return;
        }
        endNanos = System.nanoTime();
        ScheduledFuture<?> p = pacer;
        if (p != null) {
            p.cancel(false);
        }
        done.countDown();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
