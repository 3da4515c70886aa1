package io.cdctest.preflight;

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
 * What a MySQL-family source needs to feed Flink CDC: the binary log on, ROW format, FULL row
 * image, a server id, and a user with the replication privileges. Reads settings only. Other
 * binlog readers (the generic adapter's platforms) are checked the same way, named as themselves.
 */
public final class SourcePreflight {
    private SourcePreflight() {
    }

    /** @param reader who reads the binary log, for the messages ("Flink CDC needs ROW") */
    public static List<Check> checks(JdbcEndpoint source, Connection c, String reader) throws SQLException {
        List<Check> checks = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            binlog(st, checks, reader);
            replication(st, source, checks);
        }
        return checks;
    }

    private static void binlog(Statement st, List<Check> checks, String reader) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image, @@server_id")) {
            rs.next();
            String logBin = rs.getString(1);
            boolean on = "1".equals(logBin) || "ON".equalsIgnoreCase(logBin);
            checks.add(on ? Check.pass("source binlog", "log_bin ON")
                    : Check.fail("source binlog", "log_bin is OFF: the source writes no binary log, so there is nothing to capture",
                    "enable it and restart the server: log_bin=mysql-bin (my.cnf [mysqld]) or --log-bin=mysql-bin"));
            String format = rs.getString(2);
            checks.add("ROW".equalsIgnoreCase(format) ? Check.pass("source binlog_format", "ROW")
                    : Check.fail("source binlog_format", "binlog_format is " + format + "; " + reader + " needs ROW",
                    "SET GLOBAL binlog_format = 'ROW' (and binlog_format=ROW in my.cnf)"));
            String image = rs.getString(3);
            checks.add("FULL".equalsIgnoreCase(image) ? Check.pass("source binlog_row_image", "FULL")
                    : Check.fail("source binlog_row_image", "binlog_row_image is " + image + "; " + reader + " needs FULL",
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
}
