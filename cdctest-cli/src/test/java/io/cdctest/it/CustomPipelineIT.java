package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cdctest.Fixtures;
import io.cdctest.cli.CliRunner;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic adapter for real: the shipped example (a REST CDC manager started by a command hook,
 * driven over HTTP, and a consumer command, around the built-in producer and consumer) end to end
 * on the embedded default; a platform whose status hook reports failed, at start (exit 3) and while
 * a step waits (exit 1), each with the platform's own message; and a pipeline's Prometheus metrics,
 * served by this test, as a caught-up signal and in every report.
 */
class CustomPipelineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "Canary-token-5d21c";

    @Test
    void theShippedExamplePassesThroughCommandAndHttpHooks(@TempDir Path reports) throws Exception {
        CliRunner run = CliRunner.run("--scenario", "custom_example", "--group", "basic", "--report-dir", reports.toString(),
                "--set", "data.rows=300", "--set", "custom.secrets.api_token=" + TOKEN);

        run.assertPassed(6);
        String hooks = Files.readString(reports.resolve("logs/hooks.log"));
        assertThat(hooks).contains("CdcManager.java --port ", "(setup hook 'manager', in the background",
                "> POST http://127.0.0.1:", "/api/tools/add_cdc_job   (start hook 'add job')", "\"mysql_password\":\"",
                "< 200 {\"code\": 0, \"msg\": \"ok\", \"data\": {\"id\": 12345, \"job_status\": \"stopped\"",
                "/api/cdc/job/start   (start hook 'start job')\n  {\"id\":12345}",
                "$ command sh consumer.sh cdc_target_", "(start hook 'consumer', in the background",
                "\"job_status\": \"running\"", "(stop hook 'stop job')", "(teardown hook 'delete job')");
        assertThat(Files.readString(reports.resolve("logs/manager.log"))).contains("cdc manager: job 12345 cdctest-");
        assertThat(Files.readString(reports.resolve("logs/consumer.log"))).contains("consumer.sh: applying cdc_test_topic_",
                "format enterprise-json");
        JsonNode fullSync = JSON.readTree(reports.resolve("summary.json").toFile()).path("testcases").get(0);
        assertThat(fullSync.path("steps").get(0).path("detail").asText())
                .contains("cdc_test_base: 300 rows equal", "Kafka audit: ", "none lost or out of order");
        // the token reached the manager (every call is authorized by it) and nothing shows it
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(TOKEN);
            }
        }
        QuickstartIT.assertNoChildProcesses();
    }

    /**
     * The quickstart's file (the example's default) holds faults on the producer, which the platform
     * runs and cdctest cannot break: that testcase is skipped, saying why, before it changes anything;
     * a database fault runs.
     */
    @Test
    void aFaultOnAComponentThePlatformRunsIsSkippedSayingWhy(@TempDir Path reports) throws Exception {
        CliRunner run = CliRunner.run("--scenario", "custom_example", "--group", "faults", "--id", "QS070,QS075",
                "--report-dir", reports.toString(), "--set", "data.rows=200");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("2 testcases: 1 passed, 0 failed, 1 skipped", "PASSED   QS075")
                .containsPattern("SKIPPED +QS070")
                .contains("skipped: step 2 (fault, ", "): the producer of this run cannot be broken on purpose");
        assertThat(Files.readString(reports.resolve("junit.xml"))).contains("skipped=\"1\"",
                "<skipped message=\"skipped: step 2 (fault, ");
        JsonNode skipped = JSON.readTree(reports.resolve("summary.json").toFile()).path("testcases").get(0);
        assertThat(skipped.path("status").asText()).isEqualTo("SKIPPED");
        assertThat(skipped.path("steps").get(0).path("status").asText()).as("nothing ran").isEqualTo("SKIPPED");
        QuickstartIT.assertNoChildProcesses();
    }

    /**
     * The example names its platform's links (custom.links) and hands their addresses to the worker and
     * the consumer: a partition of the worker's binlog link and of the consumer's link to the target
     * holds the changes back (the check during it must fail), and after the heal they arrive.
     */
    @Test
    void thePlatformsLinksAreRoutedThroughFaultPoints(@TempDir Path reports) throws Exception {
        CliRunner run = CliRunner.run("--scenario", "custom_example", "--group", "network", "--id", "QS101,QS119",
                "--report-dir", reports.toString(), "--set", "data.rows=200", "-v");

        run.assertPassed(2);
        assertThat(run.err()).contains("fault: source_producer (producer → source): partition (refuse)",
                "fault: consumer_target (consumer → target): partition (refuse)");
        for (JsonNode testcase : JSON.readTree(reports.resolve("summary.json").toFile()).path("testcases")) {
            assertThat(testcase.path("steps").get(3).path("detail").asText()).as(testcase.path("id").asText())
                    .startsWith("failed as expected: not in sync");
        }
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void aFailedStatusWhileAStepWaitsEndsItWithThePlatformsMessage(@TempDir Path reports) {
        long start = System.nanoTime();
        CliRunner run = runFixture("platform_fails.yaml", reports);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED   CI001", "the pipeline broke while waiting: the platform reports 'warning' "
                + "(failed): binlog file mysql-bin.000024 was purged before position 3620901");
        assertThat(System.nanoTime() - start).as("ended on the platform's word, not on the 60 s wait").isLessThan(40_000_000_000L);
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void aFailedStatusAtStartIsAnEnvironmentError(@TempDir Path reports) {
        CliRunner run = runFixture("platform_fails.yaml", reports, "--set", "custom.vars.healthy_checks=0");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out() + run.err()).contains("the platform failed to start: the platform reports 'warning' (failed): "
                + "binlog file mysql-bin.000024 was purged", "hooks.log");
        QuickstartIT.assertNoChildProcesses();
    }

    @Test
    void metricsFromThePipelinesEndpointGateTheComparisonAndAppearInTheReports(@TempDir Path dir) throws Exception {
        AtomicReference<String> lag = new AtomicReference<>("12.5");
        AtomicInteger scrapes = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/metrics", ex -> {
            int n = scrapes.incrementAndGet();
            byte[] body = String.join("\n",
                    "# HELP cdc_binlog_lag_seconds Replication lag of the binlog worker",
                    "# TYPE cdc_binlog_lag_seconds gauge",
                    "cdc_binlog_lag_seconds{job=\"orders\",region=\"sg\"} " + lag.get(),
                    "cdc_binlog_lag_seconds{job=\"refunds\",region=\"sg\"} 99",
                    "# TYPE cdc_binlog_events_total counter",
                    "cdc_binlog_events_total{job=\"orders\"} " + (1000 + 25 * n) + " 1698036000000",
                    "cdc_kafka_send_failed 0",
                    "this line is not a sample", "").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String endpoint = "metrics.endpoint=http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
            CliRunner behind = runFixture("metrics.yaml", dir.resolve("behind"), "--set", endpoint,
                    "--set", "validation.max_wait_time=3s");
            assertThat(behind.exitCode()).as(behind.out() + behind.err()).isEqualTo(1);
            assertThat(behind.out()).contains("the pipeline did not catch up within 3.0 s: "
                    + "cdc_binlog_lag_seconds{job=\"orders\",region=\"sg\"} = 12.5 (caught up below 1)");

            lag.set("0.25");
            Path reports = dir.resolve("caught-up");
            CliRunner run = runFixture("metrics.yaml", reports, "--set", endpoint);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("metrics  cdc_binlog_lag_seconds\\{job=\"orders\",region=\"sg\"} +lag +"
                    + "last 0\\.25, min 0\\.25, max 0\\.25 over \\d+ samples");

            JsonNode metrics = JSON.readTree(reports.resolve("summary.json").toFile()).path("metrics");
            assertThat(metrics.path("endpoint").asText()).endsWith("/metrics");
            assertThat(metrics.path("series")).extracting(s -> s.path("name").asText() + " " + s.path("role").asText())
                    .containsExactly("cdc_binlog_lag_seconds{job=\"orders\",region=\"sg\"} lag",
                            "cdc_binlog_events_total{job=\"orders\"} progress");
            JsonNode progress = metrics.path("series").get(1);
            assertThat(progress.path("samples").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(progress.path("max").asDouble()).isGreaterThan(progress.path("min").asDouble());
            assertThat(progress.path("points").get(0).get(0).asDouble()).as("seconds since the run started").isPositive();
            assertThat(Files.readString(reports.resolve("report.html"))).contains("<h2>Pipeline metrics</h2>",
                    "id=\"metrics\"", "class=\"metric-chart\"");
            assertThat(Files.readString(reports.resolve("junit.xml")))
                    .contains("<property name=\"metric.cdc_binlog_lag_seconds{job=&quot;orders&quot;,region=&quot;sg&quot;}.last\" "
                            + "value=\"0.25\"");
            assertThat(Files.readString(reports.resolve("summary.md"))).contains("**Pipeline metrics**",
                    "| `cdc_binlog_events_total{job=\"orders\"}` | progress |");
        } finally {
            server.stop(0);
        }
        QuickstartIT.assertNoChildProcesses();
    }

    private static CliRunner runFixture(String scenario, Path reports, String... more) {
        Path dir = Fixtures.dir("custom");
        List<String> args = new java.util.ArrayList<>(List.of("--scenario", dir.resolve(scenario).toString(),
                "--testcase", dir.resolve("custom_it_tests.yaml").toString(), "--report-dir", reports.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }
}
