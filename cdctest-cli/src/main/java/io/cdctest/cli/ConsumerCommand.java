package io.cdctest.cli;

import io.cdctest.CdctestHome;
import io.cdctest.env.ChildProcess;
import io.cdctest.pipeline.flinkcdc.BuiltIn;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cdctest consumer}: the built-in consumer in the foreground, for consumer scripts
 * ({@code scripts/consumer.sh}). Options as the earlier tool passed them; where the target and Kafka
 * are comes from the {@code CDCTEST_*} environment cdctest gives the scripts it starts.
 */
@Command(name = "consumer", mixinStandardHelpOptions = true,
        description = {"Run the built-in consumer in the foreground (for consumer scripts).",
            "Target and Kafka come from CDCTEST_TARGET_ENGINE, _HOST, _PORT, _USER, _PASSWORD and",
            "CDCTEST_KAFKA_BOOTSTRAP_SERVERS, which cdctest sets for the commands it starts."})
public final class ConsumerCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, description = "Target database.")
    String database;
    @Option(names = "--group", required = true, description = "Consumer group.")
    String group;
    @Option(names = "--consumer-batch-size", defaultValue = "2000", description = "Most events per target transaction.")
    int batchSize;
    @Mixin
    JobOptions options;

    @Override
    public Integer call() {
        BuiltIn.ConsumerJob job = BuiltIn.consumerJob(System.getenv(), database, options.topic, group, batchSize,
                options.wire(), options.statusFile);
        return ChildProcess.runInForeground("consumer", BuiltIn.consumerCommand(CdctestHome.locate(), job),
                BuiltIn.consumerEnvironment(job));
    }
}
