package io.cdctest.it;

import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A test's own statements and queries on a server it started, each call on a connection of its own. */
final class Statements {
    private Statements() {
    }

    /** Runs the statements in order; returns the rows the last one changed (-1 for a query). */
    static int run(JdbcEndpoint server, String... statements) throws SQLException {
        int changed = 0;
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                changed = st.execute(sql) ? -1 : st.getUpdateCount();
            }
        }
        return changed;
    }

    /** The first column of a query's first row; null when it has no row. */
    static String first(JdbcEndpoint server, String query) throws SQLException {
        try (Connection c = server.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
