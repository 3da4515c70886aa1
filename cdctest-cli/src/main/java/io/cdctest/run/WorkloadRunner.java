package io.cdctest.run;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.generate.TableCatalog;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.spec.Step;
import io.cdctest.sql.Sql;
import io.cdctest.workload.SourceWriter;
import io.cdctest.workload.WorkloadDriver;
import io.cdctest.workload.WriteLog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Carries out {@code workload} steps: a {@link WorkloadDriver} writes mixed DML on the source at
 * the step's rate while, every {@code check_every}, a checker looks at the pipeline's health (a
 * component that breaks ends the step at once, naming it), samples the harness's heap and asks how
 * far behind the pipeline is. Afterwards the touched tables are snapshotted into the key history,
 * so the next {@code validate_sync} and the Kafka audit know every key's final version. The step
 * fails when the source sustained less than {@link #KEEP_UP} of the target rate.
 */
final class WorkloadRunner {
    /** The share of the target rate the source must sustain. */
    static final double KEEP_UP = 0.9;
    /** How long past its duration a workload may take to end (a statement in progress) before it counts as hung. */
    private static final Duration GRACE = Duration.ofSeconds(60);

    private final Pipeline pipeline;
    private final SourceWriter writer;
    private final WriteLog log;
    private final List<String> replicated;
    private final Duration checkInterval;
    private final long seed;
    private final Console console;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private int runs;

    /**
     * @param replicated    the tables a workload without {@code tables} writes to
     * @param checkInterval the checks' interval when the step gives no {@code check_every}
     */
    WorkloadRunner(Pipeline pipeline, SourceWriter writer, WriteLog log, List<String> replicated, Duration checkInterval,
                   long seed, Console console) {
        this.pipeline = pipeline;
        this.writer = writer;
        this.log = log;
        this.replicated = replicated;
        this.checkInterval = checkInterval;
        this.seed = seed;
        this.console = console;
    }

    /** What the checker saw while the workload ran (written by the checker thread). */
    private static final class Watch {
        volatile String broken;
        volatile String behind;
        volatile long peakHeap;
        volatile RuntimeException error;
    }

    /**
     * Runs the step; returns its figures.
     *
     * @param snapshot records a table's current source rows in the key history
     */
    String run(Step.Workload step, Consumer<String> snapshot) {
        List<String> tables = tables(step);
        Duration every = step.checkEvery() != null ? step.checkEvery() : checkInterval;
        long heapBefore = heapAfterGc();
        Watch watch = new Watch();
        watch.peakHeap = heapBefore;
        WorkloadDriver.Result result;
        ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workload-check");
            t.setDaemon(true);
            return t;
        });
        try (WorkloadDriver driver = new WorkloadDriver(WorkloadDriver.Statements.of(writer), tables, step.mix(),
                seed + 31L * runs++)) {
            driver.start(step.rate(), step.duration());
            checker.scheduleWithFixedDelay(() -> check(driver, watch), every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
            if (!driver.awaitDone(step.duration().plus(GRACE))) {
                driver.stop();
                throw new CdctestException(ExitCode.FAILED, "the workload did not end " + Console.seconds(GRACE)
                        + " after its " + Console.seconds(step.duration()) + ": a statement on the source hangs ("
                        + driver.statements() + " statements done)");
            }
            result = driver.result();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdctestException(ExitCode.FAILED, "interrupted during the workload");
        } finally {
            checker.shutdownNow();
        }
        String failure = failure(result, watch);
        snapshot(tables, snapshot, failure != null);
        if (failure != null) {
            throw new CdctestException(ExitCode.FAILED, failure);
        }
        String figures = figures(step, tables, result, heapBefore, heapAfterGc(), watch);
        if (result.rate() < KEEP_UP * step.rate()) {
            throw new CdctestException(ExitCode.FAILED, String.format(Locale.ROOT, "the source did not keep up: "
                    + "%.1f statements/s achieved, below %.0f %% of the %s/s target: %s", result.rate(), KEEP_UP * 100,
                    plain(step.rate()), figures));
        }
        return figures;
    }

    private List<String> tables(Step.Workload step) {
        List<String> tables = step.tables() != null ? step.tables() : replicated;
        if (tables.isEmpty()) {
            throw CdctestException.config("workload: no table to write (the scenario replicates none)");
        }
        for (String table : tables) {
            if (replicated.stream().noneMatch(table::equalsIgnoreCase)) {
                throw CdctestException.config("workload: " + table + " is not a replicated table (replicated: "
                        + String.join(", ", replicated) + ")");
            }
            if (TableCatalog.find(table).isEmpty()) {
                throw CdctestException.config("workload: " + table + " is not a generator table (known: "
                        + String.join(", ", TableCatalog.names()) + ")");
            }
        }
        return tables;
    }

    /** One look while the workload runs (on the checker thread; never touches the source connection). */
    private void check(WorkloadDriver driver, Watch watch) {
        try {
            Optional<String> broken = pipeline.failure();
            if (broken.isPresent()) {
                watch.broken = broken.get();
                driver.stop();
                return;
            }
            long heap = memory.getHeapMemoryUsage().getUsed();
            watch.peakHeap = Math.max(watch.peakHeap, heap);
            watch.behind = Pipeline.CatchUp.of(pipeline).behind(log.lastWrite()).orElse(null);
            double seconds = driver.elapsed().toNanos() / 1e9;
            console.progress(String.format(Locale.ROOT, "workload %,d statements in %.0f s (%.1f/s), heap used %d MB%s",
                    driver.statements(), seconds, seconds == 0 ? 0 : driver.statements() / seconds, heap >> 20,
                    watch.behind == null ? "" : ", pipeline behind: " + watch.behind));
        } catch (RuntimeException e) {
            watch.error = e;
            driver.stop();
        }
    }

    /** Why the step failed before its rate is judged, or null. */
    private static String failure(WorkloadDriver.Result result, Watch watch) {
        String after = " after " + result.statements() + " statements in " + Console.seconds(result.elapsed());
        if (watch.broken != null) {
            return "the pipeline broke during the workload" + after + ": " + watch.broken;
        }
        if (result.error().isPresent()) {
            Exception e = result.error().get();
            return "a workload statement failed on the source" + after + ": "
                    + (e instanceof SQLException s ? Sql.firstLine(s) : e.toString());
        }
        if (watch.error != null) {
            return "checking the pipeline during the workload failed" + after + ": " + watch.error;
        }
        return null;
    }

    /** Records the written tables' rows; after a failure, a source that cannot be read does not hide it. */
    private static void snapshot(List<String> tables, Consumer<String> snapshot, boolean failed) {
        try {
            tables.forEach(snapshot);
        } catch (RuntimeException e) {
            if (!failed) {
                throw e;
            }
        }
    }

    /**
     * "1,000 statements in 20.0 s (50.0/s of 50/s target; insert 503, update 345, delete 152) on t1, t2,
     * latency p50 1.2 ms p99 8.0 ms max 21 ms, heap after GC 80→82 MB (peak used 150 MB)".
     */
    private static String figures(Step.Workload step, List<String> tables, WorkloadDriver.Result r, long heapBefore,
                                  long heapAfter, Watch watch) {
        return String.format(Locale.ROOT, "%,d statements in %s (%.1f/s of %s/s target; insert %,d, update %,d, "
                        + "delete %,d; %,d rows changed) on %s, latency p50 %s p99 %s max %s, heap after GC %d→%d MB "
                        + "(peak used %d MB)%s", r.statements(), Console.seconds(r.elapsed()), r.rate(), plain(step.rate()),
                r.count(WorkloadDriver.Kind.INSERT), r.count(WorkloadDriver.Kind.UPDATE), r.count(WorkloadDriver.Kind.DELETE),
                r.rows(), String.join(", ", tables), millis(r, 50), millis(r, 99), millis(r, 100), heapBefore >> 20,
                heapAfter >> 20, watch.peakHeap >> 20, watch.behind == null ? "" : "; pipeline behind at the last check: "
                        + watch.behind);
    }

    /** A latency percentile: "0.84 ms", "8.1 ms", "120 ms"; "-" without statements. */
    private static String millis(WorkloadDriver.Result r, double percentile) {
        if (r.latency().getTotalCount() == 0) {
            return "-";
        }
        double ms = (percentile >= 100 ? r.latency().getMaxValue() : r.latency().getValueAtPercentile(percentile)) / 1000.0;
        return String.format(Locale.ROOT, ms < 1 ? "%.2f ms" : ms < 10 ? "%.1f ms" : "%.0f ms", ms);
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) value)
                : Double.toString(value);
    }

    /** The harness's heap in use after a full collection (called before and after a workload, not during it). */
    private long heapAfterGc() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
