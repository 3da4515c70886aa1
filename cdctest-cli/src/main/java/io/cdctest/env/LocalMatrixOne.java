package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import io.cdctest.sql.JdbcEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh single-node MatrixOne started for the run from a {@code mo-service} binary
 * ({@code provision: local}): its launch configuration written into the run's work directory with
 * every listener on 127.0.0.1 and free ports (SQL, status, the CN's and TN's port ranges, the log
 * service's three), its data there too, its log in the report directory. Ready when it answers SQL
 * as root/111 (MatrixOne's own initial login); an account the endpoint names is created in it. It runs
 * under the same guard as the embedded MariaDB, so it stops with cdctest, also after a SIGKILL.
 */
public final class LocalMatrixOne implements DatabaseServer {
    /** A fresh cluster answers in 12-15 s on 2 cores; a loaded CI machine takes longer. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    static final String BINARY_VARIABLE = "CDCTEST_MO_BINARY";
    private static final String ROOT_PASSWORD = "111";

    private final Endpoint spec;
    private final Listeners ports;
    private final ChildProcess process;

    /** The ports of one cluster: SQL, status (metrics), and the bases of the services' ranges. */
    record Listeners(int sql, int status, int cnBase, int tnBase, int raft, int logService, int gossip) {
        static Listeners free() {
            return new Listeners(Ports.free(), Ports.free(), Ports.freeRange(4),
                    Ports.freeRange(3), Ports.free(), Ports.free(),
                    Ports.free());
        }
    }

    private LocalMatrixOne(Endpoint spec, Listeners ports, ChildProcess process) {
        this.spec = spec;
        this.ports = ports;
        this.process = process;
    }

    /** The binary: the endpoint's {@code binary}, else {@code CDCTEST_MO_BINARY}; a missing one is exit 3 saying where to get one. */
    public static Path binary(Endpoint spec) {
        String given = spec.binary() != null ? spec.binary() : System.getenv(BINARY_VARIABLE);
        if (given == null || given.isBlank()) {
            throw CdctestException.environment(spec.role() + ".provision: local needs a mo-service binary: set "
                    + spec.role() + ".binary or " + BINARY_VARIABLE + " (official Linux x86-64 and arm64 builds are "
                    + "attached to each release at https://github.com/matrixorigin/matrixone/releases; docs/matrixone.md)");
        }
        Path binary = Path.of(given);
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            throw CdctestException.environment(spec.role() + ".binary: " + binary + " is not an executable file ("
                    + (spec.binary() != null ? spec.origin() : BINARY_VARIABLE) + ")");
        }
        return binary;
    }

    /**
     * Starts a cluster in {@code dir} (its configuration and data) and waits until it answers SQL. One
     * starts at a time: two starting side by side on 2 cores miss MatrixOne's own start-up deadlines
     * ({@code wait.tn.ready.timeout}, then a panic); a start that fails so is tried once more afresh.
     */
    public static LocalMatrixOne start(Endpoint spec, Path dir, Path log) {
        synchronized (LocalMatrixOne.class) {
            try {
                return startOnce(spec, dir.resolve("1"), log);
            } catch (CdctestException first) {
                if (first.getMessage() == null || !first.getMessage().contains("failed to start")) {
                    throw first;
                }
                org.slf4j.LoggerFactory.getLogger(LocalMatrixOne.class).warn("{}; starting it once more", first.getMessage());
                return startOnce(spec, dir.resolve("2"), log);
            }
        }
    }

    private static LocalMatrixOne startOnce(Endpoint spec, Path dir, Path log) {
        Path binary = binary(spec);
        Listeners ports = Listeners.free();
        Path launch = dir.resolve("etc");
        try {
            Files.createDirectories(launch);
            for (Map.Entry<String, String> file : LaunchConfig.files(ports, dir).entrySet()) {
                Files.writeString(launch.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw CdctestException.environment("cannot write the launch configuration into " + launch + ": " + e.getMessage(), e);
        }
        ChildProcess process = ChildProcess.start(spec.role() + " matrixone", ChildProcess.guarded(List.of(binary.toString(),
                "-launch", launch.resolve("launch.toml").toString())), Map.of(), dir, log);
        LocalMatrixOne mo = new LocalMatrixOne(spec, ports, process);
        try {
            process.awaitReady(READY_TIMEOUT, DatabaseServer.accepting(mo.sys()));
            mo.createAccount();
        } catch (RuntimeException e) {
            mo.close();
            throw e;
        }
        return mo;
    }

    /** The account the endpoint names, with its user and password as admin: a fresh cluster has only sys. */
    private void createAccount() {
        if (!spec.tenant()) {
            return;
        }
        try {
            MatrixOneAccount.create(sys(), spec);
        } catch (java.sql.SQLException e) {
            throw CdctestException.environment("cannot create the account " + spec.account() + " in the local MatrixOne: "
                    + io.cdctest.sql.Sql.firstLine(e), e);
        }
    }

    private JdbcEndpoint sys() {
        return new JdbcEndpoint(spec.role().id(), Engine.MATRIXONE, "127.0.0.1", ports.sql(), "root", new Secret(ROOT_PASSWORD),
                null, null, false);
    }

    /** The endpoint's account and login when it names one, else MatrixOne's sys login root/111. */
    @Override
    public JdbcEndpoint endpoint() {
        return spec.tenant() ? new JdbcEndpoint(spec.role().id(), Engine.MATRIXONE, "127.0.0.1", ports.sql(), spec.user(),
                spec.password(), null, spec.account(), false) : sys();
    }

    /** The CN's Prometheus endpoint. */
    @Override
    public Optional<String> metricsUrl() {
        return Optional.of("http://127.0.0.1:" + ports.status() + "/metrics");
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public Optional<String> failure() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.deathNotice());
    }

    @Override
    public String describe() {
        return endpoint().describe() + " (local mo-service, log " + process.log() + ")";
    }

    @Override
    public boolean ownedByRun() {
        return true;
    }

    /** Stops the cluster; its data goes with the run's work directory. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

    /** The four files of a single-node launch configuration. */
    static final class LaunchConfig {
        private LaunchConfig() {
        }

        static Map<String, String> files(Listeners p, Path dir) {
            String common = """

                    [hakeeper-client]
                    service-addresses = ["127.0.0.1:%1$d"]

                    [observability]
                    host = "127.0.0.1"
                    disableMetric = false
                    enable-metric-to-prom = true
                    status-port = %2$d
                    """.formatted(p.logService(), p.status());
            String storage = """

                    [[fileservice]]
                    name = "LOCAL"
                    backend = "DISK-V2"
                    data-dir = "%1$s/local"

                    [[fileservice]]
                    name = "SHARED"
                    backend = "DISK-V2"
                    data-dir = "%1$s/shared"

                    [log]
                    level = "info"
                    """.formatted(dir.resolve("mo-data"));
            String log = """
                    service-type = "LOG"
                    data-dir = "%1$s"

                    [log]
                    level = "info"

                    [logservice]
                    logservice-address = "127.0.0.1:%2$d"
                    logservice-listen-address = "127.0.0.1:%2$d"
                    raft-address = "127.0.0.1:%3$d"
                    raft-listen-address = "127.0.0.1:%3$d"
                    gossip-address = "127.0.0.1:%4$d"
                    gossip-listen-address = "127.0.0.1:%4$d"
                    gossip-seed-addresses = ["127.0.0.1:%4$d"]
                    """.formatted(dir.resolve("mo-data"), p.logService(), p.raft(), p.gossip()) + common;
            String tn = """
                    service-type = "TN"
                    data-dir = "%1$s"
                    %2$s
                    [tn]
                    uuid = "%3$s"
                    port-base = %4$d
                    service-host = "127.0.0.1"
                    """.formatted(dir.resolve("mo-data"), storage, UUID.randomUUID(), p.tnBase()) + common;
            String cn = """
                    service-type = "CN"
                    data-dir = "%1$s"
                    %2$s
                    [cn]
                    uuid = "%3$s"
                    port-base = %4$d
                    service-host = "127.0.0.1"

                    [cn.frontend]
                    host = "127.0.0.1"
                    port = %5$d
                    unix-socket = "%6$s"
                    """.formatted(dir.resolve("mo-data"), storage, UUID.randomUUID(), p.cnBase(), p.sql(),
                    dir.resolve("mysql.sock")) + common;
            String launch = """
                    logservices = ["%1$s/log.toml"]
                    tnservices = ["%1$s/tn.toml"]
                    cnservices = ["%1$s/cn.toml"]
                    """.formatted(dir.resolve("etc"));
            return Map.of("launch.toml", launch, "log.toml", log, "tn.toml", tn, "cn.toml", cn);
        }
    }
}
