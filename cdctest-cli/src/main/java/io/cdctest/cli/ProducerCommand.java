package io.cdctest.cli;

import io.cdctest.CdctestHome;
import io.cdctest.env.ChildProcess;
import io.cdctest.pipeline.flinkcdc.BuiltIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @Mixin
    JobOptions options;

    @Override
    public Integer call() throws Exception {
        BuiltIn.ProducerJob job = BuiltIn.producerJob(System.getenv(), database, Arrays.asList(tables), options.topic,
                options.wire(), options.statusFile);
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
