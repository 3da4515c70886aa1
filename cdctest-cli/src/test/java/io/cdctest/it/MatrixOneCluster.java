package io.cdctest.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cdctest.env.Ports;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A real MatrixOne the MatrixOne tests run against, given by environment variables; without one they
 * are skipped with the reason (never faked). CDCTEST_MO_HOST, CDCTEST_MO_PORT (6001), CDCTEST_MO_USER
 * (root), CDCTEST_MO_PASSWORD (111) name a sys login of the first cluster; CDCTEST_MO_SECOND_PORT
 * (and CDCTEST_MO_SECOND_HOST, default the first host) a second cluster with the same login, for CCPR
 * between clusters. Without them, CDCTEST_MO_BINARY names a mo-service binary from which the tests
 * start the clusters they need themselves, as {@code provision: local} does.
 *
 * @param host as this JVM and the other cluster reach it
 */
record MatrixOneCluster(String host, int port, String user, String password) {

    /** Clusters started by the tests from CDCTEST_MO_BINARY, by name; they stop with this JVM. */
    private static final java.util.Map<String, MatrixOneCluster> STARTED = new java.util.HashMap<>();

    /**
     * The first cluster: the given one (CDCTEST_MO_HOST), else one started from CDCTEST_MO_BINARY,
     * else the test is skipped saying how to provide one.
     */
    static MatrixOneCluster first() {
        String host = System.getenv("CDCTEST_MO_HOST");
        if ((host == null || host.isBlank()) && binary().isPresent()) {
            return started("first");
        }
        assumeTrue(host != null && !host.isBlank(), "no MatrixOne given: set CDCTEST_MO_HOST (and CDCTEST_MO_PORT, "
                + "CDCTEST_MO_USER, CDCTEST_MO_PASSWORD) to a sys login of a MatrixOne 4.2, or CDCTEST_MO_BINARY to a "
                + "mo-service binary the tests start, to run this test (docs/matrixone.md)");
        MatrixOneCluster c = new MatrixOneCluster(host, port("CDCTEST_MO_PORT", 6001), env("CDCTEST_MO_USER", "root"),
                env("CDCTEST_MO_PASSWORD", "111"));
        assumeTrue(Ports.reachable(c.host, c.port, 3000), "no MatrixOne answers at " + c.address());
        return c;
    }

    /** A second cluster: given (CDCTEST_MO_SECOND_PORT), else started from CDCTEST_MO_BINARY, else the test is skipped. */
    static MatrixOneCluster second() {
        MatrixOneCluster first = first();
        String port = System.getenv("CDCTEST_MO_SECOND_PORT");
        if ((port == null || port.isBlank()) && binary().isPresent()) {
            return started("second");
        }
        assumeTrue(port != null && !port.isBlank(), "no second MatrixOne given: set CDCTEST_MO_SECOND_PORT (and "
                + "CDCTEST_MO_SECOND_HOST) to run CCPR between two clusters");
        MatrixOneCluster c = new MatrixOneCluster(env("CDCTEST_MO_SECOND_HOST", first.host), Integer.parseInt(port),
                first.user, first.password);
        assumeTrue(Ports.reachable(c.host, c.port, 3000), "no second MatrixOne answers at " + c.address());
        return c;
    }

    private static Optional<String> binary() {
        String binary = System.getenv("CDCTEST_MO_BINARY");
        return binary == null || binary.isBlank() ? Optional.empty() : Optional.of(binary);
    }

    /** A cluster this JVM starts from CDCTEST_MO_BINARY (once per name), as a run's {@code provision: local} does. */
    private static synchronized MatrixOneCluster started(String name) {
        return STARTED.computeIfAbsent(name, n -> {
            try {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cdctest-it-mo-" + n + "-");
                io.cdctest.spec.Endpoint spec = new io.cdctest.spec.Endpoint(io.cdctest.spec.Side.SOURCE, Engine.MATRIXONE, io.cdctest.spec.Provision.LOCAL,
                        "127.0.0.1", 0, "root", new Secret("111"), "x", null, false, "root", new Secret("111"), binary().get(),
                        io.cdctest.spec.Origin.commandLine("CDCTEST_MO_BINARY"));
                io.cdctest.env.LocalMatrixOne mo = io.cdctest.env.LocalMatrixOne.start(spec, dir, dir.resolve("mo.log"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    mo.close();
                    try {
                        io.cdctest.env.FileTrees.delete(dir);
                    } catch (java.io.IOException ignored) {
                        // a temporary directory
                    }
                }));
                return new MatrixOneCluster("127.0.0.1", mo.endpoint().port(), "root", "111");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int port(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }

    String address() {
        return host + ":" + port;
    }

    /** Whether the cluster runs on this machine, so that it can dial a server this test starts on loopback. */
    boolean local() {
        return !new JdbcEndpoint("mo", Engine.MATRIXONE, host, port, user, Secret.EMPTY, null, null, false).remote();
    }

    JdbcEndpoint endpoint() {
        return new JdbcEndpoint("matrixone", Engine.MATRIXONE, host, port, user, new Secret(password), null, null, false);
    }

    /** {@code --set} arguments pointing a scenario's endpoint ({@code source} or {@code target}) here. */
    List<String> as(String role) {
        return List.of("--set", role + ".host=" + host, "--set", role + ".port=" + port, "--set", role + ".user=" + user,
                "--set", role + ".password=" + password);
    }

    /**
     * {@code --set} arguments making this cluster the CCPR target: the scenario's own account (created by
     * the run when missing, with this cluster's sys login) on this host and port.
     */
    List<String> asCcprTarget() {
        return List.of("--set", "target.host=" + host, "--set", "target.port=" + port, "--set", "target.sys_user=" + user,
                "--set", "target.sys_password=" + password);
    }

    /**
     * Everything a run could leave on the cluster, as {@code kind:name}: databases, CDC tasks and their
     * watermark rows, PITRs, publications, CCPR subscriptions, accounts.
     */
    TreeSet<String> inventory() throws SQLException {
        TreeSet<String> found = new TreeSet<>();
        try (Connection c = endpoint().connect(); Statement st = c.createStatement()) {
            column(st, "SHOW DATABASES", 1).forEach(d -> found.add("database:" + d));
            column(st, "SHOW CDC ALL", 2).forEach(t -> found.add("cdc task:" + t));
            column(st, "SELECT CONCAT(task_id, ' ', db_name, '.', table_name) FROM mo_catalog.mo_cdc_watermark", 1)
                    .forEach(w -> found.add("cdc watermark:" + w));
            column(st, "SHOW PITR", 1).forEach(p -> found.add("pitr:" + p));
            column(st, "SHOW PUBLICATIONS", 1).forEach(p -> found.add("publication:" + p));
            // a dropped subscription stays listed, state dropped (MatrixOne soft-drops it): not something left
            try (ResultSet rs = st.executeQuery("SHOW CCPR SUBSCRIPTIONS")) {
                while (rs.next()) {
                    if (!"dropped".equalsIgnoreCase(rs.getString("state"))) {
                        found.add("ccpr subscription:" + rs.getString(1));
                    }
                }
            }
            column(st, "SHOW ACCOUNTS", 1).forEach(a -> found.add("account:" + a));
        }
        return found;
    }

    /** What the cluster holds now that it did not hold before (orphan watermarks MatrixOne removed meanwhile do not count). */
    List<String> leftSince(TreeSet<String> before) throws SQLException {
        List<String> left = new ArrayList<>(inventory());
        left.removeAll(before);
        return left;
    }

    private static List<String> column(Statement st, String sql, int column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(column));
            }
        }
        return values;
    }

    /** One value of a query, for checks. */
    Optional<String> first(String sql) throws SQLException {
        try (Connection c = endpoint().connect(); Statement st = c.createStatement()) {
            List<String> values = column(st, sql, 1);
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }
}
