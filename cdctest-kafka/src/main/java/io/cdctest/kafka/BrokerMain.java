package io.cdctest.kafka;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import io.cdctest.support.ParentWatch;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Starts a single-node KRaft Kafka broker (broker and controller in one process) from a
 * {@code server.properties} file: formats the storage on first start, then runs the broker.
 * The process ends when its parent (cdctest) closes our stdin, so a broker never outlives the
 * harness, even after a SIGKILL of the harness.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BrokerMain <server.properties>");
            System.exit(2);
        }
        ParentWatch.start("cdctest-kafka");
        Path properties = Path.of(args[0]);
        if (!Files.exists(properties.resolveSibling("formatted"))) {
            int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString()}, new PrintStream(System.err, true));
            if (rc != 0) {
                System.err.println("cdctest-kafka: storage format failed with code " + rc);
                System.exit(3);
            }
            Files.writeString(properties.resolveSibling("formatted"), "");
        }
        kafka.Kafka.main(new String[] {properties.toString()});
    }
}
