package io.cdctest.pipeline.matrixone;

import io.cdctest.preflight.Check;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the MatrixOne pipelines need of a MatrixOne server (matrixone.md §1.4, §1.8, §2): a version
 * that has the feature, and for CDC a login that may read and create PITRs in the source account.
 * Reads only ({@code SELECT version()}, {@code SHOW PITR}).
 */
final class MoPreflight {
    private MoPreflight() {
    }

    /** The server is MatrixOne and at least {@code needed} ({@code feature} names what needs it). */
    static Check version(JdbcEndpoint endpoint, Connection c, MoVersion needed, String feature) throws SQLException {
        String name = endpoint.role() + " matrixone version";
        String text;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            text = rs.getString(1);
        }
        MoVersion version;
        try {
            version = MoVersion.parse(text);
        } catch (IllegalArgumentException e) {
            return Check.fail(name, endpoint.address() + " is not MatrixOne (version " + text + ")",
                    "point " + endpoint.role() + ".host / .port at a MatrixOne server, or set " + endpoint.role()
                            + ".type to the engine it is");
        }
        return version.compareTo(needed) >= 0 ? Check.pass(name, version + " (" + feature + " needs " + needed + "+)")
                : Check.fail(name, "MatrixOne " + version + " has no " + feature + "; it needs " + needed + " or later",
                "upgrade to MatrixOne " + MoVersion.DEFAULT + " (the version cdctest is built against)");
    }

    /**
     * The login can see the account's PITRs: CREATE CDC needs a PITR of 2 hours or more over the
     * source, which the run creates as this user (an account admin may).
     */
    static Check pitr(JdbcEndpoint endpoint, Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW PITR")) {
            int count = 0;
            while (rs.next()) {
                count++;
            }
            return Check.pass(endpoint.role() + " pitr", "SHOW PITR works as " + endpoint.loginUser() + " (" + count
                    + " PITR(s)); the run creates its own for the source database");
        } catch (SQLException e) {
            return Check.fail(endpoint.role() + " pitr", "SHOW PITR fails as " + endpoint.loginUser() + ": " + Sql.firstLine(e),
                    "log in as an admin of the source account (accountadmin or moadmin): CREATE PITR and CREATE CDC need it");
        }
    }
}
