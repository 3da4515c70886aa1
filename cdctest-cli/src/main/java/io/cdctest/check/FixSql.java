package io.cdctest.check;

import io.cdctest.sql.Sql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL that would make the target equal the source for the differences found: REPLACE INTO for
 * missing and different rows (the source's values), DELETE for extra rows.
 */
public final class FixSql {
    private FixSql() {
    }

    public static List<String> statements(TableComparison comparison) {
        ComparisonPlan plan = comparison.plan();
        List<String> out = new ArrayList<>();
        if (plan == null || !plan.comparable()) {
            return out;
        }
        String table = Sql.qualified(plan.target().database(), plan.target().table());
        List<ValueKind> kinds = plan.kinds();
        for (RowDifference d : comparison.samples()) {
            String[] sourceRow = d instanceof RowDifference.MissingInTarget m ? m.sourceRow()
                    : d instanceof RowDifference.Different x ? x.sourceRow() : null;
            if (sourceRow != null) {
                List<String> columns = new ArrayList<>(plan.targetColumns().stream().map(Sql::quote).toList());
                List<String> values = new ArrayList<>();
                for (int i = 0; i < sourceRow.length; i++) {
                    values.add(literal(sourceRow[i], kinds.get(i)));
                }
                plan.targetConstants().forEach((column, value) -> {
                    columns.add(Sql.quote(column));
                    values.add(literal(value, ValueKind.TEXT));
                });
                out.add("REPLACE INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", values) + ");");
            } else if (d instanceof RowDifference.ExtraInTarget) {
                out.add("DELETE FROM " + table + " WHERE " + where(plan, d.key()) + ";");
            } else {
                out.add("-- " + d + ": remove the duplicate by hand");
            }
        }
        if (comparison.differences() > comparison.samples().size()) {
            out.add("-- " + (comparison.differences() - comparison.samples().size())
                    + " more differing rows were not collected (raise the difference budget)");
        }
        return out;
    }

    /** Writes the statements to {@code <dir>/fix-<table>.sql}; returns the file, or null when nothing differs. */
    public static Path write(Path dir, TableComparison comparison) throws IOException {
        List<String> statements = statements(comparison);
        if (statements.isEmpty()) {
            return null;
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("fix-" + comparison.table().replace(" -> ", "-to-").replaceAll("[^A-Za-z0-9_.-]", "_") + ".sql");
        Files.writeString(file, "-- make the target equal the source: " + comparison.summary() + "\n"
                + String.join("\n", statements) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String where(ComparisonPlan plan, RowKey key) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            parts.add(Sql.quote(plan.targetColumns().get(i)) + " = " + literal(key.values().get(i), plan.kinds().get(i)));
        }
        plan.targetConstants().forEach((column, value) -> parts.add(Sql.quote(column) + " = " + literal(value, ValueKind.TEXT)));
        return String.join(" AND ", parts);
    }

    static String literal(String value, ValueKind kind) {
        if (value == null) {
            return "NULL";
        }
        return switch (kind) {
            case INTEGER, DECIMAL, FLOAT, DOUBLE, BIT, BOOLEAN -> value;
            case BINARY -> "X'" + value + "'";
            case VECTOR -> quote("[" + value + "]");
            default -> quote(value);
        };
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
