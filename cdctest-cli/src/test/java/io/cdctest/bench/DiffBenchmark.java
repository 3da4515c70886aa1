package io.cdctest.bench;

import io.cdctest.check.DiffOptions;
import io.cdctest.check.TableComparison;
import io.cdctest.check.TableDiff;
import io.cdctest.env.EmbeddedMariaDb;
import io.cdctest.env.FileTrees;
import io.cdctest.generate.ColumnDef;
import io.cdctest.generate.ColumnGen;
import io.cdctest.generate.Generation;
import io.cdctest.generate.LoadMethod;
import io.cdctest.generate.TableCatalog;
import io.cdctest.generate.TableDef;
import io.cdctest.spec.Engine;
import io.cdctest.sql.JdbcEndpoint;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark program (not a test) of the consistency engine against peers measured in the same run:
 * CHECKSUM TABLE on both sides, the streaming floor (SELECT * ORDER BY pk read from both sides at
 * once), and pt-table-sync --print. Tables: narrow and all-types (cdc_test_base), equal, with 0.1 %
 * and with 10 % of rows differing. Run: {@code bench/diff [rows] [narrow|alltypes]}, e.g.
 * {@code bench/diff 1000000 narrow}; start the JVM with -Xmx512m to hold the heap goal.
 */
public final class DiffBenchmark {
    private static final long PT_TIMEOUT_SECONDS = 1800;

    private DiffBenchmark() {
    }

    static TableDef narrow() {
        return new TableDef("narrow", "bench", List.of(
                ColumnDef.fixed("id", "BIGINT", "NOT NULL", ColumnGen.of((r, row) -> row)),
                ColumnDef.of("a", "INT", "", ColumnGen.of((r, row) -> (long) r.nextInt())),
                ColumnDef.of("b", "VARCHAR(32)", "", ColumnGen.of((r, row) -> Long.toHexString(r.nextLong()))),
                ColumnDef.of("c", "DECIMAL(12,2)", "", ColumnGen.of((r, row) -> java.math.BigDecimal.valueOf(r.nextLong(1_000_000_00L), 2))),
                ColumnDef.of("d", "DATETIME", "", ColumnGen.of((r, row) -> "2024-01-01 00:00:00"))),
                List.of("id"), List.of(), "", (db, e) -> List.of(), 1);
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        TableDef table = args.length > 1 && args[1].equals("alltypes") ? TableCatalog.find("cdc_test_base").orElseThrow() : narrow();
        Path dir = Files.createTempDirectory("cdctest-diffbench-");
        List<String> options = List.of("--innodb-buffer-pool-size=3G", "--innodb-log-file-size=1G", "--skip-log-bin");
        try (EmbeddedMariaDb source = EmbeddedMariaDb.start("source", dir.resolve("s"), dir.resolve("s.log"), 71, options);
             EmbeddedMariaDb target = EmbeddedMariaDb.start("target", dir.resolve("t"), dir.resolve("t.log"), 72, options)) {
            System.out.printf(Locale.ROOT, "cdctest diff benchmark: %,d rows of %s (%d columns), 2 embedded MariaDB 11.4, %d cores, "
                            + "max heap %d MB%n", rows, table.name(), table.columns().size(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            long t0 = System.nanoTime();
            for (EmbeddedMariaDb db : List.of(source, target)) {
                new Generation(db.endpoint().withDatabase("bench"), Engine.MARIADB, new Generation.Options(List.of(table), rows,
                        1000, 2, 42, LoadMethod.LOAD_DATA, false, false, false, false)).run(Generation.Progress.NONE);
            }
            System.out.printf("loaded both sides in %.0f s%n%n", (System.nanoTime() - t0) / 1e9);
            System.out.printf("%-10s %-44s %10s %8s  %s%n", "STATE", "WHAT", "SECONDS", "RATIO", "RESULT");
            for (String[] state : new String[][] {{"equal", null}, {"0.1%", "id % 1000 = 7"}, {"10%", "id % 10 = 3"}}) {
                if (state[1] != null) {
                    try (Connection c = target.endpoint().withDatabase("bench").connect(); Statement st = c.createStatement()) {
                        st.executeUpdate("UPDATE " + table.name() + " SET " + changedColumn(table) + " WHERE " + state[1]);
                    }
                }
                round(state[0], source, target, table, state[0].equals("equal"));
            }
        } finally {
            FileTrees.delete(dir);
        }
    }

    private static String changedColumn(TableDef table) {
        String column = table.name().equals("narrow") ? "a" : "col_int_nn";
        return column + " = IF(" + column + " > 0, " + column + " - 1, " + column + " + 1)";
    }

    private static double base;
    private static long ptStatements;
    private static String ptError;

    private static void round(String state, EmbeddedMariaDb source, EmbeddedMariaDb target, TableDef table, boolean peers)
            throws Exception {
        if (peers) {
            double checksum = timed(() -> bothSides(source, target, c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CHECKSUM TABLE bench." + table.name());
                }
            }));
            print(state, "CHECKSUM TABLE, both sides at once", checksum, checksum, "");
            double floor = timed(() -> bothSides(source, target, c -> stream(c, table)));
            print(state, "streaming floor: SELECT * ORDER BY pk, both", floor, checksum, "");
            base = checksum;
        }
        for (DiffOptions.Mode mode : List.of(DiffOptions.Mode.PUSHDOWN, DiffOptions.Mode.JAVA)) {
            resetPeak();
            TableComparison[] result = new TableComparison[1];
            double seconds = timed(() -> {
                try (Connection s = source.endpoint().connect(); Connection t = target.endpoint().connect()) {
                    TableDiff.Database a = new TableDiff.Database(s, Engine.MARIADB);
                    TableDiff.Database b = new TableDiff.Database(t, Engine.MARIADB);
                    result[0] = new TableDiff(DiffOptions.DEFAULT.withMode(mode).withMaxDifferences(1000))
                            .compare(a, b, TableDiff.plan(a, "bench", b, "bench", table.name()));
                }
            });
            print(state, "cdctest " + mode.name().toLowerCase(Locale.ROOT), seconds, base,
                    result[0].summary() + ", heap peak " + peakHeapMb() + " MB");
        }
        double pt = ptTableSync(source, target, table);
        print(state, "pt-table-sync --print", pt, base, pt < 0 ? "did not finish in " + PT_TIMEOUT_SECONDS + " s"
                : ptError != null ? "failed (" + ptError + ")" : ptStatements + " statements printed");
    }

    private interface SideWork {
        void run(Connection c) throws Exception;
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double timed(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void bothSides(EmbeddedMariaDb source, EmbeddedMariaDb target, SideWork work) throws Exception {
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try (Connection c = target.endpoint().connect()) {
                work.run(c);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (Connection c = source.endpoint().connect()) {
            work.run(c);
        }
        other.join();
    }

    /** Reads every row in key order, touching every value's bytes: the least any row compare must do. */
    private static void stream(Connection c, TableDef table) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM bench." + table.name() + " ORDER BY id",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                long bytes = 0;
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        byte[] v = rs.getBytes(i);
                        bytes += v == null ? 0 : v.length;
                    }
                }
                if (bytes < 0) {
                    throw new IllegalStateException();
                }
            }
        }
    }

    /** Seconds of pt-table-sync --print between the two servers, or -1 when it ran out of time. */
    private static double ptTableSync(EmbeddedMariaDb source, EmbeddedMariaDb target, TableDef table) throws Exception {
        if (!new File("/usr/bin/pt-table-sync").canExecute()) {
            return Double.NaN;
        }
        JdbcEndpoint s = source.endpoint();
        JdbcEndpoint t = target.endpoint();
        List<String> command = new ArrayList<>(List.of("pt-table-sync", "--print", "--no-check-slave", "--no-check-triggers",
                "--databases", "bench", "--tables", table.name(),
                "h=127.0.0.1,P=" + s.port() + ",u=root", "h=127.0.0.1,P=" + t.port() + ",u=root"));
        Path out = Files.createTempFile("pt-table-sync", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long start = System.nanoTime();
        try {
            if (!p.waitFor(PT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> lines = Files.readAllLines(out, java.nio.charset.StandardCharsets.ISO_8859_1);
            ptStatements = lines.stream().filter(l -> l.startsWith("REPLACE") || l.startsWith("DELETE")
                    || l.startsWith("INSERT") || l.startsWith("UPDATE")).count();
            ptError = p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + lines.stream()
                    .filter(l -> !l.isBlank()).findFirst().orElse("").trim();
            return seconds;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void resetPeak() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    private static void print(String state, String what, double seconds, double base, String result) {
        String time = seconds < 0 ? "> " + PT_TIMEOUT_SECONDS : String.format(Locale.ROOT, "%.1f", seconds);
        String ratio = seconds < 0 || Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, "%.2fx", seconds / base);
        System.out.printf(Locale.ROOT, "%-10s %-44s %10s %8s  %s%n", state, what, time, ratio, result);
        System.out.flush();
    }
}
