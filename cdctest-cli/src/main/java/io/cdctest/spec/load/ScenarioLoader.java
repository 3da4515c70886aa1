package io.cdctest.spec.load;

import io.cdctest.CdctestException;
import io.cdctest.spec.DataSpec;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Engine;
import io.cdctest.spec.KafkaSpec;
import io.cdctest.spec.LocalPath;
import io.cdctest.spec.MetricsSpec;
import io.cdctest.spec.NetworkSpec;
import io.cdctest.spec.Origin;
import io.cdctest.spec.PipelineSettings;
import io.cdctest.spec.Provision;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Secret;
import io.cdctest.spec.Side;
import io.cdctest.spec.ValidationSpec;
import io.cdctest.spec.load.YNode.YMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads a scenario YAML file (new keys and the earlier tool's layout) into a {@link Scenario}.
 * Unknown keys, wrong types and missing keys are errors naming file, line and key. The loader reads
 * the parts every pipeline shares; the pipeline named by {@code scenario_type} reads its own blocks
 * ({@link PipelineReader}), and a block another pipeline owns is an error naming that pipeline.
 */
public final class ScenarioLoader {
    private final RootReaders readers;
    private final Map<String, PipelineReader> pipelines = new TreeMap<>();

    /**
     * @param pipelines the registered pipeline kinds (their factories), each reading its own blocks
     * @param warnings  receives one line per accepted-but-unused legacy key
     */
    public ScenarioLoader(Interpolator interpolator, Collection<? extends PipelineReader> pipelines, Consumer<String> warnings) {
        this.readers = new RootReaders(interpolator, warnings);
        pipelines.forEach(p -> this.pipelines.put(p.identifier(), p));
    }

    /** The keys of the model this loader has read so far (path.key, list indices dropped). */
    Set<String> keysRead() {
        return readers.keysRead();
    }

    public Scenario load(Path file, List<String> overrides) {
        YMap root = YamlTrees.readFile(file);
        Overrides.apply(root, overrides);
        MapReader r = readers.of(root);

        String type = r.requiredString("scenario_type");
        PipelineReader pipeline = pipelines.get(type);
        if (pipeline == null) {
            throw r.error("scenario_type", "unknown scenario type '" + type + "'"
                    + MapReader.suggestion(type, pipelines.keySet()));
        }
        String fileName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = r.string("scenario_name", fileName);
        String description = r.string("description", "");
        String testcase = r.string("testcase", null);

        List<LocalPath> localPaths = new java.util.ArrayList<>();
        Endpoint source = endpoint(r, Side.SOURCE);
        Endpoint target = endpoint(r, Side.TARGET);
        PipelineBlocks blocks = new PipelineBlocks(r, file, type, source, target, localPaths);
        PipelineSettings settings = pipeline.read(blocks);
        othersBlocks(r, pipeline);
        KafkaSpec kafka = kafka(r, settings, blocks);
        DataSpec data = r.map("data").map(d -> data(d, settings.tables(), file)).orElse(null);
        ValidationSpec validation = r.map("validation").map(this::validation).orElse(ValidationSpec.DEFAULT);
        MetricsSpec metrics = r.map("metrics").map(m -> MetricsLoader.read(m, validation.checkInterval())).orElse(null);
        NetworkSpec network = r.map("network").map(ScenarioLoader::network).orElse(NetworkSpec.DEFAULT);
        r.finish();
        tablesCanBeMade(r, pipeline, source, target, data);

        return new Scenario(file, name, type, description, testcase, source, target, kafka, data, validation, settings,
                metrics, List.copyOf(localPaths), network);
    }

    /** A top-level block another pipeline owns: "custom: read only by scenario_type custom (this scenario is flink_cdc)". */
    private void othersBlocks(MapReader r, PipelineReader pipeline) {
        for (String key : r.keys()) {
            if (pipeline.keys().contains(key)) {
                continue;
            }
            Set<String> owners = new TreeSet<>();
            pipelines.values().stream().filter(p -> p.keys().contains(key)).forEach(p -> owners.add(p.identifier()));
            if (!owners.isEmpty()) {
                throw r.error(key, "read only by scenario_type " + String.join(", ", owners) + " (this scenario is "
                        + pipeline.identifier() + ")");
            }
        }
    }

    /**
     * StarRocks and Doris tables need their own DDL (key model, distribution): cdctest does not make
     * them, so such a database is an end of a pipeline whose platform creates its tables.
     */
    private void tablesCanBeMade(MapReader r, PipelineReader pipeline, Endpoint source, Endpoint target, DataSpec data) {
        for (Endpoint e : List.of(source, target)) {
            if (e.engine().catalogTables()) {
                continue;
            }
            if (!pipeline.platformCreatesTables()) {
                List<String> others = pipelines.values().stream().filter(PipelineReader::platformCreatesTables)
                        .map(PipelineReader::identifier).toList();
                throw CdctestException.config(e.origin() + ": " + e.role() + ".type: " + e.engine().id() + " is reached only "
                        + "by a pipeline whose platform creates its tables (scenario_type: " + String.join(", ", others)
                        + "); " + pipeline.identifier() + " needs cdctest to create them");
            }
            if (e.role() == Side.SOURCE && data != null) {
                throw r.error("data", "cdctest cannot create the test tables on " + e.engine().id() + " (they need its own "
                        + "DDL); fill the source yourself and leave data out");
            }
        }
    }

    private Endpoint endpoint(MapReader parent, Side role) {
        MapReader r = parent.map(role.id()).orElseThrow(() -> parent.missing(role.id()));
        String typeName = r.string("type", "mysql");
        Engine engine = Engine.byId(typeName).orElseThrow(() -> r.error("type",
                "unknown database type '" + typeName + "' (known: " + Engine.ids() + ")"));
        Provision provision = provision(r);
        if (provision == Provision.EMBEDDED && engine == Engine.MATRIXONE) {
            throw r.error("provision", "MatrixOne cannot run embedded; use provision: local (from a mo-service binary), "
                    + "external or testcontainers");
        }
        if (provision == Provision.LOCAL && engine != Engine.MATRIXONE) {
            throw r.error("provision", "provision: local starts a MatrixOne (type: matrixone); " + engine.id()
                    + " is started by provision: embedded or testcontainers");
        }
        String binary = r.string("binary", null);
        if (binary != null && provision != Provision.LOCAL) {
            throw r.error("binary", "read only with provision: local (the mo-service binary it starts)");
        }
        if (provision != Provision.EXTERNAL && (engine == Engine.TIDB || engine == Engine.STARROCKS || engine == Engine.DORIS)) {
            throw r.error("provision", engine.id() + " is used as given: provision: external (cdctest starts MariaDB, "
                    + "MySQL and MatrixOne only)");
        }
        String host = r.string("host", "127.0.0.1");
        boolean embedded = provision == Provision.EMBEDDED;
        int port = r.integer("port", embedded ? 0 : engine.defaultPort()); // embedded: 0 = a free port
        if (port < 0 || port > 65535 || port == 0 && !embedded) {
            throw r.error("port", "expected a port between 1 and 65535, got " + port);
        }
        String user = r.string("user", "root");
        Secret password = new Secret(r.string("password", ""));
        String database = r.requiredString("database");
        String account = r.string("account", null);
        boolean disposable = r.bool("disposable", false);
        String sysUser = r.string("sys_user", "root");
        Secret sysPassword = r.has("sys_password") ? new Secret(r.string("sys_password", "")) : password;
        if (engine != Engine.MATRIXONE && (r.has("sys_user") || r.has("sys_password"))) {
            throw r.error(r.has("sys_user") ? "sys_user" : "sys_password", "read only for type: matrixone (a user of the sys "
                    + "account, which creates the endpoint's account when it is missing)");
        }
        r.legacy("table", "table-level settings on an endpoint are not used; name tables in data.tables or the pipeline's block");
        r.finish();
        return new Endpoint(role, engine, provision, host, port, user, password, database, account, disposable, sysUser,
                sysPassword, binary, r.origin());
    }

    private static Provision provision(MapReader r) {
        boolean kafka = r.path().equals("kafka");
        String id = r.string("provision", "external");
        Optional<Provision> provision = Provision.byId(id).filter(p -> kafka ? p != Provision.LOCAL : p != Provision.COMPOSE);
        return provision.orElseThrow(() -> r.error("provision", "unknown provision '" + id + "' (known: external, embedded, "
                + "testcontainers" + (kafka ? ", compose" : ", local (matrixone)") + ")"));
    }

    private KafkaSpec kafka(MapReader parent, PipelineSettings settings, PipelineBlocks blocks) {
        boolean stop = settings.stopKafkaOnTeardown();
        return parent.map("kafka").map(r -> {
            Provision provision = provision(r);
            String bootstrap = r.string("bootstrap_servers", provision == Provision.COMPOSE ? "localhost:9092" : null);
            if (provision == Provision.EXTERNAL && bootstrap == null) {
                throw r.missing("bootstrap_servers");
            }
            int partitions = r.positiveInteger("partitions", 1);
            Path composeDir = r.string("compose_dir").map(d -> blocks.localDirectory(r, "compose_dir", d))
                    .orElse(settings.composeDir());
            r.finish();
            if (provision == Provision.COMPOSE && composeDir == null) {
                throw r.error("provision", "compose needs the directory of the docker-compose file: set kafka.compose_dir");
            }
            return new KafkaSpec(provision, bootstrap, partitions, r.origin(), composeDir, stop);
        }).orElse(new KafkaSpec(Provision.EMBEDDED, null, 1, parent.origin(), null, false));
    }

    /** @param captured the tables the pipeline captures (the default of data.tables), or empty */
    private DataSpec data(MapReader r, List<String> captured, Path scenarioFile) {
        List<String> tables = r.stringList("tables");
        List<String> sql = sqlStatements(r, scenarioFile);
        if (tables.isEmpty() && sql.isEmpty()) {
            tables = captured;
        }
        int rows = r.integer("rows", 1000);
        if (rows < 0) {
            throw r.error("rows", "expected 0 or more rows, got " + rows);
        }
        long seed = r.longValue("seed", 42);
        boolean createIndexes = r.bool("create_indexes", false);
        java.util.Set<io.cdctest.generate.Avoid> avoid = java.util.EnumSet.noneOf(io.cdctest.generate.Avoid.class);
        for (String name : r.stringList("avoid")) {
            avoid.add(io.cdctest.generate.Avoid.byId(name).orElseThrow(() -> r.error("avoid", "unknown value '" + name
                    + "' (known: " + io.cdctest.generate.Avoid.ids() + ")")));
        }
        r.finish();
        if (tables.isEmpty() && sql.isEmpty()) {
            throw r.missing("tables");
        }
        return new DataSpec(tables, rows, seed, createIndexes, sql, java.util.Set.copyOf(avoid));
    }

    /** {@code data.sql}: a list of statements, or a file of them (relative to the scenario file) separated by {@code ;} at line ends. */
    private static List<String> sqlStatements(MapReader r, Path scenarioFile) {
        if (!r.has("sql")) {
            return List.of();
        }
        List<String> list = r.stringList("sql");
        if (list.size() != 1 || !list.get(0).trim().toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
            return list;
        }
        Path file = scenarioFile.toAbsolutePath().getParent().resolve(list.get(0).trim()).normalize();
        try {
            String text = java.nio.file.Files.readString(file);
            return java.util.Arrays.stream(text.split(";[ \\t]*(\\r?\\n|$)"))
                    .map(s -> s.lines().filter(l -> !l.trim().startsWith("--")).collect(java.util.stream.Collectors.joining("\n")).trim())
                    .filter(s -> !s.isEmpty()).toList();
        } catch (java.io.IOException e) {
            throw r.error("sql", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * {@code network:}: {@code route} (all, none, or a list of link names; the names are checked
     * against the pipeline's links with the testcases), {@code listen_host}, {@code advertised_host}.
     */
    private static NetworkSpec network(MapReader r) {
        List<String> route = null;
        if (r.has("route") && r.isScalar("route")) {
            String word = r.requiredString("route");
            route = switch (word) {
                case "all" -> null;
                case "none" -> List.of();
                default -> throw r.error("route", "expected all, none or a list of link names, got '" + word + "'");
            };
        } else if (r.has("route")) {
            route = r.stringList("route");
        }
        String listen = r.string("listen_host", NetworkSpec.DEFAULT.listenHost());
        String advertised = r.string("advertised_host", null);
        if (advertised == null && (listen.equals("0.0.0.0") || listen.equals("::"))) {
            throw r.error("listen_host", listen + " listens on every address: give network.advertised_host, the address "
                    + "the components that dial a fault point reach it at");
        }
        Origin origin = r.originOf("route");
        r.finish();
        return new NetworkSpec(route, listen, advertised == null ? listen : advertised, origin);
    }

    private ValidationSpec validation(MapReader r) {
        Duration interval = r.duration("check_interval", ValidationSpec.DEFAULT.checkInterval());
        Duration maxWait = r.duration("max_wait_time", ValidationSpec.DEFAULT.maxWaitTime());
        boolean engineChecksum = r.bool("engine_checksum", ValidationSpec.DEFAULT.engineChecksum());
        r.finish();
        if (interval.isZero() || maxWait.isZero()) {
            throw CdctestException.config(r.origin() + ": validation: check_interval and max_wait_time must be above 0");
        }
        return new ValidationSpec(interval, maxWait, engineChecksum);
    }
}
