package io.cdctest.pipeline.flinkcdc;

import io.cdctest.format.WireFormat;
import io.cdctest.spec.Delivery;
import io.cdctest.spec.Engine;
import io.cdctest.spec.load.DeliveryKey;
import io.cdctest.spec.load.MapReader;
import io.cdctest.spec.load.PipelineBlocks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the {@code flink_cdc:} block (required) and the optional {@code flink:} block into a {@link FlinkCdcSpec}. */
final class FlinkCdcLoader {
    /** The earlier tool's script commands, started in {@code flink_cdc.path}. */
    static final String LEGACY_PRODUCER = "{path}/scripts/producer-realtime.sh --db {db} --tables {tables} --topic {topic}";
    static final String LEGACY_CONSUMER = "{path}/scripts/consumer.sh --db {target_db} --consumer-batch-size "
            + "{consumer_batch_size} --topic {topic} --group {group}";

    private FlinkCdcLoader() {
    }

    static FlinkCdcSpec read(PipelineBlocks scenario) {
        String jobManager = scenario.block("flink").map(FlinkCdcLoader::jobManager).orElse(null);
        MapReader block = scenario.block("flink_cdc").orElseThrow(() -> jobManager == null ? scenario.missing("flink_cdc")
                : scenario.error("flink", "a Flink cluster is used only by the flink_cdc pipeline, and this scenario has no "
                + "flink_cdc block"));
        FlinkCdcSpec spec = flinkCdc(block, scenario, jobManager);
        if (spec.commands() == null) { // the built-in producer is Flink CDC's MySqlSource: a MySQL binlog
            scenario.requireEngine(scenario.source(), e -> e == Engine.MYSQL || e == Engine.MARIADB,
                    "mysql or mariadb for the built-in producer (a binlog reader; producer_command runs your own)");
        }
        return spec;
    }

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

    private static FlinkCdcSpec flinkCdc(MapReader r, PipelineBlocks scenario, String jobManager) {
        Path path = r.string("path").map(p -> scenario.localDirectory(r, "path", p)).orElse(null);
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
        WireFormat wire = WireFormat.byId(format).orElseThrow(() -> r.error("format",
                "unknown wire format '" + format + "' (known: " + String.join(", ", WireFormat.ids()) + ")"));
        FlinkCdcSpec.Filters filters = r.map("filters").map(FlinkCdcLoader::filters).orElse(FlinkCdcSpec.Filters.NONE);
        long dropNth = r.longValue("consumer_drop_nth", 0);
        if (dropNth < 0) {
            throw r.error("consumer_drop_nth", "expected 0 (off) or a positive event number, got " + dropNth);
        }
        FlinkCdcSpec.ConsumerFaults consumerFaults = new FlinkCdcSpec.ConsumerFaults(dropNth,
                fraction(r, "consumer_drop_fraction"), fraction(r, "consumer_redeliver_fraction"), 42);
        List<FlinkCdcSpec.Route> routes = r.maps("route").stream().map(FlinkCdcLoader::route).toList();
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
        regex(m, "source_table", source);
        String sink = m.requiredString("sink_table");
        if (sink.contains(".")) {
            throw m.error("sink_table", "a table of the target database, without a database name, got '" + sink + "'");
        }
        String dbColumn = m.string("source_database_column", null);
        String tableColumn = m.string("source_table_column", null);
        m.finish();
        return new FlinkCdcSpec.Route(source, sink, dbColumn, tableColumn, m.origin());
    }

    private static FlinkCdcSpec.Filters filters(MapReader r) {
        String exclude = r.string("exclude_tables", null);
        if (exclude != null) {
            regex(r, "exclude_tables", exclude);
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

    private static void regex(MapReader r, String key, String text) {
        try {
            Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw r.error(key, "not a regular expression: " + e.getDescription());
        }
    }
}
