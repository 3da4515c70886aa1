package io.cdctest.pipeline.flinkcdc.consumer;

import io.cdctest.format.ChangeDecoder;
import io.cdctest.format.ChangeEvent;
import io.cdctest.format.MalformedMessageException;
import io.cdctest.format.Topics;
import io.cdctest.format.WireFormat;
import io.cdctest.format.WireRecord;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.support.ParentWatch;
import io.cdctest.support.StatusFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The built-in consumer: reads change events from a Kafka topic and applies them to the target
 * database in batches, committing Kafka offsets only after the database commit (at-least-once;
 * the upserts are idempotent). Runs as a subprocess of cdctest; the target password comes from
 * the environment variable {@code CDCTEST_TARGET_PASSWORD}.
 */
@Command(name = "cdctest-consumer", mixinStandardHelpOptions = true,
        description = "Applies change events from Kafka to a MySQL-protocol database.")
public final class ConsumerMain implements Callable<Integer> {
    public static final String PASSWORD_ENV = "CDCTEST_TARGET_PASSWORD";

    @Option(names = "--bootstrap-servers", required = true)
    String bootstrapServers;
    @Option(names = "--topic", required = true)
    String topic;
    @Option(names = "--format", defaultValue = "debezium-json",
            description = "Wire format on the topic: debezium-json, canal-json, maxwell-json, changelog-json, upsert-kafka, enterprise-json.")
    String format;
    @Option(names = "--group", required = true)
    String group;
    @Option(names = {"--batch-size", "--consumer-batch-size"}, defaultValue = "2000")
    int batchSize;
    @Option(names = "--target-engine", defaultValue = "mysql")
    String engine;
    @Option(names = "--target-host", defaultValue = "127.0.0.1")
    String host;
    @Option(names = "--target-port", defaultValue = "3306")
    int port;
    @Option(names = "--target-user", defaultValue = "root")
    String user;
    @Option(names = "--target-account")
    String account;
    @Option(names = {"--target-database", "--db"}, required = true)
    String database;
    @Option(names = "--target-tls", defaultValue = "true", arity = "1")
    boolean tls;
    @Option(names = "--status-file")
    Path statusFile;
    @Option(names = "--drop-nth", defaultValue = "0",
            description = "Self-test fault: skip the Nth event read (1-based; 0 never), logging its key.")
    long dropNth;
    @Option(names = "--drop-fraction", defaultValue = "0", description = "Self-test fault: skip each event with this probability.")
    double dropFraction;
    @Option(names = "--redeliver-fraction", defaultValue = "0",
            description = "Self-test fault: after a batch, with this probability, do not commit and read it again.")
    double redeliverFraction;
    @Option(names = "--fault-seed", defaultValue = "42")
    long faultSeed;
    private ConsumerFaults faults;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Object> status = new LinkedHashMap<>();
    private long events;
    private long batches;

    public static void main(String[] args) {
        ParentWatch.start("cdctest-consumer");
        System.exit(new CommandLine(new ConsumerMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        faults = new ConsumerFaults(dropNth, dropFraction, redeliverFraction, faultSeed);
        report(StatusFile.STARTING, null);
        Engine targetEngine = Engine.byId(engine).orElseThrow(() -> new IllegalArgumentException("unknown engine " + engine));
        JdbcEndpoint target = new JdbcEndpoint("target", targetEngine, host, port, user,
                new Secret(System.getenv().getOrDefault(PASSWORD_ENV, "")), database, account, tls);
        WireFormat wire = WireFormat.byId(format).orElseThrow(() -> new IllegalArgumentException("unknown format " + format));
        Topics topics = wire.topics(topic);
        System.err.println("cdctest-consumer: reading " + wire.id() + " from " + (topics.perTable() ? topics.pattern() : topic)
                + " into " + database);
        Thread main = Thread.currentThread();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafkaProperties());
             TargetWriter writer = new TargetWriter(target, database, Routes.fromEnvironment(System.getenv()))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.set(false);
                consumer.wakeup();
                try {
                    main.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "consumer-shutdown"));
            ChangeDecoder decoder = wire.decoder(topics, writer.columnTypes());
            ConsumerRebalanceListener listener = new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // offsets are committed after every applied batch
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    report(StatusFile.RUNNING, null);
                }
            };
            if (topics.perTable()) {
                consumer.subscribe(topics.pattern(), listener);
            } else {
                consumer.subscribe(List.of(topic), listener);
            }
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(200));
                } catch (WakeupException e) {
                    break;
                }
                if (records.isEmpty()) {
                    continue;
                }
                List<ChangeEvent> decoded = writer.retrying("decoding " + records.count() + " records", () -> {
                    List<ChangeEvent> events = new ArrayList<>();
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        events.addAll(decode(decoder, record));
                    }
                    return events;
                });
                List<ChangeEvent> batch = new ArrayList<>();
                for (ChangeEvent event : decoded) {
                    if (!faults.drop(event)) {
                        batch.add(event);
                    }
                }
                writer.apply(batch);
                if (faults.redeliver(batch.size())) {
                    rewind(consumer);
                } else {
                    consumer.commitSync();
                }
                events += batch.size();
                batches++;
                report(StatusFile.RUNNING, null);
            }
            report(StatusFile.STOPPED, null);
            return 0;
        } catch (Exception e) {
            report(StatusFile.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
            System.err.println("cdctest-consumer: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    /** Back to the committed offsets: what was read since is delivered again. */
    private static void rewind(KafkaConsumer<byte[], byte[]> consumer) {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                consumer.committed(consumer.assignment());
        for (TopicPartition partition : consumer.assignment()) {
            org.apache.kafka.clients.consumer.OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    private static List<ChangeEvent> decode(ChangeDecoder decoder, ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null
                : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return decoder.decode(new WireRecord(record.topic(), record.key(), record.value(), headers));
        } catch (MalformedMessageException e) {
            throw new MalformedMessageException(record.topic() + " partition " + record.partition() + " offset "
                    + record.offset() + ": " + e.getMessage(), e);
        }
    }

    private Properties kafkaProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(batchSize));
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"); // per-table topics appear as tables get rows
        // a consumer killed without leaving the group holds its partitions until the session times out:
        // 10 s instead of 45 s, so a restarted consumer resumes quickly
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private void report(String state, String error) {
        status.put(StatusFile.STATE, state);
        status.put(StatusFile.TIME, Instant.now().toString());
        status.put("events", events);
        status.put("batches", batches);
        if (faults != null && (faults.dropped() > 0 || faults.redelivered() > 0)) {
            status.put("dropped", faults.dropped());
            status.put("redelivered", faults.redelivered());
        }
        if (error != null) {
            status.put(StatusFile.ERROR, error);
        }
        if (statusFile == null) {
            return;
        }
        try {
            StatusFile.write(statusFile, status);
        } catch (java.io.IOException e) {
            System.err.println("cannot write status file " + statusFile + ": " + e.getMessage());
        }
    }
}
