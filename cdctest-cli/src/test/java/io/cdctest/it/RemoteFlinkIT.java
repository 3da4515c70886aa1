package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.CdctestHome;
import io.cdctest.cli.CliRunner;
import io.cdctest.env.Ports;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flink.jobmanager}: the built-in producer job submitted to a Flink session cluster over its
 * REST API and watched there. The cluster is a real Flink JobManager and TaskManager in another JVM
 * (LocalFlinkCluster) whose class path holds Flink only, as a Flink distribution does: the job runs
 * only if the producer ships every jar it needs. Teardown must cancel the job on the cluster.
 */
class RemoteFlinkIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process cluster;
    private static String rest;

    @BeforeAll
    static void startCluster(@TempDir Path tmp) throws Exception {
        int port = Ports.free();
        cluster = startCluster(port, tmp.resolve("flink-cluster.log"), true);
        rest = "http://127.0.0.1:" + port;
    }

    /**
     * A LocalFlinkCluster on the port; {@code flinkOnly}: its class path holds Flink only (as a
     * distribution's lib/ does), else also the connectors and Kafka client (as a cluster with them in lib/).
     */
    private static Process startCluster(int port, Path log, boolean flinkOnly) throws Exception {
        String classpath = Arrays.stream(CdctestHome.locate().classpath("cdctest-producer").split(File.pathSeparator))
                .filter(e -> !flinkOnly || !e.matches(".*/(cdctest-format|flink-sql-connector-|flink-connector-|kafka-clients"
                        + "|mysql-connector|jackson-|lz4-|snappy-|zstd-)[^/]*\\.jar") && !e.contains("cdctest-format/target/classes"))
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", classpath, "io.cdctest.producer.LocalFlinkCluster", String.valueOf(port)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("REST http")) {
            assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the Flink cluster did not start: " + Files.readString(log)).isLessThan(deadline);
            Thread.sleep(200);
        }
        return process;
    }

    private static void stop(Process process) throws Exception {
        process.getOutputStream().close();
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            stop(cluster);
        }
    }

    private static List<JsonNode> jobs() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(rest + "/jobs/overview")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> jobs = new ArrayList<>();
        new ObjectMapper().readTree(response.body()).path("jobs").forEach(jobs::add);
        return jobs;
    }

    @Test
    void theProducerJobRunsOnTheClusterAndIsCancelledAtTheEnd(@TempDir Path reports) throws Exception {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "basic", "--report-dir", reports.toString(),
                "--set", "data.rows=200", "--set", "flink.jobmanager=" + rest);
        run.assertPassed(6);
        assertThat(Files.readString(reports.resolve("logs/producer.log"))).contains("submitted to " + rest);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<JsonNode> jobs = jobs();
        while (!jobs.stream().allMatch(j -> j.path("state").asText().equals("CANCELED")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            jobs = jobs();
        }
        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.path("name").asText()).startsWith("cdctest-producer cdc_source_");
            assertThat(job.path("state").asText()).isEqualTo("CANCELED");
        });
        QuickstartIT.assertNoChildProcessesBut(cluster, null);
    }

    @Test
    void aJobThatFailsOnTheClusterEndsTheRunWithFlinksMessage(@TempDir Path tmp) throws Exception {
        // the Kafka client both in the cluster's class path and in the job's jars: Flink loads the job's
        // classes child-first, so the sink's serializer is a different class than the one Kafka expects
        int port = Ports.free();
        Process broken = startCluster(port, tmp.resolve("flink-cluster.log"), false);
        try {
            CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "snapshot", "--report-dir",
                    tmp.resolve("reports").toString(), "--set", "data.rows=10", "--set", "flink.jobmanager=http://127.0.0.1:" + port);
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("the pipeline broke while waiting: producer")
                    // the job's FAILED state or the producer's exit, whichever the harness sees first, with Flink's message
                    .contains("class org.apache.kafka.common.serialization.ByteArraySerializer is not an "
                            + "instance of org.apache.kafka.common.serialization.Serializer");
            QuickstartIT.assertNoChildProcessesBut(cluster, broken);
        } finally {
            stop(broken);
        }
    }

    @Test
    void anUnreachableJobManagerIsAnEnvironmentErrorNamingIt(@TempDir Path reports) {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "snapshot", "--report-dir", reports.toString(),
                "--set", "data.rows=10", "--set", "flink.jobmanager=http://127.0.0.1:1");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out() + run.err()).contains("preflight: flink: nothing answers at 127.0.0.1:1 (fix: start the Flink "
                + "cluster, or correct flink.jobmanager)");
        QuickstartIT.assertNoChildProcessesBut(cluster, null);
    }
}
