package io.cdctest.pipeline.flinkcdc;

import io.cdctest.spec.Delivery;
import io.cdctest.spec.Origin;
import io.cdctest.spec.PipelineSettings;
import io.cdctest.spec.TableMapping;
import io.cdctest.spec.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code flink_cdc:} block: which tables the producer captures, the topic between producer and
 * consumer, the consumer's group and batch size, and how producer and consumer are run.
 *
 * @param path            the earlier tool's directory of producer/consumer scripts (null: none)
 * @param commands        custom producer and consumer commands (null: the built-in ones)
 * @param format          the wire format on the topic ({@code debezium-json}, {@code canal-json}, ...; see
 *                        {@code io.cdctest.format.WireFormat})
 * @param filters         what the built-in producer leaves out
 * @param consumerFaults  self-test faults of the built-in consumer (off by default)
 * @param routes          source tables (by pattern, across databases) merged into one target table each
 * @param delivery        what the topic may hold: with exactly-once a repeated event fails the audit
 * @param producerDropNth a self-test fault: the built-in producer skips its Nth binlog change (0: never)
 * @param jobManager      the REST address of a Flink session cluster ({@code flink.jobmanager}) the built-in
 *                        producer job is submitted to; null: a local MiniCluster
 */
public record FlinkCdcSpec(Path path, Commands commands, List<String> tables, String topic, int consumerBatchSize,
                           String group, boolean stopKafkaOnTeardown, Duration checkpointInterval, String format,
                           Filters filters, ConsumerFaults consumerFaults, List<Route> routes, Delivery delivery,
                           long producerDropNth, String jobManager) implements PipelineSettings {

    @Override
    public List<TableMapping> mappings() {
        return routes.stream().map(Route::mapping).toList();
    }

    /** The earlier tool's scripts directory holds its docker-compose file too. */
    @Override
    public Path composeDir() {
        return path;
    }

    /**
     * Faults the built-in consumer injects to prove the harness catches loss: it skips its
     * {@code dropNth} event, skips each event with probability {@code dropFraction}, and after a
     * batch, with probability {@code redeliverFraction}, does not commit and reads the same events
     * again (Kafka's at-least-once redelivery). Random choices follow {@code seed}.
     */
    public record ConsumerFaults(long dropNth, double dropFraction, double redeliverFraction, long seed) {
        public static final ConsumerFaults NONE = new ConsumerFaults(0, 0, 0, 42);
    }

    /**
     * Many-to-one: every source table whose {@code database.table} matches {@code sourceTable} (a
     * regular expression, as Flink CDC's {@code route:} takes it) is written into {@code sinkTable}
     * of the target database, with the source's database and table names in the given columns (which
     * then belong to the sink's primary key). Columns a source table lacks are NULL on the target.
     */
    public record Route(String sourceTable, String sinkTable, String sourceDatabaseColumn, String sourceTableColumn,
                        Origin origin) {
        public java.util.regex.Pattern pattern() {
            return java.util.regex.Pattern.compile(sourceTable);
        }

        /** The comparison that checks the route: each matching source table against its rows in the sink. */
        public TableMapping mapping() {
            return new TableMapping(sourceTable, sinkTable, List.of(), List.of(), null, sourceDatabaseColumn,
                    sourceTableColumn, origin, true);
        }
    }

    /**
     * Producer and consumer started from command templates, in {@code workDir}: placeholders
     * {@code {path} {db} {tables} {topic} {group} {consumer_batch_size} {format} {source_db}
     * {target_db} {bootstrap_servers}} are replaced by shell-quoted values; connection details and
     * passwords come in {@code CDCTEST_*} environment variables.
     *
     * @param startupGrace how long a command must stay up to count as started when it writes no
     *                     status file
     */
    public record Commands(String producer, String consumer, Path workDir, Duration startupGrace) {
        /** The placeholders a command template may use. */
        public static final Set<String> PLACEHOLDERS = Set.of("path", "db", "source_db", "target_db", "tables", "topic",
                "group", "consumer_batch_size", "format", "bootstrap_servers");

        /** The placeholders of a template that are not known (the {@link Template#COMMAND} spelling). */
        public static List<String> unknownPlaceholders(String template) {
            return Template.COMMAND.placeholders(template).stream().filter(p -> !PLACEHOLDERS.contains(p))
                    .map(p -> "{" + p + "}").toList();
        }
    }

    /**
     * @param exclude  regular expression over {@code database.table}: matching tables are not sent (null: none)
     * @param dmlTypes the binlog operations sent ({@code insert}, {@code update}, {@code delete}); snapshot
     *                 reads are always sent
     */
    public record Filters(String exclude, Set<String> dmlTypes) {
        public static final Filters NONE = new Filters(null, Set.of("insert", "update", "delete"));
    }
}
