package io.cdctest.pipeline.flinkcdc;

import io.cdctest.CdctestException;
import io.cdctest.CdctestHome;
import io.cdctest.env.ChildProcess;
import io.cdctest.pipeline.flinkcdc.consumer.ConsumerMain;
import io.cdctest.pipeline.flinkcdc.consumer.Routes;
import io.cdctest.pipeline.process.EndpointVariables;
import io.cdctest.sql.JdbcEndpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command lines of the built-in producer (a Flink CDC job, own class path) and consumer, and the
 * {@code CDCTEST_*} environment that tells a custom command where everything is. Passwords only
 * ever travel in the environment.
 */
public final class BuiltIn {
    public static final String SOURCE_PASSWORD = "CDCTEST_SOURCE_PASSWORD";

    private BuiltIn() {
    }

    /** What the producer captures and where it writes. */
    public record ProducerJob(JdbcEndpoint source, String database, List<String> tables, String topic, String format,
                              String bootstrapServers, int serverId, long checkpointMillis, FlinkCdcSpec.Filters filters,
                              Path statusFile, long dropNth, String jobManager) {
    }

    /** What the consumer reads and where it applies it ({@code routes}: many-to-one merges). */
    public record ConsumerJob(JdbcEndpoint target, String database, String topic, String format, String group,
                              int batchSize, String bootstrapServers, Path statusFile, FlinkCdcSpec.ConsumerFaults faults,
                              List<FlinkCdcSpec.Route> routes) {
    }

    public static List<String> producerCommand(CdctestHome home, ProducerJob job, Path tmp) {
        List<String> args = new ArrayList<>(List.of(
                "--host", job.source().host(), "--port", String.valueOf(job.source().port()),
                "--user", job.source().loginUser(), "--database", job.database(), "--tables", String.join(",", job.tables()),
                "--topic", job.topic(), "--format", job.format(), "--bootstrap-servers", job.bootstrapServers(),
                "--server-id", String.valueOf(job.serverId()), "--checkpoint-ms", String.valueOf(job.checkpointMillis()),
                "--dml-types", String.join(",", job.filters().dmlTypes().stream().sorted().toList())));
        if (job.filters().exclude() != null) {
            args.addAll(List.of("--exclude", job.filters().exclude()));
        }
        if (job.statusFile() != null) {
            args.addAll(List.of("--status-file", job.statusFile().toString()));
        }
        if (job.dropNth() > 0) {
            args.addAll(List.of("--drop-nth", String.valueOf(job.dropNth())));
        }
        if (job.jobManager() != null) {
            args.addAll(List.of("--jobmanager", job.jobManager()));
        }
        return ChildProcess.java(home.classpath("cdctest-producer"), "io.cdctest.producer.FlinkCdcProducer",
                List.of("-Xmx1g", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp), args);
    }

    public static Map<String, String> producerEnvironment(ProducerJob job) {
        return Map.of(SOURCE_PASSWORD, job.source().password().reveal());
    }

    public static List<String> consumerCommand(CdctestHome home, ConsumerJob job) {
        JdbcEndpoint target = job.target();
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers", job.bootstrapServers(), "--topic", job.topic(), "--format", job.format(),
                "--group", job.group(), "--batch-size", String.valueOf(job.batchSize()),
                "--target-engine", target.engine().id(), "--target-host", target.host(),
                "--target-port", String.valueOf(target.port()), "--target-user", target.user(),
                "--target-database", job.database(), "--target-tls", String.valueOf(target.tls()),
                "--drop-nth", String.valueOf(job.faults().dropNth()),
                "--drop-fraction", String.valueOf(job.faults().dropFraction()),
                "--redeliver-fraction", String.valueOf(job.faults().redeliverFraction()),
                "--fault-seed", String.valueOf(job.faults().seed())));
        if (target.account() != null) {
            args.addAll(List.of("--target-account", target.account()));
        }
        if (job.statusFile() != null) {
            args.addAll(List.of("--status-file", job.statusFile().toString()));
        }
        return ChildProcess.java(home.classpath("cdctest-cli"), ConsumerMain.class.getName(),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), args);
    }

    public static Map<String, String> consumerEnvironment(ConsumerJob job) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ConsumerMain.PASSWORD_ENV, job.target().password().reveal());
        if (!job.routes().isEmpty()) {
            env.put(Routes.ENV, Routes.toJson(job.routes()));
        }
        return env;
    }

    /**
     * Everything a custom producer or consumer command needs, as {@code CDCTEST_*} variables: the
     * contract documented in docs/FLINK_CDC_GUIDE.md, read back by {@link #producerJob} and
     * {@link #consumerJob} when a script calls {@code cdctest producer} / {@code cdctest consumer}.
     */
    public static Map<String, String> scriptEnvironment(CdctestHome home, ProducerJob p, ConsumerJob c, Path statusFile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CDCTEST_HOME", home.root().toString());
        env.put(io.cdctest.support.StatusFile.ENV, statusFile.toString());
        env.put("CDCTEST_FORMAT", p.format());
        env.put("CDCTEST_KAFKA_BOOTSTRAP_SERVERS", p.bootstrapServers());
        env.put("CDCTEST_TOPIC", p.topic());
        env.put("CDCTEST_GROUP", c.group());
        env.put("CDCTEST_TABLES", String.join(",", p.tables()));
        env.put("CDCTEST_SERVER_ID", String.valueOf(p.serverId()));
        env.put("CDCTEST_CHECKPOINT_MS", String.valueOf(p.checkpointMillis()));
        env.put("CDCTEST_DML_TYPES", String.join(",", p.filters().dmlTypes().stream().sorted().toList()));
        if (p.filters().exclude() != null) {
            env.put("CDCTEST_EXCLUDE_TABLES", p.filters().exclude());
        }
        if (!c.routes().isEmpty()) {
            env.put(Routes.ENV, Routes.toJson(c.routes()));
        }
        if (p.jobManager() != null) {
            env.put("CDCTEST_FLINK_JOBMANAGER", p.jobManager());
        }
        EndpointVariables.put(env, "SOURCE", p.source(), p.database());
        EndpointVariables.put(env, "TARGET", c.target(), c.database());
        return env;
    }

    /** The producer a script asks for ({@code cdctest producer --db d --tables t --topic x}), the rest from the environment. */
    public static ProducerJob producerJob(Map<String, String> env, String database, List<String> tables, String topic,
                                          String format, Path statusFile) {
        JdbcEndpoint source = EndpointVariables.read(env, "SOURCE", database);
        FlinkCdcSpec.Filters filters = new FlinkCdcSpec.Filters(blankToNull(env.get("CDCTEST_EXCLUDE_TABLES")),
                java.util.Set.copyOf(Arrays.asList(env.getOrDefault("CDCTEST_DML_TYPES", "insert,update,delete").split(","))));
        return new ProducerJob(source, database, tables, topic, format, required(env, "CDCTEST_KAFKA_BOOTSTRAP_SERVERS"),
                Integer.parseInt(env.getOrDefault("CDCTEST_SERVER_ID", "5400")),
                Long.parseLong(env.getOrDefault("CDCTEST_CHECKPOINT_MS", "2000")), filters, statusFile, 0,
                blankToNull(env.get("CDCTEST_FLINK_JOBMANAGER")));
    }

    /** The consumer a script asks for ({@code cdctest consumer --db d --topic x --group g}), the rest from the environment. */
    public static ConsumerJob consumerJob(Map<String, String> env, String database, String topic, String group,
                                          int batchSize, String format, Path statusFile) {
        return new ConsumerJob(EndpointVariables.read(env, "TARGET", database), database, topic, format, group, batchSize,
                required(env, "CDCTEST_KAFKA_BOOTSTRAP_SERVERS"), statusFile, FlinkCdcSpec.ConsumerFaults.NONE,
                routesOf(env));
    }

    private static List<FlinkCdcSpec.Route> routesOf(Map<String, String> env) {
        try {
            return Routes.fromEnvironment(env).routes();
        } catch (IllegalArgumentException e) {
            throw CdctestException.config(e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw CdctestException.config(name + " is not set: it names the Kafka bootstrap servers (cdctest sets it "
                    + "for the commands it starts)");
        }
        return value;
    }
}
