package io.cdctest.check;

import io.cdctest.spec.TableMapping;
import io.cdctest.sql.Sql;
import io.cdctest.sql.TableSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns table mappings into comparison plans: renames, column subsets and exclusions, row filters,
 * and many-to-one (each matching source table is compared with the target rows that carry its
 * database and table name).
 */
public final class Mappings {
    private Mappings() {
    }

    /** Every base table of a database, in name order. */
    public static List<String> tables(Connection connection, String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    public static List<ComparisonPlan> plans(TableDiff.Database source, String sourceDatabase, TableDiff.Database target,
                                             String targetDatabase, List<TableMapping> mappings) throws SQLException {
        List<ComparisonPlan> plans = new ArrayList<>();
        for (TableMapping m : mappings) {
            String[] from = m.regex() ? new String[] {"*", m.source()} : split(m.source(), sourceDatabase);
            String[] to = m.target() == null ? new String[] {targetDatabase, from[1]} : split(m.target(), targetDatabase);
            List<String[]> matches = m.regex() ? matches(source.connection(), Pattern.compile(m.source()))
                    : matches(source.connection(), from);
            if (matches.isEmpty()) {
                TableRef s = new TableRef(from[0], from[1], m.where());
                plans.add(new ComparisonPlan(m.source(), s, new TableRef(to[0], to[1], m.where()), List.of(), List.of(),
                        List.of(), 0, List.of("no source table matches " + from[0] + "." + from[1] + " (" + m.origin() + ")"),
                        Map.of(), Map.of()));
                continue;
            }
            Optional<TableSchema> targetSchema = TableSchema.read(target.connection(), to[0], to[1]);
            for (String[] match : matches) {
                Optional<TableSchema> sourceSchema = TableSchema.read(source.connection(), match[0], match[1]);
                Map<String, String> constants = new LinkedHashMap<>();
                if (m.sourceDatabaseColumn() != null) {
                    constants.put(m.sourceDatabaseColumn(), match[0]);
                }
                if (m.sourceTableColumn() != null) {
                    constants.put(m.sourceTableColumn(), match[1]);
                }
                String name = constants.isEmpty() && match[1].equals(to[1]) && matches.size() == 1 && m.target() == null
                        ? match[1] : match[0] + "." + match[1] + " -> " + to[0] + "." + to[1];
                plans.add(ComparisonPlan.build(name, new TableRef(match[0], match[1], m.where()),
                        sourceSchema,
                        new TableRef(to[0], to[1], targetFilter(m.where(), constants, m.regex()
                                ? absent(sourceSchema, targetSchema, constants) : List.of())), targetSchema, m.columns(),
                        m.exclude()).withTargetConstants(constants));
            }
        }
        return plans;
    }

    /**
     * A route's sink columns that this source table lacks (besides the name columns): its rows must
     * hold NULL there, so the target side only counts rows that do.
     */
    private static List<String> absent(Optional<TableSchema> source, Optional<TableSchema> target,
                                       Map<String, String> constants) {
        if (source.isEmpty() || target.isEmpty()) {
            return List.of();
        }
        return target.get().columns().stream().map(io.cdctest.sql.Column::name)
                .filter(c -> source.get().column(c).isEmpty() && constants.keySet().stream().noneMatch(c::equalsIgnoreCase))
                .toList();
    }

    private static String targetFilter(String where, Map<String, String> constants, List<String> nullColumns) {
        List<String> parts = new ArrayList<>();
        if (where != null) {
            parts.add("(" + where + ")");
        }
        constants.forEach((column, value) -> parts.add(Sql.quote(column) + " = '" + value.replace("'", "''") + "'"));
        nullColumns.forEach(column -> parts.add(Sql.quote(column) + " IS NULL"));
        return parts.isEmpty() ? null : String.join(" AND ", parts);
    }

    /** {@code db.table} (or {@code table} in the default database) as [database, table]. */
    static String[] split(String name, String defaultDatabase) {
        int dot = name.indexOf('.');
        return dot < 0 ? new String[] {defaultDatabase, name} : new String[] {name.substring(0, dot), name.substring(dot + 1)};
    }

    private static List<String[]> matches(Connection connection, String[] pattern) throws SQLException {
        Pattern db = glob(pattern[0]);
        Pattern table = glob(pattern[1]);
        return matches(connection, (schema, name) -> db.matcher(schema).matches() && table.matcher(name).matches());
    }

    /** The base tables whose {@code database.table} matches a regular expression (a route's source pattern). */
    public static List<String[]> matches(Connection connection, Pattern qualified) throws SQLException {
        return matches(connection, (schema, name) -> qualified.matcher(schema + "." + name).matches());
    }

    private static List<String[]> matches(Connection connection, java.util.function.BiPredicate<String, String> test)
            throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT table_schema, table_name FROM "
                + "information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY table_schema, table_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (test.test(rs.getString(1), rs.getString(2))) {
                    found.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return found;
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
