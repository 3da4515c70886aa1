package io.cdctest.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a part of the pipeline is provided: already running, started in-process/as a subprocess, or in a container. */
public enum Provision {
    EXTERNAL("external"),
    EMBEDDED("embedded"),
    TESTCONTAINERS("testcontainers"),
    /** MatrixOne only: a single-node cluster started for the run from a mo-service binary. */
    LOCAL("local"),
    /** Kafka only: the earlier tool's {@code docker-compose up -d} in a directory, if not already up. */
    COMPOSE("compose");

    private final String id;

    Provision(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Provision> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst();
    }
}
