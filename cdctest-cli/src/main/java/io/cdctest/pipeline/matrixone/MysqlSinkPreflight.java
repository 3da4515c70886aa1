package io.cdctest.pipeline.matrixone;

import io.cdctest.CdctestException;
import io.cdctest.preflight.Check;
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
 * What a MySQL sink of MatrixOne CDC needs before the run (matrixone.md §1.5, §8): the server in
 * UTC (MatrixOne writes TIMESTAMP as UTC text and sets no time zone on its connection), and a user
 * that may CREATE, DROP, INSERT, UPDATE, DELETE and SELECT (the sink creates and recreates tables).
 */
public final class MysqlSinkPreflight {
    static final List<String> PRIVILEGES = List.of("CREATE", "DROP", "INSERT", "UPDATE", "DELETE", "SELECT");

    private MysqlSinkPreflight() {
    }

    /** Throws the first unmet need as an environment error (exit 3). */
    public static void check(JdbcEndpoint mysql) {
        try (Connection c = mysql.withDatabase(null).connect()) {
            Check.requireAll(checks(mysql, c));
        } catch (SQLException e) {
            throw CdctestException.environment("target " + mysql.engine().id() + " at " + mysql.address()
                    + ": cannot check time zone and privileges: " + Sql.firstLine(e), e);
        }
    }

    static List<Check> checks(JdbcEndpoint mysql, Connection c) throws SQLException {
        List<Check> checks = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT @@global.time_zone, @@system_time_zone")) {
                rs.next();
                checks.add(utc(rs.getString(1), rs.getString(2)) ? Check.pass("target time zone", "UTC")
                        : Check.fail("target time zone", "MatrixOne to MySQL needs the MySQL server in UTC (global time_zone is "
                        + rs.getString(1) + ", system " + rs.getString(2) + ")",
                        "start it with --default-time-zone=+00:00 (MatrixOne writes TIMESTAMP as UTC text)"));
            }
            List<String> grants = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SHOW GRANTS FOR CURRENT_USER()")) {
                while (rs.next()) {
                    grants.add(rs.getString(1));
                }
            } catch (SQLException e) {
                checks.add(Check.pass("target privileges", "grants cannot be read; the server probably skips grant tables"));
                return checks;
            }
            List<String> missing = missing(grants);
            checks.add(missing.isEmpty() ? Check.pass("target privileges", "CREATE, DROP, INSERT, UPDATE, DELETE, SELECT")
                    : Check.fail("target privileges", "user " + mysql.loginUser() + " lacks " + String.join(", ", missing)
                    + ", which the MatrixOne CDC sink needs (it creates, drops and writes the target tables)",
                    "GRANT " + String.join(", ", PRIVILEGES) + " ON *.* TO '" + mysql.user() + "'@'%'"));
        }
        return checks;
    }

    static boolean utc(String globalZone, String systemZone) {
        String g = globalZone == null ? "" : globalZone.trim().toUpperCase(Locale.ROOT);
        String s = systemZone == null ? "" : systemZone.trim().toUpperCase(Locale.ROOT);
        boolean utcName = g.equals("+00:00") || g.equals("UTC") || g.equals("ETC/UTC") || g.equals("GMT");
        return utcName || g.equals("SYSTEM") && (s.equals("UTC") || s.equals("GMT") || s.equals("ETC/UTC"));
    }

    /** The needed privileges none of the grants give, on any database. */
    static List<String> missing(List<String> grants) {
        List<String> missing = new ArrayList<>();
        String all = String.join("\n", grants).toUpperCase(Locale.ROOT);
        if (all.contains("ALL PRIVILEGES")) {
            return missing;
        }
        for (String privilege : PRIVILEGES) {
            if (!all.matches("(?s).*GRANT [^\\n]*\\b" + privilege + "\\b[^\\n]* ON .*")) {
                missing.add(privilege);
            }
        }
        return missing;
    }
}
