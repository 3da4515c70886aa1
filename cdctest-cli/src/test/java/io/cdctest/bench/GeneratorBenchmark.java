package io.cdctest.bench;

import io.cdctest.env.EmbeddedMariaDb;
import io.cdctest.env.FileTrees;
import io.cdctest.generate.Generation;
import io.cdctest.generate.LoadMethod;
import io.cdctest.generate.RowSource;
import io.cdctest.generate.TableCatalog;
import io.cdctest.generate.TableDef;
import io.cdctest.spec.Engine;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Benchmark program (not a test): loads N rows of cdc_test_base into an embedded MariaDB with the
 * generator, and measures in the same run the ceiling: one LOAD DATA LOCAL INFILE of the same rows
 * from a file written beforehand (generation not timed). Prints rows/s and the share of the ceiling.
 *
 * <p>Run: {@code bench/generator [rows] [threads]} (defaults 1000000 and 2).
 */
public final class GeneratorBenchmark {
    private GeneratorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        TableDef table = TableCatalog.find("cdc_test_base").orElseThrow();
        Path dir = Files.createTempDirectory("cdctest-bench-");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start("bench", dir.resolve("db"), dir.resolve("mariadb.log"), 41,
                List.of("--innodb-buffer-pool-size=1G", "--innodb-log-file-size=512M", "--skip-log-bin"))) {
            JdbcEndpoint server = db.endpoint();
            System.out.printf("cdctest generator benchmark: %d rows of %s, embedded MariaDB 11.4, %d cores, %d threads%n",
                    rows, table.name(), Runtime.getRuntime().availableProcessors(), threads);

            Path file = dir.resolve("rows.tsv");
            long t0 = System.nanoTime();
            writeFile(table, rows, file);
            System.out.printf("prepared %s (%.0f MB) in %.1f s (not timed below)%n", file.getFileName(),
                    Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9);

            double ceiling = ceiling(server, table, file, rows);
            Files.delete(file);
            print("LOAD DATA LOCAL INFILE of a prepared file (ceiling)", rows, ceiling, ceiling);
            print("generator, load_data, " + threads + " threads", rows,
                    generator(server, table, rows, threads, LoadMethod.LOAD_DATA, "gen_load"), ceiling);
            print("generator, load_data, 1 thread", rows,
                    generator(server, table, rows, 1, LoadMethod.LOAD_DATA, "gen_load1"), ceiling);
            print("generator, insert (batches of 1000), " + threads + " threads", rows,
                    generator(server, table, rows, threads, LoadMethod.INSERT, "gen_insert"), ceiling);
        } finally {
            FileTrees.delete(dir);
        }
    }

    private static void print(String what, long rows, double seconds, double ceilingSeconds) {
        System.out.printf(Locale.ROOT, "%-55s %8.1f s %10.0f rows/s %6.0f%% of ceiling%n", what, seconds, rows / seconds,
                100 * ceilingSeconds / seconds);
    }

    private static void writeFile(TableDef table, long rows, Path file) throws Exception {
        RowSource source = new RowSource(table, 42);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long from = 1; from <= rows; from += 20_000) {
                int n = (int) Math.min(20_000, rows - from + 1);
                out.write(io.cdctest.generate.LoadDataAccess.encode(source, from, n));
            }
        }
    }

    /** Seconds for one LOAD DATA LOCAL INFILE of the whole file into a fresh table. */
    private static double ceiling(JdbcEndpoint server, TableDef table, Path file, long rows) throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE ceiling");
            st.execute(table.createSql("ceiling", Engine.MARIADB));
        }
        Properties props = new Properties();
        props.setProperty("allowLoadLocalInfile", "true");
        try (Connection c = server.connect(props); Statement st = c.createStatement();
             InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            st.unwrap(com.mysql.cj.jdbc.JdbcStatement.class).setLocalInfileInputStream(in);
            long start = System.nanoTime();
            long loaded = st.executeLargeUpdate(io.cdctest.generate.LoadDataAccess.statement("ceiling", table));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (loaded != rows) {
                throw new IllegalStateException("ceiling loaded " + loaded + " of " + rows + " rows");
            }
            st.execute("DROP DATABASE ceiling");
            return seconds;
        }
    }

    private static double generator(JdbcEndpoint server, TableDef table, long rows, int threads, LoadMethod method,
                                    String database) throws Exception {
        List<Generation.TableResult> results = new Generation(server.withDatabase(database), Engine.MARIADB,
                new Generation.Options(List.of(table), rows, 1000, threads, 42, method, false, false, false, false))
                .run(Generation.Progress.NONE);
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE " + Sql.quote(database));
        }
        return results.get(0).duration().toNanos() / 1e9;
    }
}
