package io.cdctest.producer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import io.cdctest.support.ParentWatch;
import io.cdctest.support.StatusFile;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.cdc.connectors.mysql.source.MySqlSource;
import org.apache.flink.cdc.connectors.mysql.table.StartupOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The built-in producer: a Flink CDC MySQL source (snapshot, then binlog) writing change events in
 * the scenario's wire format (Debezium JSON by default) to Kafka, in a local MiniCluster. Runs as a subprocess of cdctest; its
 * job state is written to a small status file the harness reads.
 */
public final class FlinkCdcProducer {
    private FlinkCdcProducer() {
    }

    public static void main(String[] argv) throws Exception {
        ParentWatch.start("cdctest-producer");
        ProducerArgs args;
        try {
            args = ProducerArgs.parse(argv, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("cdctest-producer: " + e.getMessage());
            System.exit(2);
            return;
        }
        writeStatus(args, StatusFile.STARTING, null);
        JobClient job;
        try {
            job = buildEnvironment(args).executeAsync("cdctest-producer " + args.database());
        } catch (Exception e) {
            String where = args.jobManager() == null ? "" : "cannot submit the job to the Flink JobManager at "
                    + args.jobManager() + ": ";
            writeStatus(args, StatusFile.FAILED, where + rootMessage(e));
            throw e;
        }
        try {
            System.err.println("cdctest-producer: job " + job.getJobID() + " submitted"
                    + (args.jobManager() == null ? " to a local MiniCluster" : " to " + args.jobManager()));
            if (args.jobManager() != null) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> cancel(job, args.jobManager()), "cancel-job"));
                ParentWatch.beforeExit(() -> cancel(job, args.jobManager()));
            }
            watch(args, job);
        } catch (Exception e) {
            writeStatus(args, StatusFile.FAILED, rootMessage(e));
            throw e;
        }
    }

    /**
     * A session cluster reached through its JobManager's REST API ({@code http://host:8081}): the job
     * graph and the jars Flink does not bring are uploaded with the submission.
     */
    private static StreamExecutionEnvironment remote(String jobManager, Configuration conf, Path tmp) {
        java.net.URI uri = java.net.URI.create(jobManager);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("--jobmanager: expected http://host:port, got '" + jobManager + "'");
        }
        conf.setString("rest.retry.max-attempts", "2");
        conf.setString("rest.retry.delay", "1 s");
        try {
            List<String> jars = JobJars.forRemote(tmp);
            return StreamExecutionEnvironment.createRemoteEnvironment(uri.getHost(), uri.getPort(), conf,
                    jars.toArray(String[]::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot pack the job's jars: " + e.getMessage(), e);
        }
    }

    private static final Object CANCEL_LOCK = new Object();
    private static boolean cancelled;

    /**
     * Cancels the job on the remote cluster when the producer stops (the cluster outlives it). Called
     * from the shutdown hook (SIGTERM) and before the parent watch halts (stdin closed), often both
     * at once: the second caller waits until the first is done, so the process never halts mid-cancel.
     */
    private static void cancel(JobClient job, String jobManager) {
        synchronized (CANCEL_LOCK) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            try {
                job.cancel().get(15, TimeUnit.SECONDS);
                System.err.println("cdctest-producer: job " + job.getJobID() + " cancelled on " + jobManager);
            } catch (Exception e) {
                System.err.println("cdctest-producer: cannot cancel job " + job.getJobID() + " on " + jobManager + ": " + e);
            }
        }
    }

    private static StreamExecutionEnvironment buildEnvironment(ProducerArgs args) {
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "10"); // rides out a source restart (fault steps)
        conf.setString("restart-strategy.fixed-delay.delay", "2 s");
        String tmp = System.getProperty("java.io.tmpdir");
        conf.setString("io.tmp.dirs", tmp);
        StreamExecutionEnvironment env = args.jobManager() == null ? StreamExecutionEnvironment.createLocalEnvironment(1, conf)
                : remote(args.jobManager(), conf, Path.of(tmp));
        env.enableCheckpointing(args.checkpointMillis());

        Properties debezium = new Properties();
        debezium.setProperty("bigint.unsigned.handling.mode", "precise");
        debezium.setProperty("decimal.handling.mode", "precise");
        debezium.setProperty("column.propagate.source.type", ".*"); // column types for Canal's mysqlType, Maxwell's SETs
        // the binlog client notices a lost connection (source restarted) and reconnects every 2 s, not every minute
        debezium.setProperty("connect.keep.alive.interval.ms", "2000");
        // a plain name is a table of the database; a name with a dot is a regular expression over
        // database.table (a route's source, possibly across databases)
        String[] tables = args.tables().stream().map(t -> t.contains(".") ? t : args.database() + "." + t)
                .toArray(String[]::new);
        String[] databases = args.tables().stream().map(t -> t.contains(".") ? databasePart(t) : args.database())
                .distinct().toArray(String[]::new);
        MySqlSource<ProducedRecord> source = MySqlSource.<ProducedRecord>builder()
                .hostname(args.host())
                .port(args.port())
                .username(args.user())
                .password(args.password())
                .databaseList(databases)
                .tableList(tables)
                .serverId(args.serverId())
                .serverTimeZone("UTC")
                .startupOptions(StartupOptions.initial())
                .debeziumProperties(debezium)
                .deserializer(new ChangeRecordSchema(args.format(), args.topic(), args.includeSchema(), args.exclude(),
                        args.dmlTypes(), args.dropNth()))
                .build();

        KafkaSink<ProducedRecord> sink = KafkaSink.<ProducedRecord>builder()
                .setBootstrapServers(args.bootstrapServers())
                .setRecordSerializer(new TableKeySerializer())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("linger.ms", "10")
                .setProperty("batch.size", "1048576")
                .setProperty("compression.type", "lz4")
                .build();

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "mysql-cdc " + args.database())
                .setParallelism(1)
                .sinkTo(sink)
                .setParallelism(1);
        return env;
    }

    /**
     * The database part of a {@code database.table} pattern: up to the first dot ({@code .} or
     * {@code \\.}) outside a character class.
     */
    static String databasePart(String qualified) {
        boolean inClass = false;
        for (int i = 0; i < qualified.length(); i++) {
            char c = qualified.charAt(i);
            if (c == '\\' && i + 1 < qualified.length()) {
                if (qualified.charAt(i + 1) == '.' && !inClass) {
                    return qualified.substring(0, i);
                }
                i++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '.' && !inClass) {
                return qualified.substring(0, i);
            }
        }
        return qualified;
    }

    /**
     * Reports every change of the job's state (sampled from the MiniCluster four times a second)
     * and waits for the job's end; a failed job ends the process with Flink's message.
     */
    private static void watch(ProducerArgs args, JobClient job) throws Exception {
        AtomicReference<JobStatus> last = new AtomicReference<>();
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-status");
            t.setDaemon(true);
            return t;
        });
        reporter.scheduleWithFixedDelay(() -> {
            try {
                JobStatus status = job.getJobStatus().get();
                if (last.getAndSet(status) != status) {
                    System.err.println("cdctest-producer: job " + status);
                    if (status != JobStatus.FAILED) { // FAILED is written with Flink's message when the result arrives
                        writeStatus(args, status.name(), null);
                    }
                }
            } catch (Exception e) {
                System.err.println("cdctest-producer: cannot read job status: " + e);
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
        try {
            job.getJobExecutionResult().get();
            writeStatus(args, StatusFile.FINISHED, null);
        } catch (Exception e) {
            writeStatus(args, StatusFile.FAILED, rootMessage(e));
            throw e;
        } finally {
            reporter.shutdownNow();
        }
    }

    /**
     * The first cause of a failure, as one line; when Flink gave up restarting the job, what made it give
     * up comes first ("Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(...)"), so that
     * the failure says the job failed for good, not just once.
     */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        String gaveUp = null;
        while (true) {
            if (gaveUp == null && t.getMessage() != null && t.getMessage().startsWith("Recovery is suppressed")) {
                gaveUp = "the job gave up restarting (" + t.getMessage() + "): ";
            }
            if (t.getCause() == null || t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return (gaveUp == null ? "" : gaveUp) + t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void writeStatus(ProducerArgs args, String state, String error) {
        if (args.statusFile() == null) {
            return;
        }
        Map<String, String> status = new LinkedHashMap<>();
        status.put(StatusFile.STATE, state);
        status.put(StatusFile.TIME, Instant.now().toString());
        if (error != null) {
            status.put(StatusFile.ERROR, error);
        }
        try {
            StatusFile.write(Path.of(args.statusFile()), status);
        } catch (IOException e) {
            System.err.println("cdctest-producer: cannot write status file: " + e.getMessage());
        }
    }
}
