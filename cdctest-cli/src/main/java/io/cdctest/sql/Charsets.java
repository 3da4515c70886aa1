package io.cdctest.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a value a table's column cannot hold because of its character set ("Incorrect string
 * value", error 1366): which table, which column, which character set, in one line.
 */
public final class Charsets {
    private static final int INCORRECT_STRING_VALUE = 1366;
    /** MariaDB: for column `db`.`t`.`c` at row 6; MySQL: for column 'c' at row 1. */
    private static final Pattern COLUMN = Pattern.compile("for column [`']?(?:[^`'\\s]+[`']?\\.[`']?)*([^`'\\s.]+)[`']? at row");

    private Charsets() {
    }

    /**
     * When {@code error} is a value the column's character set cannot hold: "table db.t column c
     * (character set latin1) cannot hold the value: Incorrect string value: ..." with the fix.
     */
    public static Optional<String> explain(Connection connection, String database, String table, SQLException error) {
        SQLException e = incorrectString(error);
        if (e == null) {
            return Optional.empty();
        }
        String detail = Sql.firstLine(e).replaceFirst("^Data truncation: ", "");
        Matcher m = COLUMN.matcher(e.getMessage());
        if (!m.find()) {
            return Optional.of("table " + database + "." + table + " cannot hold the value (its character set): " + detail);
        }
        String column = m.group(1);
        String charset = "unknown";
        try (PreparedStatement ps = connection.prepareStatement("SELECT character_set_name FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? AND column_name = ?")) {
            ps.setString(1, database);
            ps.setString(2, table);
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    charset = rs.getString(1);
                }
            }
        } catch (SQLException ignored) {
            // the message still names table and column
        }
        return Optional.of("table " + database + "." + table + " column " + column + " (character set " + charset
                + ") cannot hold the value: " + detail + " (fix: ALTER TABLE " + Sql.qualified(database, table)
                + " CONVERT TO CHARACTER SET utf8mb4, or create the table in utf8mb4)");
    }

    private static SQLException incorrectString(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == INCORRECT_STRING_VALUE
                    || s.getMessage() != null && s.getMessage().startsWith("Incorrect string value"))) {
                return s;
            }
        }
        return null;
    }
}
