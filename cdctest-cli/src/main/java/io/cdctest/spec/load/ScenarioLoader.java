package io.cdctest.spec.load;

import io.cdctest.CdctestException;
import io.cdctest.spec.CdcConfig;
import io.cdctest.spec.CustomSpec;
import io.cdctest.spec.DataSpec;
import io.cdctest.spec.Delivery;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Engine;
import io.cdctest.spec.FlinkCdcSpec;
import io.cdctest.spec.KafkaSpec;
import io.cdctest.spec.LocalPath;
import io.cdctest.spec.MetricsSpec;
import io.cdctest.spec.NetworkSpec;
import io.cdctest.spec.Origin;
import io.cdctest.spec.Provision;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Secret;
import io.cdctest.spec.Side;
import io.cdctest.spec.ValidationSpec;
import io.cdctest.spec.load.YNode.YMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a scenario YAML file (new keys and the earlier tool's layout) into a {@link Scenario}.
 * Unknown keys, wrong types and missing keys are errors naming file, line and key.
 */
public final class ScenarioLoader {
    private final Interpolator interpolator;
    private final Consumer<String> warnings;
    /** Every key this loader's readers have known (path.key), for the configuration reference test. */
    private final Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<String> knownTypes;

    /**
     * @param knownTypes the scenario types a pipeline is registered for
     * @param warnings   receives one line per accepted-but-unused legacy key
     */
    public ScenarioLoader(Interpolator interpolator, Set<String> knownTypes, Consumer<String> warnings) {
        this.interpolator = interpolator;
        this.knownTypes = knownTypes;
        this.warnings = warnings;
    }

    /** The keys of the model this loader has read so far (path.key, list indices dropped). */
    Set<String> keysRead() {
        return Set.copyOf(keys);
    }

    public Scenario load(Path file, List<String> overrides) {
        YMap root = YamlTrees.readFile(file);
        Overrides.apply(root, overrides);
        MapReader r = new MapReader(root, "", interpolator, warnings, keys);

        String type = r.requiredString("scenario_type");
        if (!knownTypes.contains(type)) {
            throw r.error("scenario_type", "unknown scenario type '" + type + "'"
                    + MapReader.suggestion(type, knownTypes));
        }
        String fileName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = r.string("scenario_name", fileName);
        String description = r.string("description", "");
        String testcase = r.string("testcase", null);

        List<LocalPath> localPaths = new java.util.ArrayList<>();
        Endpoint source = endpoint(r, Side.SOURCE);
        Endpoint target = endpoint(r, Side.TARGET);
        String jobManager = r.map("flink").map(ScenarioLoader::jobManager).orElse(null);
        FlinkCdcSpec flinkCdc = r.map("flink_cdc").map(f -> flinkCdc(f, file, jobManager, localPaths)).orElse(null);
        if (jobManager != null && flinkCdc == null) {
            throw r.error("flink", "a Flink cluster is used only by the flink_cdc pipeline, and this scenario has no flink_cdc block");
        }
        CustomSpec custom = custom(r, type, file);
        if (custom != null && flinkCdc != null) {
            throw r.error("flink_cdc", "read only by scenario_type flink_cdc; the generic pipeline names its tables in custom.tables");
        }
        KafkaSpec kafka = kafka(r, flinkCdc, file, localPaths);
        List<String> captured = flinkCdc != null ? flinkCdc.tables() : custom != null ? custom.tables() : null;
        DataSpec data = r.map("data").map(d -> data(d, captured, file)).orElse(null);
        CdcConfig cdcConfig = r.map("cdc_config").map(c -> cdcConfig(c, r.originOf("cdc_config"))).orElse(CdcConfig.DEFAULT);
        ValidationSpec validation = r.map("validation").map(this::validation).orElse(ValidationSpec.DEFAULT);
        MetricsSpec metrics = r.map("metrics").map(m -> MetricsLoader.read(m, validation.checkInterval())).orElse(null);
        NetworkSpec network = r.map("network").map(ScenarioLoader::network).orElse(NetworkSpec.DEFAULT);
        r.finish();
        tablesCanBeMade(r, type, source, target, custom, data);

        return new Scenario(file, name, type, description, testcase, source, target, kafka, flinkCdc, data,
                cdcConfig, validation, custom, metrics, List.copyOf(localPaths), network);
    }

    /**
     * StarRocks and Doris tables need their own DDL (key model, distribution): cdctest does not make
     * them, so such a database is a target of the generic pipeline whose platform creates its tables.
     */
    private static void tablesCanBeMade(MapReader r, String type, Endpoint source, Endpoint target, CustomSpec custom,
                                        DataSpec data) {
        for (Endpoint e : List.of(source, target)) {
            if (e.engine().catalogTables()) {
                continue;
            }
            if (custom == null) {
                throw CdctestException.config(e.origin() + ": " + e.role() + ".type: " + e.engine().id() + " is reached by the "
                        + "generic pipeline only (scenario_type: custom), whose platform creates its tables; " + type
                        + " needs cdctest to create them");
            }
            if (e.role() == Side.SOURCE && data != null) {
                throw r.error("data", "cdctest cannot create the test tables on " + e.engine().id() + " (they need its own "
                        + "DDL); fill the source yourself and leave data out");
            }
            if (e.role() == Side.TARGET && custom.createTargetTables()) {
                throw CdctestException.config(e.origin() + ": custom.create_target_tables: cdctest cannot create the test "
                        + "tables on " + e.engine().id() + " (they need its own key model and distribution); set "
                        + "create_target_tables: false and let the platform, or a setup hook, create them");
            }
        }
    }

    /** The generic adapter's block: required by {@code scenario_type: custom}, read by nothing else. */
    private static CustomSpec custom(MapReader r, String type, Path file) {
        boolean isCustom = type.equals("custom");
        if (r.has("custom") != isCustom) {
            throw isCustom ? r.missing("custom") : r.error("custom", "read only by scenario_type custom (this scenario is "
                    + type + ")");
        }
        if (!isCustom) {
            return null;
        }
        CustomSpec custom = new CustomLoader().read(r.map("custom").orElseThrow(), file);
        if (custom.kafka() == null && r.has("kafka")) {
            throw r.error("kafka", "the generic pipeline reads Kafka only when custom.kafka says what the platform writes "
                    + "there (topic, format); add custom.kafka or remove this block");
        }
        return custom;
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
        r.legacy("table", "table-level settings on an endpoint are not used; name tables in flink_cdc.tables or data.tables");
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

    private KafkaSpec kafka(MapReader parent, FlinkCdcSpec flinkCdc, Path scenarioFile, List<LocalPath> localPaths) {
        boolean stop = flinkCdc != null && flinkCdc.stopKafkaOnTeardown();
        return parent.map("kafka").map(r -> {
            Provision provision = provision(r);
            String bootstrap = r.string("bootstrap_servers", provision == Provision.COMPOSE ? "localhost:9092" : null);
            if (provision == Provision.EXTERNAL && bootstrap == null) {
                throw r.missing("bootstrap_servers");
            }
            int partitions = r.positiveInteger("partitions", 1);
            Path composeDir = r.string("compose_dir").map(d -> scriptDir(r, "compose_dir", scenarioFile, d, localPaths))
                    .orElse(flinkCdc == null ? null : flinkCdc.path());
            r.finish();
            if (provision == Provision.COMPOSE && composeDir == null) {
                throw r.error("provision", "compose needs the directory of the docker-compose file: set kafka.compose_dir "
                        + "or flink_cdc.path");
            }
            return new KafkaSpec(provision, bootstrap, partitions, r.origin(), composeDir, stop);
        }).orElse(new KafkaSpec(Provision.EMBEDDED, null, 1, parent.origin(), null, false));
    }

    /** The earlier tool's script commands, started in {@code flink_cdc.path}. */
    static final String LEGACY_PRODUCER = "{path}/scripts/producer-realtime.sh --db {db} --tables {tables} --topic {topic}";
    static final String LEGACY_CONSUMER = "{path}/scripts/consumer.sh --db {target_db} --consumer-batch-size "
            + "{consumer_batch_size} --topic {topic} --group {group}";

    /** {@code flink.jobmanager}: the REST address of a Flink session cluster, {@code http://host:port}. */
    private static String jobManager(MapReader r) {
        String url = r.requiredString("jobmanager");
        r.finish();
        try {
            java.net.URI uri = new java.net.URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getPort() < 0) {
                throw r.error("jobmanager", "expected the JobManager's REST address, http://host:port, got '" + url + "'");
            }
        } catch (java.net.URISyntaxException e) {
            throw r.error("jobmanager", "not a URL: " + e.getMessage());
        }
        return url;
    }

    private FlinkCdcSpec flinkCdc(MapReader r, Path scenarioFile, String jobManager, List<LocalPath> localPaths) {
        Path path = r.string("path").map(p -> scriptDir(r, "path", scenarioFile, p, localPaths)).orElse(null);
        String producer = r.string("producer_command", path == null ? null : LEGACY_PRODUCER);
        String consumer = r.string("consumer_command", path == null ? null : LEGACY_CONSUMER);
        Duration grace = r.duration("startup_grace", Duration.ofSeconds(5));
        FlinkCdcSpec.Commands commands = null;
        if (producer != null || consumer != null) {
            if (producer == null || consumer == null) {
                throw r.error(producer == null ? "consumer_command" : "producer_command",
                        "give both producer_command and consumer_command (or flink_cdc.path for the earlier tool's scripts)");
            }
            if (path == null && (producer.contains("{path}") || consumer.contains("{path}"))) {
                throw r.error(producer.contains("{path}") ? "producer_command" : "consumer_command",
                        "the command uses {path} but flink_cdc.path is not set");
            }
            for (String key : List.of("producer_command", "consumer_command")) {
                List<String> unknown = FlinkCdcSpec.Commands.unknownPlaceholders(key.startsWith("producer") ? producer : consumer);
                if (!unknown.isEmpty()) {
                    throw r.error(r.has(key) ? key : "path", "unknown placeholder " + String.join(", ", unknown) + " (known: "
                            + String.join(", ", FlinkCdcSpec.Commands.PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList()) + ")");
                }
            }
            commands = new FlinkCdcSpec.Commands(producer, consumer, path, grace);
        }
        List<String> tables = r.stringList("tables");
        String topic = r.string("topic", "cdc_test_topic");
        int batch = r.positiveInteger("consumer_batch_size", 2000);
        String group = r.string("group", "cdc_test_group");
        boolean stopKafka = r.bool("stop_kafka_on_teardown", false);
        Duration checkpoint = r.duration("checkpoint_interval", Duration.ofSeconds(2));
        String format = r.string("format", "debezium-json");
        io.cdctest.format.WireFormat wire = io.cdctest.format.WireFormat.byId(format).orElseThrow(() -> r.error("format",
                "unknown wire format '" + format + "' (known: " + String.join(", ", io.cdctest.format.WireFormat.ids()) + ")"));
        FlinkCdcSpec.Filters filters = r.map("filters").map(this::filters).orElse(FlinkCdcSpec.Filters.NONE);
        long dropNth = r.longValue("consumer_drop_nth", 0);
        if (dropNth < 0) {
            throw r.error("consumer_drop_nth", "expected 0 (off) or a positive event number, got " + dropNth);
        }
        FlinkCdcSpec.ConsumerFaults consumerFaults = new FlinkCdcSpec.ConsumerFaults(dropNth,
                fraction(r, "consumer_drop_fraction"), fraction(r, "consumer_redeliver_fraction"), 42);
        List<FlinkCdcSpec.Route> routes = r.maps("route").stream().map(ScenarioLoader::route).toList();
        Delivery delivery = DeliveryKey.read(r);
        long producerDropNth = r.longValue("producer_drop_nth", 0);
        if (producerDropNth < 0) {
            throw r.error("producer_drop_nth", "expected 0 (off) or a positive change number, got " + producerDropNth);
        }
        r.finish();
        if (tables.isEmpty() && routes.isEmpty()) {
            throw r.missing("tables");
        }
        return new FlinkCdcSpec(path, commands, tables, topic, batch, group, stopKafka, checkpoint, wire.id(), filters,
                consumerFaults, routes, delivery, producerDropNth, jobManager);
    }

    /** A probability: 0 (off) up to, not including, 1. */
    private static double fraction(MapReader r, String key) {
        String text = r.string(key, "0");
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value < 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw r.error(key, "expected a fraction from 0 (off) up to, not including, 1, got '" + text + "'");
    }

    /** One entry of {@code flink_cdc.route}. */
    private static FlinkCdcSpec.Route route(MapReader m) {
        String source = m.requiredString("source_table");
        try {
            java.util.regex.Pattern.compile(source);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw m.error("source_table", "not a regular expression: " + e.getDescription());
        }
        String sink = m.requiredString("sink_table");
        if (sink.contains(".")) {
            throw m.error("sink_table", "a table of the target database, without a database name, got '" + sink + "'");
        }
        String dbColumn = m.string("source_database_column", null);
        String tableColumn = m.string("source_table_column", null);
        m.finish();
        return new FlinkCdcSpec.Route(source, sink, dbColumn, tableColumn, m.origin());
    }

    /**
     * {@code flink_cdc.path}, {@code kafka.compose_dir}: {@code ~} is the home directory; a relative path is
     * relative to the scenario file. Only the machine that runs the pipeline needs it: missing here, it is a
     * warning (the run's preflight fails on it).
     */
    private static Path scriptDir(MapReader r, String key, Path scenarioFile, String text, List<LocalPath> localPaths) {
        String expanded = text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text;
        Path dir = Path.of(expanded);
        if (!dir.isAbsolute()) {
            dir = scenarioFile.toAbsolutePath().getParent().resolve(dir).normalize();
        }
        LocalPath local = new LocalPath(r.path() + "." + key, dir, r.originOf(key));
        if (!local.exists()) {
            r.warn(key, "no such directory here: " + dir + "; a run needs it on the machine that runs the pipeline");
        }
        localPaths.add(local);
        return dir;
    }

    private FlinkCdcSpec.Filters filters(MapReader r) {
        String exclude = r.string("exclude_tables", null);
        if (exclude != null) {
            try {
                java.util.regex.Pattern.compile(exclude);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw r.error("exclude_tables", "not a regular expression: " + e.getDescription());
            }
        }
        List<String> dml = r.has("dml_types") ? r.stringList("dml_types") : List.of("insert", "update", "delete");
        for (String type : dml) {
            if (!Set.of("insert", "update", "delete").contains(type)) {
                throw r.error("dml_types", "expected insert, update or delete, got '" + type + "'");
            }
        }
        r.finish();
        return new FlinkCdcSpec.Filters(exclude, Set.copyOf(dml));
    }

    /** @param captured the tables the pipeline captures (the default of data.tables), or null */
    private DataSpec data(MapReader r, List<String> captured, Path scenarioFile) {
        List<String> tables = r.stringList("tables");
        List<String> sql = sqlStatements(r, scenarioFile);
        if (tables.isEmpty() && captured != null && sql.isEmpty()) {
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

    private CdcConfig cdcConfig(MapReader r, Origin origin) {
        r.legacy("sync_mode", "not used: MatrixOne CDC tasks are always continuous");
        r.legacy("tables", "not used: the replicated tables are data.tables (or flink_cdc.tables)");
        r.legacy("batch_size", "not used by MatrixOne's CREATE CDC");
        r.legacy("network_compression", "not used");
        r.legacy("type_mapping", "not used: MatrixOne's sink creates the target tables with its own types, and "
                + "validate_sync compares values after type normalisation (CONFIGURATION.md#type-normalisation)");
        String level = r.string("level", null);
        String syncLevel = r.string("sync_level", null);
        if (level == null) {
            level = syncLevel == null ? "database" : syncLevel;
        }
        if (!Set.of("account", "database", "table").contains(level)) {
            throw r.error(r.has("level") ? "level" : "sync_level", "expected account, database or table, got '" + level + "'");
        }
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> key : CdcConfig.OPTION_KEYS.entrySet()) {
            r.string(key.getKey()).ifPresent(v -> options.put(key.getValue(), v));
        }
        int pitrHours = r.integer("pitr_hours", 2);
        if (pitrHours < 2) {
            throw r.error("pitr_hours", "MatrixOne CDC needs a PITR of at least 2 hours, got " + pitrHours);
        }
        String sinkHost = r.string("sink_host", null);
        Integer sinkPort = r.has("sink_port") ? port(r, "sink_port") : null;
        String sourceHost = r.string("source_host", null);
        Integer sourcePort = r.has("source_port") ? port(r, "source_port") : null;
        Integer syncInterval = r.has("sync_interval") ? r.positiveInteger("sync_interval", 10) : null;
        String subscribers = r.string("subscriber_accounts", null);
        String publisher = r.string("publisher_account", null);
        String metricsUrl = r.string("metrics_url", null);
        if (metricsUrl != null && !metricsUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw r.error("metrics_url", "expected an http:// or https:// URL, got '" + metricsUrl + "'");
        }
        r.finish();
        return new CdcConfig(level, java.util.Collections.unmodifiableMap(options), pitrHours, sinkHost, sinkPort, sourceHost, sourcePort,
                syncInterval, subscribers, publisher, metricsUrl, origin);
    }

    /** A TCP port a server dials: 1 to 65535. */
    private static int port(MapReader r, String key) {
        int port = r.integer(key, 0);
        if (port < 1 || port > 65535) {
            throw r.error(key, "expected a port between 1 and 65535, got " + port);
        }
        return port;
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
        r.finish();
        if (interval.isZero() || maxWait.isZero()) {
            throw CdctestException.config(r.origin() + ": validation: check_interval and max_wait_time must be above 0");
        }
        return new ValidationSpec(interval, maxWait);
    }
}
