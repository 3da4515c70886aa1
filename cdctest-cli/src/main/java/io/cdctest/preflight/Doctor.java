package io.cdctest.preflight;

import io.cdctest.CdctestException;
import io.cdctest.env.Docker;
import io.cdctest.env.ExternalDatabase;
import io.cdctest.env.Ports;
import io.cdctest.pipeline.PipelineFactory;
import io.cdctest.pipeline.Pipelines;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Provision;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Side;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.TableSchema;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The preflight of a scenario ({@code cdctest doctor}, and the first thing every run does): the
 * Java version, the directories the pipeline needs on this machine, each given endpoint reachable and its login accepted, source and target in the
 * same time zone, fixed ports of embedded servers free, Docker for containers, and what the
 * pipeline itself needs (asked of its factory: a CDC source's binary log and privileges, a
 * MatrixOne version and PITR, a Kafka cluster). Each check says what to change when it fails.
 * Nothing is changed on any server.
 */
public final class Doctor {
    private Doctor() {
    }

    public static List<Check> examine(Scenario scenario) {
        PipelineFactory pipeline = Pipelines.factory(scenario.type());
        List<Check> checks = new ArrayList<>();
        int java = Runtime.version().feature();
        checks.add(java >= 17 ? Check.pass("java", "Java " + Runtime.version())
                : Check.fail("java", "Java " + Runtime.version(), "install JDK 17 or newer"));
        for (io.cdctest.spec.LocalPath path : scenario.localPaths()) {
            checks.add(path.exists() ? Check.pass("paths", path.key() + ": " + path.path())
                    : Check.fail("paths", path.missing(), "create or check out the directory there, or correct " + path.key()));
        }
        List<String> zones = new ArrayList<>();
        for (Endpoint endpoint : List.of(scenario.source(), scenario.target())) {
            switch (endpoint.provision()) {
                case EXTERNAL -> examine(scenario, pipeline, endpoint, checks, zones);
                case EMBEDDED -> checks.add(endpoint.port() == 0 || Ports.bindable(endpoint.port())
                        ? Check.pass(endpoint.role().id(), "embedded " + endpoint.engine().id() + ", started by the run on "
                        + (endpoint.port() == 0 ? "a free port" : "port " + endpoint.port()))
                        : Check.fail(endpoint.role() + " port", "port " + endpoint.port() + " on 127.0.0.1 is already in use "
                        + "(" + endpoint.role() + ".port at " + endpoint.origin() + ")",
                        "stop what listens there, or leave " + endpoint.role() + ".port out to take a free port"));
                case LOCAL -> checks.add(localBinary(endpoint));
                default -> checks.add(Docker.available() ? Check.pass(endpoint.role().id(), endpoint.engine().id()
                        + " in a container, started by the run")
                        : Check.fail(endpoint.role().id(), "provision: testcontainers needs a Docker engine and none is reachable",
                        "start Docker (or set DOCKER_HOST), or use provision: embedded | external"));
            }
        }
        if (scenario.source().provision() != Provision.EXTERNAL && scenario.data() == null
                && !pipeline.platformCreatesTables()) {
            checks.add(Check.fail("source tables", "source.provision: " + scenario.source().provision().id() + " starts an "
                    + "empty server, and the scenario has no data: block to create the tables it replicates ("
                    + scenario.source().origin() + ")", "add one: data.tables, or --set data.rows=1000 to create and fill them"));
        }
        if (zones.size() == 2 && !zones.get(0).equals(zones.get(1))) {
            checks.add(Check.fail("time zones", "source " + zones.get(0) + ", target " + zones.get(1),
                    "run both servers in the same time zone (UTC: --default-time-zone=+00:00), or TIMESTAMP values move"));
        } else if (zones.size() == 2) {
            checks.add(Check.pass("time zones", "both " + zones.get(0)));
        }
        checks.addAll(pipeline.preflight(scenario));
        return checks;
    }

    /** Runs the checks; the first failure is an environment error (exit 3) naming its fix. */
    public static void require(Scenario scenario) {
        List<Check> failed = examine(scenario).stream().filter(c -> !c.passed()).toList();
        if (!failed.isEmpty()) {
            throw CdctestException.environment("preflight: " + failed.get(0).failureLine()
                    + (failed.size() > 1 ? "; " + (failed.size() - 1) + " more: cdctest doctor --scenario "
                    + scenario.file() : ""));
        }
    }

    private static void examine(Scenario scenario, PipelineFactory pipeline, Endpoint endpoint, List<Check> checks,
                                List<String> zones) {
        JdbcEndpoint jdbc = new JdbcEndpoint(endpoint.role().id(), endpoint.engine(), endpoint.host(), endpoint.port(),
                endpoint.user(), endpoint.password(), null, endpoint.account(), true);
        String role = jdbc.role();
        if (!Ports.reachable(jdbc.host(), jdbc.port(), 3000)) {
            checks.add(Check.fail(role + " reachable", "nothing answers at " + jdbc.address() + " (" + endpoint.origin() + ")",
                    ExternalDatabase.howToProvide(jdbc)));
            return;
        }
        checks.add(Check.pass(role + " reachable", jdbc.address()));
        try (Connection c = jdbc.connect(); Statement st = c.createStatement()) {
            checks.add(Check.pass(role + " login", jdbc.loginUser() + "@" + jdbc.address() + ", " + version(st)));
            zones.add(zone(st));
            if (jdbc.is(Side.SOURCE) && scenario.data() == null) {
                checks.add(sourceTables(scenario, jdbc, c));
            }
            checks.addAll(pipeline.preflight(scenario, jdbc, c));
        } catch (CdctestException | SQLException e) {
            String message = e instanceof SQLException s ? Sql.firstLine(s) : e.getMessage();
            if (endpoint.tenant() && message.contains("there is no tenant")) {
                checks.add(accountToCreate(endpoint));
                return;
            }
            checks.add(Check.fail(role + " login", message, message.contains("Access denied")
                    ? "check " + role + ".user and " + role + ".password (give the password as ${VAR})"
                    : "check that " + jdbc.address() + " is a " + jdbc.engine().id() + " server and accepts " + jdbc.loginUser()));
        }
    }

    /** A MatrixOne the run starts: its mo-service binary is there. */
    private static Check localBinary(Endpoint endpoint) {
        try {
            return Check.pass(endpoint.role().id(), "local MatrixOne, started by the run from "
                    + io.cdctest.env.LocalMatrixOne.binary(endpoint));
        } catch (CdctestException e) {
            return Check.fail(endpoint.role() + " binary", e.getMessage(), "give a mo-service binary (docs/matrixone.md)");
        }
    }

    /** A MatrixOne account the endpoint names and the cluster lacks: a run creates it, if its sys login may. */
    private static Check accountToCreate(Endpoint endpoint) {
        try {
            io.cdctest.env.MatrixOneAccount.exists(endpoint);
            return Check.pass(endpoint.role() + " account", endpoint.account() + " does not exist on " + endpoint.address()
                    + ": a run creates it as " + endpoint.sysUser() + " and drops it at the end");
        } catch (CdctestException e) {
            return Check.fail(endpoint.role() + " account", e.getMessage(), "create the account, or give "
                    + endpoint.role() + ".sys_user and sys_password of a sys-account user");
        }
    }

    /**
     * A given source database the run does not fill (no {@code data}): it exists, and each table
     * the scenario names exists with a primary key (without one, rows cannot be matched).
     */
    private static Check sourceTables(Scenario scenario, JdbcEndpoint jdbc, Connection c) throws SQLException {
        String database = scenario.source().database();
        if (!exists(c, database)) {
            return Check.fail("source tables", "database " + database + " does not exist at " + jdbc.address(),
                    "create it, or correct source.database (" + scenario.source().origin() + "), or let the run fill its "
                            + "own with data.tables");
        }
        List<String> problems = new ArrayList<>();
        for (String table : scenario.tables()) {
            Optional<TableSchema> schema = TableSchema.read(c, database, table);
            if (schema.isEmpty()) {
                problems.add("table " + database + "." + table + " does not exist");
            } else if (schema.get().primaryKey().isEmpty()) {
                problems.add("table " + database + "." + table + " has no primary key: cdctest cannot match its rows");
            }
        }
        return problems.isEmpty() ? Check.pass("source tables", scenario.tables().isEmpty()
                ? database + " exists" : database + ": " + String.join(", ", scenario.tables()))
                : Check.fail("source tables", String.join("; ", problems) + " on the source " + jdbc.address(),
                "create the table (with a PRIMARY KEY), or remove it from flink_cdc.tables");
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String version(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return "version " + rs.getString(1);
        }
    }

    private static String zone(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT @@global.time_zone, @@system_time_zone")) {
            rs.next();
            String global = rs.getString(1);
            return sameZoneName("SYSTEM".equalsIgnoreCase(global) ? rs.getString(2) : global);
        } catch (SQLException e) {
            return "unknown";
        }
    }

    /** One name for one zone: UTC as MatrixOne says it, {@code +00:00} as MySQL does, GMT, Etc/UTC... all are UTC. */
    static String sameZoneName(String zone) {
        if (zone == null) {
            return "unknown";
        }
        String z = zone.trim();
        if (z.matches("(?i)utc|gmt|z|etc/utc|etc/gmt|universal|zulu|[+-]0?0:00(:00)?")) {
            return "UTC";
        }
        return z;
    }
}
