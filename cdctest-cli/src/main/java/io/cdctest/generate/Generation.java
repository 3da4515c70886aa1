package io.cdctest.generate;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.spec.Engine;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates catalog tables, fills them and creates their deferred indexes, in that order. Everything
 * that could refuse the work (missing tables, non-empty tables) is checked before anything changes.
 */
public final class Generation {

    /**
     * What to generate.
     *
     * @param count         rows per table
     * @param createOnly    create the tables, load nothing
     * @param createIndexes create the deferred (fulltext, vector) indexes after loading
     * @param indexesOnly   only create the deferred indexes of existing tables
     * @param dropExisting  replace existing tables even when they hold rows
     */
    public record Options(List<TableDef> tables, long count, int batchSize, int threads, long seed, LoadMethod method,
                          boolean createOnly, boolean createIndexes, boolean indexesOnly, boolean dropExisting) {
    }

    /** One table's outcome. */
    public record TableResult(String table, long rows, Duration duration, LoadMethod method) {
        public double rowsPerSecond() {
            return duration.isZero() ? 0 : rows * 1e9 / duration.toNanos();
        }
    }

    /** Told about progress while rows are written (from several threads). */
    public interface Progress {
        void start(String table, long rows);

        void advance(long rows);

        void finish();

        Progress NONE = new Progress() {
            public void start(String table, long rows) {
            }

            public void advance(long rows) {
            }

            public void finish() {
            }
        };
    }

    private final JdbcEndpoint endpoint;
    private final Engine engine;
    private final Options options;

    /** @param endpoint the server, with the database to generate into */
    public Generation(JdbcEndpoint endpoint, Engine engine, Options options) {
        this.endpoint = endpoint;
        this.engine = engine;
        this.options = options;
    }

    public List<TableResult> run(Progress progress) {
        String database = endpoint.database();
        List<TableResult> results = new ArrayList<>();
        try (Connection c = endpoint.withDatabase(null).connect(); Statement st = c.createStatement()) {
            List<TableDef> existing = check(c);
            if (options.indexesOnly()) {
                options.tables().forEach(t -> createIndexes(st, t));
                return List.of();
            }
            st.execute("CREATE DATABASE IF NOT EXISTS " + Sql.quote(database) + engine.utf8mb4());
            for (TableDef t : existing) {
                st.execute("DROP TABLE " + Sql.qualified(database, t.name()));
            }
            for (TableDef t : options.tables()) {
                st.execute(t.createSql(database, engine));
            }
            if (options.createOnly()) {
                return List.of();
            }
            for (TableDef t : options.tables()) {
                results.add(load(t, progress));
                if (options.createIndexes()) {
                    createIndexes(st, t);
                }
            }
            return results;
        } catch (SQLException e) {
            throw new CdctestException(ExitCode.ENVIRONMENT, endpoint.address() + "/" + database + ": " + Sql.firstLine(e), e);
        }
    }

    private TableResult load(TableDef table, Progress progress) {
        long start = System.nanoTime();
        progress.start(table.name(), options.count());
        LoadMethod used;
        try {
            used = new DataLoader(endpoint, options.threads(), options.batchSize(), options.method())
                    .load(new RowSource(table, options.seed()), table.firstRowAbove(0), options.count(), progress::advance);
        } finally {
            progress.finish();
        }
        return new TableResult(table.name(), options.count(), Duration.ofNanos(System.nanoTime() - start), used);
    }

    private static final java.util.regex.Pattern INDEX_NAME = java.util.regex.Pattern.compile("(?i)\\bINDEX\\s+(\\w+)");

    /** Creates the table's deferred indexes; those that exist already are left alone. */
    private void createIndexes(Statement st, TableDef table) {
        for (String sql : table.deferredIndexSql(endpoint.database(), engine)) {
            try {
                java.util.regex.Matcher name = INDEX_NAME.matcher(sql);
                if (name.find() && indexExists(st, table.name(), name.group(1))) {
                    continue;
                }
                st.execute(sql);
            } catch (SQLException e) {
                throw new CdctestException(ExitCode.ENVIRONMENT, "creating indexes of " + table.name() + " failed: "
                        + Sql.firstLine(e) + " (" + Sql.abbreviate(sql, 120) + ")", e);
            }
        }
    }

    private boolean indexExists(Statement st, String table, String index) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = '"
                + endpoint.database().replace("'", "''") + "' AND table_name = '" + table + "' AND index_name = '" + index + "'")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    /**
     * Refuses what must not be done, before anything is done: returns the existing tables that
     * will be replaced.
     */
    private List<TableDef> check(Connection c) throws SQLException {
        List<TableDef> existing = new ArrayList<>();
        for (TableDef t : options.tables()) {
            long rows = rows(c, t.name());
            if (options.indexesOnly()) {
                if (rows < 0) {
                    throw CdctestException.config("--indexes-only: table " + endpoint.database() + "." + t.name()
                            + " does not exist at " + endpoint.address());
                }
            } else if (rows > 0 && !options.dropExisting()) {
                throw CdctestException.config("table " + endpoint.database() + "." + t.name() + " at " + endpoint.address()
                        + " already holds " + rows + " rows; use --drop-existing to replace it");
            } else if (rows >= 0) {
                existing.add(t);
            }
        }
        return existing;
    }

    /** Rows in the table, or -1 when it does not exist. */
    private long rows(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                    + endpoint.database().replace("'", "''") + "' AND table_name = '" + table + "'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return -1;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + Sql.qualified(endpoint.database(), table))) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
