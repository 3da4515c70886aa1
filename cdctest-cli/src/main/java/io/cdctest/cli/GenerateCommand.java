package io.cdctest.cli;

import io.cdctest.CdctestException;
import io.cdctest.CdctestHome;
import io.cdctest.generate.Generation;
import io.cdctest.generate.LoadMethod;
import io.cdctest.generate.TableCatalog;
import io.cdctest.generate.TableDef;
import io.cdctest.pipeline.Pipelines;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Provision;
import io.cdctest.spec.Secret;
import io.cdctest.spec.load.ConfigFiles;
import io.cdctest.spec.load.Interpolator;
import io.cdctest.spec.load.ScenarioLoader;
import io.cdctest.sql.Engines;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cdctest generate}: create the test tables and fill them with deterministic, edge-heavy rows. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create the cdctest test tables and fill them with deterministic rows full of edge values.",
            "Example: cdctest generate --host db --port 3306 --database test_db --count 100000"})
public final class GenerateCommand implements Callable<Integer> {
    enum Group { basic, fulltext, vector, partition, all }

    enum Dialect { mysql, matrixone, auto }

    @Spec
    CommandSpec spec;
    @ParentCommand
    CdctestCommand root;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Database host (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", defaultValue = "6001", description = "Database port (default: ${DEFAULT-VALUE}, MatrixOne's).")
    int port;
    @Option(names = "--user", defaultValue = "root", description = "Database user (default: ${DEFAULT-VALUE}).")
    String user;
    @Option(names = "--password", arity = "0..1", interactive = true,
            description = "Password; without a value it is asked for. Prefer the CDCTEST_PASSWORD environment variable: "
                    + "a value given here is visible in the process list.")
    String password;
    @Option(names = "--database", description = "Database to fill (created if missing).")
    String database;
    @Option(names = "--scenario", paramLabel = "<name|path>", description = "Take host, port, user, password, database "
            + "and dialect from a scenario's source.")
    String scenario;
    @Option(names = "--group", defaultValue = "basic", description = "Table group: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Group group;
    @Option(names = "--tables", split = ",", description = "Tables to generate instead of a group.")
    List<String> tables;
    @Option(names = "--count", defaultValue = "1000", description = "Rows per table (default: ${DEFAULT-VALUE}).")
    long count;
    @Option(names = "--batch-size", defaultValue = "1000", description = "Rows per INSERT (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--seed", defaultValue = "42", description = "Same seed and count, same rows (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--threads", defaultValue = "4", description = "Parallel connections (default: ${DEFAULT-VALUE}).")
    int threads;
    @Option(names = "--dialect", defaultValue = "auto", description = "${COMPLETION-CANDIDATES}; auto reads SELECT version().")
    Dialect dialect;
    @Option(names = "--method", defaultValue = "auto", description = "auto, insert or load_data (LOAD DATA LOCAL INFILE; "
            + "auto uses it when the server has local_infile on).")
    String method;
    @Option(names = "--create-only", description = "Create the tables, load nothing.")
    boolean createOnly;
    @Option(names = "--create-indexes", description = "After loading, create the fulltext and vector indexes.")
    boolean createIndexes;
    @Option(names = "--indexes-only", description = "Only create the fulltext and vector indexes of existing tables.")
    boolean indexesOnly;
    @Option(names = "--drop-existing", description = "Replace existing tables even when they hold rows.")
    boolean dropExisting;

    @Override
    public Integer call() {
        validateArguments();
        List<TableDef> selected = selectedTables();
        JdbcEndpoint given = endpoint();
        Engine engine = engine(given);
        JdbcEndpoint endpoint = new JdbcEndpoint(given.role(), engine, given.host(), given.port(), given.user(),
                given.password(), given.database(), given.account(), given.tls());
        var console = root.global.console(spec.commandLine().getOut(), spec.commandLine().getErr());
        console.info("generating " + selected.stream().map(TableDef::name).toList() + " into " + endpoint.describe()
                + " (" + engine.id() + " dialect, seed " + seed + ")");
        Generation.Options options = new Generation.Options(selected, count, batchSize, threads, seed,
                LoadMethod.valueOf(method.toUpperCase(Locale.ROOT)), createOnly, createIndexes, indexesOnly, dropExisting);
        long start = System.nanoTime();
        List<Generation.TableResult> results = new Generation(endpoint, engine, options)
                .run(root.global.quiet || System.console() == null ? Generation.Progress.NONE
                        : new ProgressBars(spec.commandLine().getErr()));
        GenerateSummary.print(spec.commandLine().getOut(), results, System.nanoTime() - start, options);
        return 0;
    }

    private void validateArguments() {
        if (count < 0) {
            throw CdctestException.config("--count must be 0 or more, got " + count);
        }
        if (batchSize <= 0 || threads <= 0) {
            throw CdctestException.config("--batch-size and --threads must be above 0");
        }
        if (indexesOnly && (createOnly || dropExisting)) {
            throw CdctestException.config("--indexes-only cannot be combined with --create-only or --drop-existing");
        }
        if (!List.of("auto", "insert", "load_data").contains(method.toLowerCase(Locale.ROOT))) {
            throw CdctestException.config("--method must be auto, insert or load_data, got '" + method + "'");
        }
    }

    private List<TableDef> selectedTables() {
        if (tables == null || tables.isEmpty()) {
            return TableCatalog.group(group.name());
        }
        List<TableDef> selected = new ArrayList<>();
        for (String name : tables) {
            selected.add(TableCatalog.find(name.trim()).orElseThrow(() -> CdctestException.config("--tables: unknown table '"
                    + name + "' (known: " + String.join(", ", TableCatalog.names()) + ")")));
        }
        return selected;
    }

    private JdbcEndpoint endpoint() {
        String secret = password != null ? password : System.getenv().getOrDefault("CDCTEST_PASSWORD", "");
        if (scenario == null) {
            if (database == null) {
                throw CdctestException.config("--database is required (or take it from --scenario)");
            }
            return new JdbcEndpoint("database", Engine.MYSQL, host, port, user, new Secret(secret), database, null, true);
        }
        Endpoint source = new ScenarioLoader(Interpolator.system(), Pipelines.all(), w -> { })
                .load(ConfigFiles.of(CdctestHome.locate()).scenario(scenario), List.of()).source();
        if (source.provision() != Provision.EXTERNAL) {
            throw CdctestException.config("--scenario " + scenario + ": its source is " + source.provision().id()
                    + "; generate needs a running server (provision: external)");
        }
        return new JdbcEndpoint("database", source.engine(), source.host(), source.port(), source.user(),
                password != null ? new Secret(password) : source.password(), database != null ? database : source.database(),
                source.account(), true);
    }

    private Engine engine(JdbcEndpoint endpoint) {
        if (dialect == Dialect.matrixone) {
            return Engine.MATRIXONE;
        }
        if (dialect == Dialect.mysql) {
            return Engine.MYSQL;
        }
        try (Connection c = endpoint.withDatabase(null).connect()) {
            return Engines.detect(c);
        } catch (SQLException e) {
            throw CdctestException.environment(endpoint.address() + ": cannot read the server version: " + e.getMessage(), e);
        }
    }
}
