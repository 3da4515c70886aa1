package io.cdctest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.cli.CliRunner;
import io.cdctest.env.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart's network group on the embedded pipeline, once: every fault kind (partition refusing
 * and silent, reset, latency with jitter, bandwidth, flap) on each of its four links while the source
 * changes. Each partition must hold the changes back (the check during it is expected to fail), and
 * after each fault every row must arrive and every change be in Kafka. The producer's self-test must
 * fail naming the link, the fault and Flink's own error. Afterwards nothing of the fault points is
 * left: no thread, no listener, no child process.
 */
class NetworkFaultsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePipelineConvergesAfterEveryNetworkFaultOnEveryLink(@TempDir Path reports) throws Exception {
        CliRunner run = CliRunner.run("--scenario", "quickstart", "--group", "network", "--report-dir", reports.toString(),
                "--set", "data.rows=300", "-v");

        run.assertPassed(27);
        for (String link : List.of("source_producer (producer → source)", "producer_kafka (producer → kafka)",
                "kafka_consumer (consumer → kafka)", "consumer_target (consumer → target)")) {
            assertThat(run.err()).contains("fault: " + link + ": partition (refuse)", "fault: " + link + ": partition (silent)",
                    "fault: " + link + ": reset: connections closed with a TCP reset", "fault: " + link + ": latency 200 ms ±50 ms",
                    "fault: " + link + ": bandwidth 20,000 bytes/s towards", "fault: " + link + ": flap every 2000 ms");
        }
        assertThat(run.err()).contains("caught as expected (validate_sync, ").contains("the pipeline broke while waiting: producer "
                + "failed: the job gave up restarting (Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy("
                + "maxNumberRestartAttempts=10, backoffTimeMS=2000)): SocketException: Connection reset")
                .contains("[network faults of this testcase: source_producer: reset: connections closed with a TCP reset for 60.0 s");

        JsonNode testcases = JSON.readTree(reports.resolve("summary.json").toFile()).path("testcases");
        List<String> heldBack = new ArrayList<>();
        List<String> audits = new ArrayList<>();
        for (JsonNode testcase : testcases) {
            for (JsonNode step : testcase.path("steps")) {
                String detail = step.path("detail").asText();
                if (detail.startsWith("failed as expected: not in sync")) {
                    heldBack.add(testcase.path("id").asText());
                } else if (step.path("action").asText().equals("validate_sync") && !detail.startsWith("failed as expected")) {
                    audits.add(detail);
                }
            }
        }
        assertThat(heldBack).as("every partition held the changes back").hasSize(8);
        assertThat(audits).as("every check after a fault: rows equal, nothing lost in Kafka").hasSizeGreaterThanOrEqualTo(25)
                .allSatisfy(d -> assertThat(d).contains("rows equal", "none lost or out of order"));

        assertThat(Thread.getAllStackTraces().keySet()).as("the fault points' thread")
                .noneMatch(t -> t.getName().equals("cdctest-net") && t.isAlive());
        List<Integer> faultPoints = faultPoints(reports);
        assertThat(faultPoints).as("fault points found in the logs").hasSize(3);
        assertThat(faultPoints).as("nothing listens where the fault points did")
                .noneMatch(port -> Ports.reachable("127.0.0.1", port, 500));
        QuickstartIT.assertNoChildProcesses();
    }

    /** The ports of the fault points the broker advertised (the two Kafka links) and the binlog reader dialed. */
    private static List<Integer> faultPoints(Path reports) throws Exception {
        List<Integer> ports = new ArrayList<>();
        Matcher kafka = Pattern.compile("advertised.listeners = \\[[^]]*]").matcher(Files.readString(reports.resolve("logs/kafka.log")));
        if (kafka.find()) {
            Matcher link = Pattern.compile("LINK\\d://127\\.0\\.0\\.1:(\\d+)").matcher(kafka.group());
            while (link.find()) {
                ports.add(Integer.parseInt(link.group(1)));
            }
        }
        Matcher binlog = Pattern.compile("Connected to MySQL binlog at 127\\.0\\.0\\.1:(\\d+)")
                .matcher(Files.readString(reports.resolve("logs/producer.log")));
        if (binlog.find()) {
            ports.add(Integer.parseInt(binlog.group(1)));
        }
        return ports;
    }
}
