package io.cdctest.cli;

import io.cdctest.CdctestException;
import io.cdctest.format.WireFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options {@code cdctest producer} and {@code cdctest consumer} share: the Kafka topic, the wire
 * format and the status file.
 */
final class JobOptions {
    @Option(names = "--topic", required = true, description = "Kafka topic (per-table formats: topic prefix).")
    String topic;
    @Option(names = "--format", defaultValue = "${env:CDCTEST_FORMAT:-debezium-json}",
            description = "Wire format (default: $CDCTEST_FORMAT, else ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--status-file", defaultValue = "${env:CDCTEST_STATUS_FILE}",
            description = "Where to write the program's state (default: $CDCTEST_STATUS_FILE).")
    Path statusFile;

    /** The format's identifier, or a configuration error naming the known ones. */
    String wire() {
        return WireFormat.byId(format).map(WireFormat::id).orElseThrow(() -> CdctestException.config(
                "--format: unknown wire format '" + format + "' (known: " + String.join(", ", WireFormat.ids()) + ")"));
    }
}
