package io.cdctest.bench;

import io.cdctest.check.DiffOptions;
import io.cdctest.check.TableComparison;
import io.cdctest.check.TableDiff;
import io.cdctest.env.FileTrees;
import io.cdctest.generate.Generation;
import io.cdctest.generate.LoadMethod;
import io.cdctest.generate.TableCatalog;
import io.cdctest.generate.TableDef;
import io.cdctest.spec.Engine;
import io.cdctest.sql.JdbcEndpoint;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Benchmark program (not a test) of the consistency engine against the engine's own checksum and the
 * peers users would pick instead, all measured in the same run on the same pair of servers (two
 * MariaDB servers on 127.0.0.1: the machine's mariadbd, else cdctest's embedded one):
 * <ul>
 *   <li>{@code CHECKSUM TABLE} on both sides at once (the practical limit) and the streaming floor
 *       ({@code SELECT * ORDER BY id} read from both sides at once);</li>
 *   <li>the comparison as {@code validate_sync} runs it inside a run (in this JVM, no start-up): a
 *       table's first, full comparison, and a later check after 1,000 keys were written;</li>
 *   <li>{@code cdctest diff} as a process in auto, pushdown and java mode (whole-process wall time,
 *       heap capped at 512 MB);</li>
 *   <li>sync-diff-inspector, pt-table-sync --print and reladiff, when on the PATH (else skipped, saying why).</li>
 * </ul>
 * States: equal; 0.1 % of rows differing clustered, 0.1 % spread out, 10 % (narrow); equal and 18
 * single-column changes of different types (wide, {@code cdc_test_base}). Each figure is the median of
 * {@code --runs} runs, and each tool's answer is checked against the planted rows.
 * Run: {@code bench/diff [rows] [narrow|wide] [--runs N] [--states equal,...] [--skip peer,...]}.
 */
public final class DiffBenchmark {
    private static final int DEFAULT_RUNS = 3;

    private final Path home;
    private final BenchMariaDb source;
    private final BenchMariaDb target;
    private final String table;
    private final List<String> keys;
    private final List<String> columns;
    private final int runs;
    private final Path work;
    private final List<DiffPeers.Peer> peers;
    private double checksumSeconds = Double.NaN;
    private final Map<String, Map<String, Double>> medians = new LinkedHashMap<>();

    private DiffBenchmark(Path home, BenchMariaDb source, BenchMariaDb target, String table, List<String> columns,
                          int runs, Path work, List<DiffPeers.Peer> peers) {
        this.home = home;
        this.source = source;
        this.target = target;
        this.table = table;
        this.keys = List.of("id");
        this.columns = columns;
        this.runs = runs;
        this.work = work;
        this.peers = peers;
    }

    /** A state of the target: its name, the statement that makes it (none: equal), the rows it changes. */
    record State(String name, List<String> statements, long planted) {
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        int runs = DEFAULT_RUNS;
        List<String> onlyStates = null;
        List<String> skip = new ArrayList<>();
        String matrixOne = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--matrixone" -> matrixOne = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--states" -> onlyStates = Arrays.asList(args[++i].split(","));
                case "--skip" -> skip.addAll(Arrays.asList(args[++i].split(",")));
                default -> positional.add(args[i]);
            }
        }
        long rows = positional.size() > 0 ? Long.parseLong(positional.get(0).replace("_", "")) : 1_000_000;
        boolean wide = positional.size() > 1 && (positional.get(1).equals("wide") || positional.get(1).equals("alltypes"));
        Path home = Path.of(System.getProperty("cdctest.home", "."));
        Path dir = Files.createTempDirectory("cdctest-diffbench-");
        List<DiffPeers.Peer> peers = new ArrayList<>();
        for (DiffPeers.Peer p : List.of(DiffPeers.syncDiff(), DiffPeers.ptTableSync(), DiffPeers.reladiff())) {
            if (skip.stream().anyMatch(s -> p.name().startsWith(s))) {
                System.out.println("skipped: " + p.name() + " (--skip)");
            } else if (p.skipped().isPresent()) {
                System.out.println("skipped: " + p.name() + ": " + p.skipped().get());
            } else {
                peers.add(p);
            }
        }
        try (BenchMariaDb s = BenchMariaDb.start("source", dir, 71); BenchMariaDb t = BenchMariaDb.start("target", dir, 72)) {
            System.out.printf(Locale.ROOT, "cdctest diff benchmark: %,d rows, %s table, 2 x MariaDB %s on 127.0.0.1, %d cores, "
                            + "bench JVM max heap %d MB, medians of %d runs%n", rows, wide ? "wide" : "narrow", s.version(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, runs);
            long t0 = System.nanoTime();
            List<String> columns = wide ? load(s, t, rows) : loadNarrow(s, t, rows);
            System.out.printf(Locale.ROOT, "loaded both sides in %.0f s%n", (System.nanoTime() - t0) / 1e9);
            DiffBenchmark bench = new DiffBenchmark(home, s, t, wide ? "cdc_test_base" : "narrow", columns, runs, dir, peers);
            List<State> states = wide ? bench.wideStates() : narrowStates(rows);
            System.out.printf("%n%-10s %-38s %9s %8s  %s%n", "STATE", "WHAT", "SECONDS", "RATIO", "RESULT");
            for (State state : states) {
                if (onlyStates == null || onlyStates.contains(state.name())) {
                    bench.state(state, bench.target, DiffPeers.Db.mariadb(t.port()), true);
                }
            }
            if (matrixOne != null && !wide) {
                bench.matrixOne(matrixOne);
            }
            bench.verdicts();
        } finally {
            try {
                FileTrees.delete(dir);
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("could not delete " + dir + ": " + e);
            }
        }
    }

    // ---------------------------------------------------------------- data

    /** {@code (id BIGINT PK, a INT, b VARCHAR(32), c DECIMAL(12,2), d DATETIME)}, 2 % NULLs in b, c and d. */
    private static List<String> loadNarrow(BenchMariaDb s, BenchMariaDb t, long rows) throws Exception {
        List<CompletableFuture<Void>> loads = new ArrayList<>();
        for (BenchMariaDb db : List.of(s, t)) {
            loads.add(CompletableFuture.runAsync(() -> {
                try (Connection c = db.endpoint().connect(); Statement st = c.createStatement()) {
                    st.execute("CREATE DATABASE bench");
                    st.execute("CREATE TABLE bench.narrow (id BIGINT NOT NULL PRIMARY KEY, a INT, b VARCHAR(32), "
                            + "c DECIMAL(12,2), d DATETIME)");
                    for (long from = 1; from <= rows; from += 1_000_000) {
                        long to = Math.min(rows, from + 999_999);
                        st.execute("INSERT INTO bench.narrow SELECT seq, CAST(CRC32(seq) AS SIGNED) - 2147483648, "
                                + "IF(seq % 50 = 1, NULL, HEX(CRC32(seq * 7) * 1000003)), "
                                + "IF(seq % 50 = 2, NULL, (CRC32(seq * 3) % 100000000) / 100), "
                                + "IF(seq % 50 = 3, NULL, TIMESTAMP('2024-01-01') + INTERVAL (CRC32(seq * 5) % 100000000) SECOND) "
                                + "FROM bench.seq_" + from + "_to_" + to);
                    }
                    st.execute("ANALYZE TABLE bench.narrow");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        loads.forEach(CompletableFuture::join);
        return List.of("a", "b", "c", "d");
    }

    /** {@code cdc_test_base} from the generator, the same seed on both sides. */
    private static List<String> load(BenchMariaDb s, BenchMariaDb t, long rows) throws Exception {
        TableDef def = TableCatalog.find("cdc_test_base").orElseThrow();
        for (BenchMariaDb db : List.of(s, t)) {
            new Generation(db.endpoint().withDatabase("bench"), Engine.MARIADB, new Generation.Options(List.of(def), rows,
                    1000, 2, 42, LoadMethod.LOAD_DATA, false, false, false, false)).run(Generation.Progress.NONE);
            try (Connection c = db.endpoint().connect(); Statement st = c.createStatement()) {
                st.execute("ANALYZE TABLE bench.cdc_test_base");
            }
        }
        return def.columns().stream().map(c -> c.name()).filter(n -> !n.equals("id")).toList();
    }

    /** The change every narrow state makes to column a: its own inverse, so the next state starts equal. */
    private static final String FLIP = "UPDATE bench.narrow SET a = IF(a % 2 = 0, a + 1, a - 1) WHERE ";

    private static List<State> narrowStates(long rows) {
        long perMille = rows / 1000;
        long middle = rows / 2;
        return List.of(new State("equal", List.of(), 0),
                new State("0.1% clustered", List.of(FLIP + "id BETWEEN " + middle + " AND " + (middle + perMille - 1)), perMille),
                new State("0.1% spread", List.of(FLIP + "id % 1000 = 7"), rows / 1000),
                new State("10%", List.of(FLIP + "id % 10 = 3"), rows / 10));
    }

    /** Equal, then 18 rows each with one column changed by the least that matters for its type. */
    private List<State> wideStates() throws Exception {
        String[][] changes = {
            {"col_int", "", "IF(col_int > 0, col_int - 1, col_int + 1)"},
            {"col_bigint_unsigned", "", "IF(col_bigint_unsigned > 0, col_bigint_unsigned - 1, 1)"},
            {"col_decimal", "", "IF(col_decimal > 0, col_decimal - 0.01, col_decimal + 0.01)"},
            {"col_decimal_wide", "", "IF(col_decimal_wide > 0, col_decimal_wide - 0.0000000001, col_decimal_wide + 0.0000000001)"},
            {"col_float", "AND ABS(col_float) BETWEEN 1 AND 1e6", "col_float * 1.01"},
            {"col_double", "AND ABS(col_double) BETWEEN 1 AND 1e12", "col_double * (1 + 1e-9)"},
            {"col_bit", "", "col_bit ^ 1"},
            {"col_char", "AND CHAR_LENGTH(col_char) > 1 AND col_char REGEXP '^[a-z]+$'",
                "CONCAT(LEFT(col_char, CHAR_LENGTH(col_char) - 1), IF(RIGHT(col_char, 1) = 'a', 'b', 'a'))"},
            {"col_varchar", "AND col_varchar REGEXP '^[a-z]+$'", "UPPER(col_varchar)"},
            {"col_varchar", "AND CHAR_LENGTH(col_varchar) < 200 AND col_varchar REGEXP '^[a-z]+$'", "CONCAT(col_varchar, ' ')"},
            {"col_text", "AND col_text IS NULL", "''"},
            {"col_varchar_null", "AND CHAR_LENGTH(col_varchar_null) = 0", "NULL"},
            {"col_enum", "", "IF(col_enum = 'A', 'B', 'A')"},
            {"col_binary", "", "UNHEX(CONCAT(LEFT(HEX(col_binary), 30), IF(RIGHT(HEX(col_binary), 2) = '00', '01', '00')))"},
            {"col_json", "AND JSON_TYPE(col_json) = 'OBJECT'", "JSON_SET(col_json, '$.cdctest', 1)"},
            {"col_datetime6", "AND col_datetime6 < '9999-01-01'", "col_datetime6 + INTERVAL 1 MICROSECOND"},
            {"col_timestamp", "AND col_timestamp < '2038-01-01'", "col_timestamp + INTERVAL 1000 MICROSECOND"},
            {"col_date", "AND col_date < '9999-01-01'", "col_date + INTERVAL 1 DAY"},
        };
        List<String> statements = new ArrayList<>();
        long max;
        try (Connection c = source.endpoint().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(id) FROM bench.cdc_test_base")) {
            rs.next();
            max = rs.getLong(1);
        }
        try (Connection c = source.endpoint().connect()) {
            for (int i = 0; i < changes.length; i++) {
                String[] ch = changes[i];
                long from = max * i / changes.length;
                String condition = (ch[1].isEmpty() ? ch[0] + " IS NOT NULL" : ch[1].equals("AND col_text IS NULL")
                        ? "col_text IS NULL" : ch[0] + " IS NOT NULL " + ch[1]);
                try (PreparedStatement ps = c.prepareStatement("SELECT MIN(id) FROM bench.cdc_test_base WHERE id > ? AND "
                        + condition)) {
                    ps.setLong(1, from);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getString(1) == null) {
                            throw new IllegalStateException("no row for " + ch[0] + " " + ch[1]);
                        }
                        statements.add("UPDATE bench.cdc_test_base SET " + ch[0] + " = " + ch[2] + " WHERE id = " + rs.getLong(1));
                    }
                }
            }
        }
        return List.of(new State("equal", List.of(), 0), new State("18 columns", statements, changes.length));
    }

    // ---------------------------------------------------------------- measuring

    /**
     * The equal narrow table against a MatrixOne ({@code user:password@127.0.0.1:port}): copied into a
     * database of its own there, compared, and dropped.
     */
    private void matrixOne(String spec) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^:@]+):([^@]*)@127\\.0\\.0\\.1:(\\d+)").matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("--matrixone user:password@127.0.0.1:port, got " + spec);
        }
        String database = "cdctest_bench_" + ProcessHandle.current().pid();
        JdbcEndpoint mo = io.cdctest.sql.EndpointUrl.parse("matrixone", "matrixone://" + m.group(1) + "@127.0.0.1:" + m.group(3)
                + "/" + database, "PASSWORD", Map.of("PASSWORD", m.group(2)));
        BenchMariaDb moServer = new BenchMariaDb() {
            @Override
            public JdbcEndpoint endpoint() {
                return mo.withDatabase(null);
            }

            @Override
            public int port() {
                return mo.port();
            }

            @Override
            public String version() {
                return BenchMariaDb.version(mo.withDatabase(null));
            }

            @Override
            public void close() {
            }
        };
        try (Connection c = mo.withDatabase(null).connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
            st.execute("CREATE TABLE " + database + ".narrow (id BIGINT NOT NULL PRIMARY KEY, a INT, b VARCHAR(32), "
                    + "c DECIMAL(12,2), d DATETIME)");
        }
        try {
            long t0 = System.nanoTime();
            try (Connection s = source.endpoint().connect(); Connection c = mo.connect();
                 PreparedStatement read = s.prepareStatement("SELECT * FROM bench.narrow ORDER BY id",
                         ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                 PreparedStatement write = c.prepareStatement("INSERT INTO narrow VALUES (?, ?, ?, ?, ?)")) {
                read.setFetchSize(Integer.MIN_VALUE);
                try (ResultSet rs = read.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        for (int i = 1; i <= 5; i++) {
                            write.setString(i, rs.getString(i));
                        }
                        write.addBatch();
                        if (++n % 5000 == 0) {
                            write.executeBatch();
                        }
                    }
                    write.executeBatch();
                }
            }
            System.out.printf(Locale.ROOT, "%ncopied the narrow table to MatrixOne %s (database %s) in %.0f s%n",
                    moServer.version(), database, (System.nanoTime() - t0) / 1e9);
            state(new State("MatrixOne", List.of(), 0), moServer,
                    new DiffPeers.Db("matrixone", mo.port(), m.group(1), m.group(2), database), false);
        } finally {
            try (Connection c = mo.withDatabase(null).connect(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private void state(State state, BenchMariaDb targetServer, DiffPeers.Db targetDb, boolean sameEngine) throws Exception {
        try (Connection c = targetServer.endpoint().connect(); Statement st = c.createStatement()) {
            for (String s : state.statements()) {
                if (st.executeUpdate(s) < 1) {
                    throw new IllegalStateException("changed nothing: " + s);
                }
            }
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        medians.put(state.name(), figures);
        if (state.planted() == 0 && sameEngine) {
            double checksum = median(() -> bothSides(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CHECKSUM TABLE bench." + table);
                }
            }));
            checksumSeconds = checksum;
            print(state, "CHECKSUM TABLE, both sides at once", checksum, "");
            figures.put("checksum", checksum);
            figures.put("floor", measure(state, "streaming floor, both sides at once", () -> bothSides(this::stream), ""));
        }
        // validate_sync's comparison: in this JVM, connections open, no start-up
        for (DiffOptions.Mode mode : sameEngine ? List.of(DiffOptions.Mode.AUTO, DiffOptions.Mode.JAVA)
                : List.of(DiffOptions.Mode.AUTO)) {
            TableComparison[] result = new TableComparison[1];
            long[] heap = new long[1];
            double seconds = median(() -> {
                resetPeak();
                try (Connection s = source.endpoint().connect(); Connection t = targetServer.endpoint().connect()) {
                    JdbcEndpoint se = source.endpoint().withDatabase(null);
                    JdbcEndpoint te = targetServer.endpoint().withDatabase(null);
                    TableDiff.Database a = new TableDiff.Database(s, Engine.MARIADB, false, se::connect);
                    TableDiff.Database b = new TableDiff.Database(t, sameEngine ? Engine.MARIADB : Engine.MATRIXONE, false,
                            te::connect);
                    result[0] = new TableDiff(DiffOptions.DEFAULT.withMode(mode))
                            .compare(a, b, TableDiff.plan(a, "bench", b, targetDb.database(), table));
                }
                heap[0] = Math.max(heap[0], peakHeapMb());
            });
            String what = "in-process (validate_sync), " + (mode == DiffOptions.Mode.AUTO ? "auto" : "java");
            print(state, what, seconds, judge(state, result[0].differences()) + ", " + result[0].method().id()
                    + ", heap peak " + heap[0] + " MB");
            figures.put(what, seconds);
        }
        if (state.planted() == 0 && sameEngine) {
            figures.put(LATER, laterCheck(state));
        }
        List<DiffPeers.Peer> all = new ArrayList<>();
        for (String mode : sameEngine ? List.of("auto", "pushdown", "java") : List.of("auto")) {
            all.add(DiffPeers.cdctest(home, mode));
        }
        all.addAll(peers);
        DiffPeers.Target t = new DiffPeers.Target(DiffPeers.Db.mariadb(source.port()), targetDb, table, keys, columns, work);
        for (DiffPeers.Peer peer : all) {
            List<DiffPeers.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                outcomes.add(peer.run(t));
            }
            outcomes.sort((x, y) -> Double.compare(x.seconds(), y.seconds()));
            DiffPeers.Outcome median = outcomes.get(outcomes.size() / 2);
            String answer = median.failed() ? "failed, " : median.found() < 0 ? "" : judge(state, median.found()) + ", ";
            print(state, peer.name(), median.seconds(), answer + median.note());
            figures.put(peer.name(), median.failed() ? Double.NaN : median.seconds());
        }
        try (Connection c = targetServer.endpoint().connect(); Statement st = c.createStatement()) {
            if (table.equals("narrow")) {
                for (String s : state.statements()) {
                    st.executeUpdate(s); // the flip is its own inverse
                }
            }
        }
    }

    private static final String LATER = "in-process (validate_sync), later check";
    /** Keys the harness writes between two checks in the later-check figure. */
    private static final int WRITTEN = 1_000;

    /**
     * {@code validate_sync}'s later checks of a table it compared fully before (IncrementalCheck): one
     * full comparison, then per run {@link #WRITTEN} keys spread over the table written on both sides
     * (a column flipped and flipped back, not timed) and handed over as the key history would, then
     * the timed check.
     */
    private double laterCheck(State state) throws Exception {
        String column = table.equals("narrow") ? "a" : "col_int";
        long max;
        try (Connection c = source.endpoint().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(id) FROM bench." + table)) {
            rs.next();
            max = rs.getLong(1);
        }
        long step = Math.max(1, max / WRITTEN);
        String flip = "UPDATE bench." + table + " SET " + column + " = IF(" + column + " % 2 = 0, " + column + " + 1, "
                + column + " - 1) WHERE id % " + step + " = 1 AND id <= " + step * WRITTEN;
        List<io.cdctest.check.RowKey> keys = new ArrayList<>();
        for (long id = 1; id <= step * WRITTEN && id <= max; id += step) {
            keys.add(io.cdctest.check.RowKey.of(List.of("id"), new String[] {String.valueOf(id)}));
        }
        try (Connection s = source.endpoint().connect(); Connection t = target.endpoint().connect()) {
            JdbcEndpoint se = source.endpoint().withDatabase(null);
            JdbcEndpoint te = target.endpoint().withDatabase(null);
            TableDiff.Database a = new TableDiff.Database(s, Engine.MARIADB, false, se::connect);
            TableDiff.Database b = new TableDiff.Database(t, Engine.MARIADB, false, te::connect);
            var plan = TableDiff.plan(a, "bench", b, "bench", table);
            var check = new io.cdctest.check.IncrementalCheck(new TableDiff(DiffOptions.DEFAULT), true);
            check.compare(a, b, plan);
            double[] times = new double[runs];
            TableComparison result = null;
            for (int i = 0; i < runs; i++) {
                bothSides(c -> {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate(flip);
                    }
                });
                check.written(plan, keys);
                long start = System.nanoTime();
                result = check.compare(a, b, plan);
                times[i] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(times);
            print(state, LATER.substring("in-process ".length()), times[runs / 2], judge(state, result.differences())
                    + ", " + result.method().id() + ", " + keys.size() + " keys written since the full check");
            return times[runs / 2];
        }
    }

    /** "found 1,000 of 1,000 rows" or "0 rows (equal)". */
    private static String judge(State state, long found) {
        if (state.planted() == 0) {
            return found == 0 ? "equal" : "WRONG: " + found + " rows reported on equal tables";
        }
        return String.format(Locale.ROOT, "%s%,d of %,d rows", found == state.planted() ? "found " : "WRONG: reported ",
                found, state.planted());
    }

    private void verdicts() {
        System.out.println();
        for (var e : medians.entrySet()) {
            Map<String, Double> f = e.getValue();
            Optional<Map.Entry<String, Double>> fastestPeer = f.entrySet().stream()
                    .filter(x -> peers.stream().anyMatch(p -> p.name().equals(x.getKey())) && !x.getValue().isNaN())
                    .min(Map.Entry.comparingByValue());
            for (String mode : List.of("auto", "pushdown", "java")) {
                Double mine = f.get("cdctest diff --mode " + mode);
                if (mine == null || mine.isNaN()) {
                    continue;
                }
                String against = fastestPeer.map(p -> String.format(Locale.ROOT, "%s %.2f s: %s", p.getKey(), p.getValue(),
                        mine < p.getValue() ? "faster, " + String.format(Locale.ROOT, "%.2fx", p.getValue() / mine) : "SLOWER"))
                        .orElse("no peer ran");
                System.out.printf(Locale.ROOT, "%-16s cdctest --mode %-8s %6.2f s; fastest peer %s%n", e.getKey(), mode, mine,
                        against);
            }
            Double later = f.get(LATER);
            if (f.containsKey("checksum") && later != null) {
                System.out.printf(Locale.ROOT, "%-16s validate_sync's later check %.2f s = %.2fx CHECKSUM TABLE (%.2f s)%n",
                        e.getKey(), later, later / f.get("checksum"), f.get("checksum"));
            }
            Double inProcess = f.get("in-process (validate_sync), auto");
            if (f.containsKey("checksum") && inProcess != null) {
                System.out.printf(Locale.ROOT, "%-16s validate_sync's comparison %.2f s = %.2fx CHECKSUM TABLE (%.2f s)%n",
                        e.getKey(), inProcess, inProcess / f.get("checksum"), f.get("checksum"));
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private interface SideWork {
        void run(Connection c) throws Exception;
    }

    private double measure(State state, String what, Work work, String result) throws Exception {
        double seconds = median(work);
        print(state, what, seconds, result);
        return seconds;
    }

    private double median(Work work) throws Exception {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    private void bothSides(SideWork work) throws Exception {
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
    private void stream(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM bench." + table + " ORDER BY id",
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

    private void print(State state, String what, double seconds, String result) {
        String ratio = Double.isNaN(checksumSeconds) ? "" : String.format(Locale.ROOT, "%.2fx", seconds / checksumSeconds);
        System.out.printf(Locale.ROOT, "%-16s %-38s %9.2f %8s  %s%n", state.name(), what, seconds, ratio, result);
        System.out.flush();
    }
}
