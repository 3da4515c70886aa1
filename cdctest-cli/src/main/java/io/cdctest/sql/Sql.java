package io.cdctest.sql;

import java.sql.SQLException;

/** Small helpers for writing SQL text and messages. */
public final class Sql {
    private Sql() {
    }

    /** Quotes an identifier with backticks (MySQL, MariaDB and MatrixOne all accept them). */
    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    public static String qualified(String database, String table) {
        return quote(database) + "." + quote(table);
    }

    /** The first line of a SQL error, with its vendor code: enough for a one-line message. */
    public static String firstLine(SQLException e) {
        Throwable t = e;
        String message = e.getMessage();
        while ((message == null || message.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            message = t.getMessage();
        }
        message = message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
        if (message.startsWith("Communications link failure")) {
            message = "Communications link failure (is the server running and reachable?)";
        }
        return e.getErrorCode() != 0 ? message + " [" + e.getErrorCode() + "]" : message;
    }

    /**
     * Whether {@code error}, or one of its causes, says the connection to the server is gone
     * (SQLSTATE class 08, or a connection exception of the driver).
     */
    public static boolean connectionLost(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLNonTransientConnectionException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Shortens a statement for display. */
    public static String abbreviate(String sql, int max) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }
}
