package io.cdctest.preflight;

import io.cdctest.CdctestException;
import io.cdctest.env.KafkaAdmin;
import io.cdctest.env.Ports;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Provision;
import io.cdctest.spec.Scenario;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The preflight of a scenario ({@code cdctest doctor}): the Java version, each given endpoint
 * reachable and its login accepted, a MySQL-family CDC source set up for CDC (binary log on, ROW
 * format, FULL row image, a server id, replication privileges), source and target in the same time
 * zone, and the Kafka cluster reachable. Endpoints the run starts itself (embedded, containers) are
 * set up by cdctest and only noted. Each check says what to change when it fails.
 */
public final class Doctor {
    private Doctor() {
    }

    public static List<Check> examine(Scenario scenario) {
        List<Check> checks = new ArrayList<>();
        int java = Runtime.version().feature();
        checks.add(java >= 17 ? Check.pass("java", "Java " + Runtime.version())
                : Check.fail("java", "Java " + Runtime.version(), "install JDK 17 or newer"));
        List<String> zones = new ArrayList<>();
        for (Endpoint endpoint : List.of(scenario.source(), scenario.target())) {
            if (endpoint.provision() != Provision.EXTERNAL) {
                checks.add(Check.pass(endpoint.role(), endpoint.engine().id() + " " + endpoint.provision().id()
                        + ": started and set up by the run"));
                continue;
            }
            JdbcEndpoint jdbc = new JdbcEndpoint(endpoint.role(), endpoint.engine(), endpoint.host(), endpoint.port(),
                    endpoint.user(), endpoint.password(), null, endpoint.account(), true);
            boolean cdcSource = endpoint.role().equals("source") && "flink_cdc".equals(scenario.type())
                    && endpoint.engine() != Engine.MATRIXONE;
            examine(jdbc, cdcSource, checks, zones);
        }
        if (zones.size() == 2 && !zones.get(0).equals(zones.get(1))) {
            checks.add(Check.fail("time zones", "source " + zones.get(0) + ", target " + zones.get(1),
                    "run both servers in the same time zone (UTC: --default-time-zone=+00:00), or TIMESTAMP values move"));
        } else if (zones.size() == 2) {
            checks.add(Check.pass("time zones", "both " + zones.get(0)));
        }
        if ("flink_cdc".equals(scenario.type())) {
            checks.add(kafka(scenario));
        }
        return checks;
    }

    private static void examine(JdbcEndpoint jdbc, boolean cdcSource, List<Check> checks, List<String> zones) {
        String role = jdbc.role();
        if (!Ports.reachable(jdbc.host(), jdbc.port(), 3000)) {
            checks.add(Check.fail(role + " reachable", "nothing answers at " + jdbc.address(),
                    "start the server, or correct " + role + ".host / " + role + ".port (a firewall between?)"));
            return;
        }
        checks.add(Check.pass(role + " reachable", jdbc.address()));
        try (Connection c = jdbc.connect(); Statement st = c.createStatement()) {
            checks.add(Check.pass(role + " login", jdbc.loginUser() + "@" + jdbc.address() + ", " + version(st)));
            zones.add(zone(st));
            if (cdcSource) {
                binlog(st, checks);
                replication(st, jdbc, checks);
            }
        } catch (CdctestException | SQLException e) {
            String message = e instanceof SQLException s ? Sql.firstLine(s) : e.getMessage();
            checks.add(Check.fail(role + " login", message, message.contains("Access denied")
                    ? "check " + role + ".user and " + role + ".password (give the password as ${VAR})"
                    : "check that " + jdbc.address() + " is a " + jdbc.engine().id() + " server and accepts " + jdbc.loginUser()));
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
            return "SYSTEM".equalsIgnoreCase(global) ? rs.getString(2) : global;
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private static void binlog(Statement st, List<Check> checks) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image, @@server_id")) {
            rs.next();
            String logBin = rs.getString(1);
            boolean on = "1".equals(logBin) || "ON".equalsIgnoreCase(logBin);
            checks.add(on ? Check.pass("source binlog", "log_bin ON")
                    : Check.fail("source binlog", "log_bin is OFF: the source writes no binary log, so there is nothing to capture",
                    "enable it and restart the server: log_bin=mysql-bin (my.cnf [mysqld]) or --log-bin=mysql-bin"));
            String format = rs.getString(2);
            checks.add("ROW".equalsIgnoreCase(format) ? Check.pass("source binlog_format", "ROW")
                    : Check.fail("source binlog_format", "binlog_format is " + format,
                    "SET GLOBAL binlog_format = 'ROW' (and binlog_format=ROW in my.cnf)"));
            String image = rs.getString(3);
            checks.add("FULL".equalsIgnoreCase(image) ? Check.pass("source binlog_row_image", "FULL")
                    : Check.fail("source binlog_row_image", "binlog_row_image is " + image,
                    "SET GLOBAL binlog_row_image = 'FULL' (and binlog_row_image=FULL in my.cnf)"));
            long serverId = rs.getLong(4);
            checks.add(serverId != 0 ? Check.pass("source server_id", String.valueOf(serverId))
                    : Check.fail("source server_id", "server_id is 0", "set server_id to a unique non-zero number in my.cnf"));
        }
    }

    private static void replication(Statement st, JdbcEndpoint jdbc, List<Check> checks) {
        List<String> grants = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SHOW GRANTS FOR CURRENT_USER()")) {
            while (rs.next()) {
                grants.add(rs.getString(1).toUpperCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            checks.add(Check.pass("source privileges", "grants cannot be read (" + Sql.firstLine(e)
                    + "); the server probably skips grant tables"));
            return;
        }
        String all = String.join("\n", grants);
        List<String> missing = new ArrayList<>();
        if (!all.contains("ALL PRIVILEGES")) {
            for (String privilege : List.of("REPLICATION SLAVE", "REPLICATION CLIENT", "SELECT", "RELOAD")) {
                boolean granted = all.contains(privilege) || privilege.equals("REPLICATION SLAVE") && all.contains("REPLICATION REPLICA")
                        || privilege.equals("REPLICATION CLIENT") && all.contains("BINLOG MONITOR");
                if (!granted) {
                    missing.add(privilege);
                }
            }
        }
        checks.add(missing.isEmpty() ? Check.pass("source privileges", "replication privileges granted")
                : Check.fail("source privileges", jdbc.loginUser() + " lacks " + String.join(", ", missing),
                "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '"
                        + jdbc.user() + "'@'%'"));
    }

    private static Check kafka(Scenario scenario) {
        var kafka = scenario.kafka();
        if (kafka.provision() != Provision.EXTERNAL && kafka.provision() != Provision.COMPOSE) {
            return Check.pass("kafka", kafka.provision().id() + ": started by the run");
        }
        try (KafkaAdmin admin = new KafkaAdmin(kafka.bootstrapServers())) {
            return Check.pass("kafka", kafka.bootstrapServers() + ", " + admin.brokers() + " broker(s)");
        } catch (CdctestException e) {
            return Check.fail("kafka", e.getMessage(), kafka.provision() == Provision.COMPOSE
                    ? "start it (docker compose up -d in " + kafka.composeDir() + ") or let the run start it"
                    : "check kafka.bootstrap_servers and that the brokers run");
        }
    }
}
