package io.cdctest.bench;

import io.cdctest.env.EmbeddedMariaDb;
import io.cdctest.sql.EndpointUrl;
import io.cdctest.sql.JdbcEndpoint;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server for a benchmark, on 127.0.0.1: the machine's own {@code mariadbd} (Debian's
 * mariadb-server, as users run it; {@code CDCTEST_BENCH_MARIADBD} names another) started with a
 * data directory of its own, or cdctest's embedded MariaDB when there is none.
 */
interface BenchMariaDb extends AutoCloseable {

    JdbcEndpoint endpoint();

    int port();

    String version();

    @Override
    void close();

    /** Options both kinds get: a buffer pool that holds the tables, no binary log. */
    List<String> OPTIONS = List.of("--innodb-buffer-pool-size=3G", "--innodb-log-file-size=1G", "--skip-log-bin",
            "--max-connections=200");

    static BenchMariaDb start(String role, Path dir, int serverId) throws Exception {
        String custom = System.getenv("CDCTEST_BENCH_MARIADBD");
        File system = new File(custom != null ? custom : "/usr/sbin/mariadbd");
        if (system.canExecute()) {
            return SystemServer.start(role, system.toPath(), dir.resolve(role));
        }
        EmbeddedMariaDb db = EmbeddedMariaDb.start(role, dir.resolve(role), dir.resolve(role + ".log"), serverId, OPTIONS);
        return new BenchMariaDb() {
            @Override
            public JdbcEndpoint endpoint() {
                return db.endpoint();
            }

            @Override
            public int port() {
                return db.endpoint().port();
            }

            @Override
            public String version() {
                return BenchMariaDb.version(db.endpoint());
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }

    static String version(JdbcEndpoint endpoint) {
        try (Connection c = endpoint.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            return "?";
        }
    }

    /** The machine's mariadbd with a fresh data directory. */
    final class SystemServer implements BenchMariaDb {
        private final Process process;
        private final int port;
        private final JdbcEndpoint endpoint;

        private SystemServer(Process process, int port) {
            this.process = process;
            this.port = port;
            this.endpoint = endpoint(port);
        }

        private static JdbcEndpoint endpoint(int port) {
            return EndpointUrl.parse("bench", "mariadb://root@127.0.0.1:" + port + "/mysql", "CDCTEST_BENCH_NO_PASSWORD",
                    Map.of()).withDatabase(null);
        }

        static SystemServer start(String role, Path server, Path dir) throws Exception {
            Path data = dir.resolve("data");
            Files.createDirectories(data);
            Path installer = server.getParent().getParent().resolve("bin/mariadb-install-db");
            Process install = new ProcessBuilder(installer.toString(), "--no-defaults", "--datadir=" + data,
                    "--auth-root-authentication-method=normal", "--skip-test-db", "--user=" + System.getProperty("user.name"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
            if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
                throw new IllegalStateException(role + ": mariadb-install-db failed, see " + dir.resolve("install.log"));
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults", "--datadir=" + data,
                    "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
                    "--pid-file=" + dir.resolve("mysqld.pid"), "--user=" + System.getProperty("user.name"),
                    "--default-time-zone=+00:00", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci"));
            command.addAll(OPTIONS);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.log").toFile()).start();
            SystemServer s = new SystemServer(process, port);
            // a benchmark stopped with Ctrl-C or SIGTERM leaves no server behind
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop mariadbd " + role));
            try {
                org.awaitility.Awaitility.await("mariadbd " + role + " accepts connections").atMost(java.time.Duration.ofSeconds(60))
                        .pollInterval(java.time.Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> {
                            if (!process.isAlive()) {
                                throw new IllegalStateException("exited");
                            }
                            try (Connection c = s.endpoint.connect()) {
                                return true;
                            }
                        });
                return s;
            } catch (RuntimeException e) {
                s.close();
                throw new IllegalStateException(role + ": mariadbd did not start, see " + dir.resolve("server.log"), e);
            }
        }

        @Override
        public JdbcEndpoint endpoint() {
            return endpoint;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public String version() {
            return BenchMariaDb.version(endpoint);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
