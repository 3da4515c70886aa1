package io.cdctest.sql;

import io.cdctest.spec.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Tells which engine is behind a connection, from {@code SELECT version()}. */
public final class Engines {
    private Engines() {
    }

    /**
     * {@code 8.0.30-MatrixOne-v3.0.0-...} is MatrixOne, {@code 8.0.11-TiDB-v7.5.0} TiDB, {@code 11.4.5-MariaDB-log}
     * MariaDB, anything else MySQL (StarRocks and Doris answer as MySQL 5.7/8.0: name them in the scenario).
     */
    public static Engine fromVersion(String version) {
        String v = version == null ? "" : version.toLowerCase(Locale.ROOT);
        if (v.contains("matrixone")) {
            return Engine.MATRIXONE;
        }
        if (v.contains("tidb")) {
            return Engine.TIDB;
        }
        return v.contains("mariadb") ? Engine.MARIADB : Engine.MYSQL;
    }

    public static Engine detect(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT version()")) {
            return fromVersion(rs.next() ? rs.getString(1) : "");
        }
    }
}
