package io.cdctest.cli;

import io.cdctest.CdctestHome;
import io.cdctest.env.ChildProcess;
import io.cdctest.format.WireFormat;
import io.cdctest.pipeline.flinkcdc.BuiltIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cdctest producer}: the built-in Flink CDC producer in the foreground, for producer scripts
 * ({@code scripts/producer-realtime.sh}). Options as the earlier tool passed them; where the source
 * and Kafka are comes from the {@code CDCTEST_*} environment cdctest gives the scripts it starts.
 */
@Command(name = "producer", mixinStandardHelpOptions = true,
        description = {"Run the built-in Flink CDC producer in the foreground (for producer scripts).",
            "Source and Kafka come from CDCTEST_SOURCE_HOST, _PORT, _USER, _PASSWORD and",
            "CDCTEST_KAFKA_BOOTSTRAP_SERVERS, which cdctest sets for the commands it starts."})
public final class ProducerCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, description = "Source database.")
    String database;
    @Option(names = "--tables", required = true, split = ",", description = "Tables to capture, comma-separated.")
    String[] tables;
    @Option(names = "--topic", required = true, description = "Kafka topic (per-table formats: topic prefix).")
    String topic;
    @Option(names = "--format", defaultValue = "${env:CDCTEST_FORMAT:-debezium-json}",
            description = "Wire format (default: $CDCTEST_FORMAT, else ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--status-file", defaultValue = "${env:CDCTEST_STATUS_FILE}",
            description = "Where to write the job state (default: $CDCTEST_STATUS_FILE).")
    Path statusFile;

    @Override
    public Integer call() throws Exception {
        String wire = WireFormat.byId(format).map(WireFormat::id).orElseThrow(() -> io.cdctest.CdctestException.config(
                "--format: unknown wire format '" + format + "' (known: " + String.join(", ", WireFormat.ids()) + ")"));
        BuiltIn.ProducerJob job = BuiltIn.producerJob(System.getenv(), database, Arrays.asList(tables), topic, wire, statusFile);
        String workDir = System.getenv("CDCTEST_WORK_DIR"); // cdctest's own, removed with the run
        Path tmp = workDir != null ? Path.of(workDir) : Files.createTempDirectory("cdctest-producer-");
        try {
            return ChildProcess.runInForeground("producer", BuiltIn.producerCommand(CdctestHome.locate(), job, tmp),
                    BuiltIn.producerEnvironment(job));
        } finally {
            if (workDir == null) {
                io.cdctest.env.FileTrees.delete(tmp);
            }
        }
    }
}
