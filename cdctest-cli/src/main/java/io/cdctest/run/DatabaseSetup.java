package io.cdctest.run;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.env.DatabaseServer;
import io.cdctest.env.Environment;
import io.cdctest.generate.Generation;
import io.cdctest.generate.LoadMethod;
import io.cdctest.generate.TableCatalog;
import io.cdctest.generate.TableDef;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.spec.DataSpec;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.TableMapping;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import io.cdctest.sql.TableSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Puts the databases in place before the pipeline starts: run-scoped databases, the source tables
 * with their initial data (so the snapshot is tested too), and the target tables created from the
 * same definitions. What it creates on servers the run does not own is dropped on teardown.
 */
final class DatabaseSetup {
    private static final int LOAD_THREADS = 2;

    private final Scenario scenario;
    private final Environment environment;
    private final String runId;
    private final Console console;

    DatabaseSetup(Scenario scenario, Environment environment, String runId, Console console) {
        this.scenario = scenario;
        this.environment = environment;
        this.runId = runId;
        this.console = console;
    }

    Databases prepare(DatabaseServer source, DatabaseServer target, Pipeline pipeline) {
        DataSpec data = scenario.data();
        boolean ownSource = source.ownedByRun() || data != null;
        boolean ownTarget = ownSource || target.ownedByRun();
        String sourceDb = ownSource ? scenario.source().database() + "_" + runId : scenario.source().database();
        Pipeline.TargetLayout layout = Pipeline.TargetLayout.of(pipeline);
        String targetDb = layout.targetDatabase(sourceDb,
                ownTarget ? scenario.target().database() + "_" + runId : scenario.target().database());
        List<String> tables = new java.util.ArrayList<>(scenario.tables());
        Pipeline.TargetPreparation preparation = layout.targetPreparation();
        boolean prepareTarget = preparation == Pipeline.TargetPreparation.DATABASE_AND_TABLES;
        try {
            if (!ownTarget) {
                refuseForeignTables(target.endpoint(), targetDb);
            }
            if (ownSource) {
                createDatabase(source, sourceDb);
            }
            if (data != null && !data.sql().isEmpty()) {
                runSql(source, sourceDb, data.sql());
            }
            if (data != null && !data.tables().isEmpty()) {
                load(source.endpoint().withDatabase(sourceDb), data);
            }
            List<TableMapping> merged = scenario.mappings().stream().filter(TableMapping::regex).toList();
            if (tables.isEmpty() && scenario.mappings().isEmpty()) {
                tables.addAll(discover(source.endpoint(), sourceDb));
            }
            checkSourceTables(source.endpoint().withDatabase(sourceDb), tables);
            if (ownTarget && preparation != Pipeline.TargetPreparation.NOTHING) {
                createDatabase(target, targetDb);
            }
            if (prepareTarget) {
                JdbcEndpoint targetEndpoint = target.endpoint().withDatabase(targetDb);
                List<String> created = createTargetTables(source.endpoint().withDatabase(sourceDb), targetEndpoint, tables);
                for (TableMapping mapping : merged) {
                    if (createSinkTable(source.endpoint(), targetEndpoint, mapping)) {
                        created.add(mapping.target());
                    }
                }
                if (!ownTarget) {
                    created.forEach(t -> environment.own("table " + targetDb + "." + t, () -> dropTable(targetEndpoint, t)));
                }
            }
        } catch (SQLException e) {
            throw new CdctestException(ExitCode.ENVIRONMENT, "cannot prepare the databases: " + Sql.firstLine(e), e);
        }
        return new Databases(source, sourceDb, target, targetDb, List.copyOf(tables));
    }

    /**
     * A target database the run does not own (no run suffix) must hold no table cdctest did not
     * create, unless the scenario marks it {@code disposable}: the run would write into them.
     */
    private void refuseForeignTables(JdbcEndpoint target, String database) throws SQLException {
        if (scenario.target().disposable()) {
            return;
        }
        try (Connection c = target.withDatabase(null).connect()) {
            List<String> foreign = io.cdctest.check.Mappings.tables(c, database);
            if (!foreign.isEmpty()) {
                throw CdctestException.environment("target database " + database + " at " + target.address() + " holds "
                        + foreign.size() + " table(s) this run did not create (" + String.join(", ", foreign.subList(0,
                        Math.min(5, foreign.size()))) + (foreign.size() > 5 ? ", ..." : "") + "); cdctest will not write "
                        + "into them: name an empty or new target.database, or set target.disposable: true ("
                        + scenario.target().origin() + ")");
            }
        }
    }

    private static void dropTable(JdbcEndpoint endpoint, String table) throws SQLException {
        try (Connection c = endpoint.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + Sql.qualified(endpoint.database(), table));
        }
    }

    private void createDatabase(DatabaseServer server, String database) throws SQLException {
        JdbcEndpoint endpoint = server.endpoint();
        try (Connection c = endpoint.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + Sql.quote(database) + endpoint.engine().utf8mb4());
        }
        if (!server.ownedByRun()) {
            environment.own("database " + database, () -> dropDatabase(endpoint, database));
        }
    }

    /**
     * Runs {@code data.sql} on the source, connected to the run's database. Databases the statements
     * create on a server the run does not own are the run's: they are dropped on teardown.
     */
    private void runSql(DatabaseServer server, String database, List<String> statements) throws SQLException {
        JdbcEndpoint endpoint = server.endpoint().withDatabase(database);
        try (Connection c = endpoint.connect(); Statement st = c.createStatement()) {
            java.util.Set<String> before = databases(st);
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw CdctestException.config("data.sql: " + Sql.firstLine(e) + " in: " + Sql.abbreviate(sql, 120));
                }
            }
            if (!server.ownedByRun()) {
                java.util.Set<String> created = databases(st);
                created.removeAll(before);
                for (String db : created) {
                    environment.own("database " + db, () -> dropDatabase(server.endpoint(), db));
                }
            }
        }
        console.info("  data      " + statements.size() + " statement(s) of data.sql");
    }

    private static java.util.Set<String> databases(Statement st) throws SQLException {
        java.util.Set<String> names = new java.util.HashSet<>();
        try (ResultSet rs = st.executeQuery("SELECT schema_name FROM information_schema.schemata")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /**
     * The target table of a mapping that merges the tables its pattern matches (a route), unless it exists: the source database and table columns, then the
     * union of the matching source tables' columns (NULL allowed where a table lacks one), keyed by
     * (database column, table column, the sources' primary key).
     */
    private static boolean createSinkTable(JdbcEndpoint source, JdbcEndpoint target, TableMapping route)
            throws SQLException {
        try (Connection s = source.connect(); Connection t = target.connect()) {
            if (TableSchema.read(t, target.database(), route.target()).isPresent()) {
                return false;
            }
            List<String[]> matches = io.cdctest.check.Mappings.matches(s, java.util.regex.Pattern.compile(route.source()));
            if (matches.isEmpty()) {
                throw CdctestException.environment("no source table matches " + route.source() + " ("
                        + route.origin() + ") on " + source.address());
            }
            java.util.Map<String, io.cdctest.sql.Column> columns = new java.util.LinkedHashMap<>();
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            List<String> key = new java.util.ArrayList<>();
            for (String[] match : matches) {
                TableSchema schema = TableSchema.read(s, match[0], match[1]).orElseThrow();
                if (schema.primaryKey().isEmpty()) {
                    throw CdctestException.environment("table " + match[0] + "." + match[1] + " has no primary key: "
                            + "cdctest cannot match its rows");
                }
                if (key.isEmpty()) {
                    schema.primaryKey().forEach(c -> key.add(c.name()));
                }
                for (io.cdctest.sql.Column c : schema.columns()) {
                    columns.putIfAbsent(c.name().toLowerCase(java.util.Locale.ROOT), c);
                    seen.merge(c.name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                }
            }
            List<String> defs = new java.util.ArrayList<>();
            List<String> pk = new java.util.ArrayList<>();
            for (String extra : new String[] {route.sourceDatabaseColumn(), route.sourceTableColumn()}) {
                if (extra != null) {
                    defs.add(Sql.quote(extra) + " VARCHAR(64) NOT NULL");
                    pk.add(Sql.quote(extra));
                }
            }
            columns.forEach((name, c) -> {
                boolean everywhere = seen.get(name) == matches.size();
                defs.add(Sql.quote(c.name()) + " " + c.columnType() + (c.nullable() || !everywhere ? " NULL" : " NOT NULL"));
            });
            key.forEach(k -> pk.add(Sql.quote(k)));
            defs.add("PRIMARY KEY (" + String.join(", ", pk) + ")");
            try (Statement st = t.createStatement()) {
                st.execute("CREATE TABLE " + Sql.qualified(target.database(), route.target()) + " (\n  "
                        + String.join(",\n  ", defs) + "\n)" + target.engine().utf8mb4());
            }
            return true;
        }
    }

    private static void dropDatabase(JdbcEndpoint endpoint, String database) throws SQLException {
        try (Connection c = endpoint.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + Sql.quote(database));
        }
    }

    private void load(JdbcEndpoint source, DataSpec data) {
        List<TableDef> tables = data.tables().stream().map(t -> catalogTable(t).avoiding(data.avoid())).toList();
        data.avoid().forEach(a -> console.info("  data      leaves out " + a.describe() + " (data.avoid: " + a.id() + ")"));
        long start = System.nanoTime();
        new Generation(source, source.engine(), new Generation.Options(tables, data.rows(), 1000, LOAD_THREADS,
                data.seed(), LoadMethod.AUTO, false, data.createIndexes(), false, false)).run(loadProgress());
        console.info(String.format("  data      %s (seed %d) in %s", String.join(", ", data.tables().stream()
                        .map(t -> t + " " + data.rows() + " rows").toList()), data.seed(),
                Console.seconds(java.time.Duration.ofNanos(System.nanoTime() - start))));
    }

    /** "loading cdc_test_base: 400000 of 1000000 rows" on the progress line, every few seconds. */
    private Generation.Progress loadProgress() {
        return new Generation.Progress() {
            private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
            private volatile String table = "";
            private volatile long total;

            public void start(String name, long rows) {
                table = name;
                total = rows;
                done.set(0);
            }

            public void advance(long rows) {
                console.progress("loading " + table + ": " + done.addAndGet(rows) + " of " + total + " rows");
            }

            public void finish() {
            }
        };
    }

    /** The scenario names no tables: every table of the source database is replicated and compared. */
    private static List<String> discover(JdbcEndpoint source, String database) throws SQLException {
        try (Connection c = source.connect()) {
            List<String> found = io.cdctest.check.Mappings.tables(c, database);
            if (found.isEmpty()) {
                throw CdctestException.environment("source database " + database + " at " + source.address()
                        + " has no tables, and the scenario names none (data.tables, or the tables of the pipeline's block)");
            }
            return found;
        }
    }

    /** Every replicated table must exist on the source and have a primary key. */
    private static void checkSourceTables(JdbcEndpoint source, List<String> tables) throws SQLException {
        try (Connection s = source.connect()) {
            for (String table : tables) {
                TableSchema schema = TableSchema.read(s, source.database(), table).orElseThrow(() ->
                        CdctestException.environment("table " + source.database() + "." + table
                                + " does not exist on the source " + source.address()));
                if (schema.primaryKey().isEmpty()) {
                    throw CdctestException.environment("table " + source.database() + "." + table
                            + " has no primary key: cdctest cannot match its rows");
                }
            }
        }
    }

    /** Creates the target tables that do not exist yet; returns those it created. */
    private List<String> createTargetTables(JdbcEndpoint source, JdbcEndpoint target, List<String> tables)
            throws SQLException {
        List<String> created = new java.util.ArrayList<>();
        try (Connection s = source.connect(); Connection t = target.connect()) {
            for (String table : tables) {
                if (TableSchema.read(t, target.database(), table).isPresent()) {
                    continue;
                }
                try (Statement st = t.createStatement()) {
                    st.execute(TableCatalog.find(table).map(def -> def.createSql(target.database(), target.engine()))
                            .orElseGet(() -> showCreateTable(s, source.database(), table, target.database())));
                }
                created.add(table);
            }
        }
        return created;
    }

    /** The source's own definition of a table that is not in the catalog, aimed at the target database. */
    private static String showCreateTable(Connection source, String database, String table, String targetDatabase) {
        try (Statement st = source.createStatement();
             ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + Sql.qualified(database, table))) {
            rs.next();
            String ddl = rs.getString(2);
            return ddl.replaceFirst("(?i)^CREATE TABLE\\s+`?" + java.util.regex.Pattern.quote(table) + "`?",
                    "CREATE TABLE " + Sql.qualified(targetDatabase, table));
        } catch (SQLException e) {
            throw CdctestException.environment("cannot read the definition of " + database + "." + table + ": "
                    + Sql.firstLine(e), e);
        }
    }

    static TableDef catalogTable(String table) {
        return TableCatalog.find(table).orElseThrow(() -> CdctestException.config("data.tables: '" + table
                + "' is not a generator table (known: " + String.join(", ", TableCatalog.names()) + ")"));
    }
}
