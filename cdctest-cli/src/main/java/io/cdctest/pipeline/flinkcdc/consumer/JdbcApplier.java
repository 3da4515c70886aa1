package io.cdctest.pipeline.flinkcdc.consumer;

import io.cdctest.format.ChangeEvent;
import io.cdctest.format.ColumnTypes;
import io.cdctest.sql.Column;
import io.cdctest.sql.Sql;
import io.cdctest.sql.TableSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a batch of change events to the target in one transaction. Events are folded per key
 * first (the last change of a key wins), then deletes run as {@code DELETE ... WHERE pk} and
 * upserts as {@code REPLACE INTO} (MatrixOne rejects primary-key assignment in
 * {@code ON DUPLICATE KEY UPDATE}; REPLACE works on every engine and is idempotent).
 */
final class JdbcApplier {
    private final Connection connection;
    private final String database;
    private final Map<String, TableSchema> schemas = new HashMap<>();
    private final Routes routes;

    JdbcApplier(Connection connection, String database, Routes routes) throws SQLException {
        this.connection = connection;
        this.database = database;
        this.routes = routes;
        connection.setAutoCommit(false);
    }

    /** The target's column types, for formats whose values need them (Maxwell bytes, SET arrays). */
    ColumnTypes columnTypes() {
        return (db, table, column) -> {
            try {
                return schema(routes.sink(db, table)).column(column).map(Column::columnType).orElse(null);
            } catch (IllegalStateException e) {
                return null;
            }
        };
    }

    /** What the batch leaves for one key: its last image, or its deletion. */
    private record Action(List<Object> key, Map<String, Object> row) {
        boolean delete() {
            return row == null;
        }
    }

    void apply(List<ChangeEvent> events) throws SQLException {
        Map<String, Map<List<Object>, Action>> byTable = new LinkedHashMap<>();
        for (ChangeEvent received : events) {
            ChangeEvent event = routes.apply(received);
            TableSchema schema = schema(event.table());
            Map<List<Object>, Action> actions = byTable.computeIfAbsent(event.table(), t -> new LinkedHashMap<>());
            if (event.before() != null && (event.after() == null || keyChanged(schema, event))) {
                List<Object> key = key(schema, event.before());
                actions.put(key, new Action(key, null));
            }
            if (event.after() != null) {
                List<Object> key = key(schema, event.after());
                actions.put(key, new Action(key, event.after()));
            }
        }
        try {
            for (Map.Entry<String, Map<List<Object>, Action>> table : byTable.entrySet()) {
                TableSchema schema = schema(table.getKey());
                List<Action> actions = new ArrayList<>(table.getValue().values());
                deletes(schema, actions.stream().filter(Action::delete).toList());
                upserts(schema, actions.stream().filter(a -> !a.delete()).toList());
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Keys per DELETE statement: one statement per row is one round trip per row (minutes for a bulk delete into MatrixOne). */
    private static final int DELETE_CHUNK = 500;

    /** Deletes by key, many keys per statement: {@code WHERE (k1, k2) IN ((?, ?), ...)}, which every engine takes. */
    private void deletes(TableSchema schema, List<Action> deletes) throws SQLException {
        List<String> key = schema.primaryKey().stream().map(c -> Sql.quote(c.name())).toList();
        String tuple = key.size() == 1 ? "?" : "(" + String.join(", ", java.util.Collections.nCopies(key.size(), "?")) + ")";
        String columns = key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")";
        for (int from = 0; from < deletes.size(); from += DELETE_CHUNK) {
            List<Action> chunk = deletes.subList(from, Math.min(deletes.size(), from + DELETE_CHUNK));
            String sql = "DELETE FROM " + Sql.qualified(database, schema.table()) + " WHERE " + columns + " IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), tuple)) + ")";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int p = 1;
                for (Action action : chunk) {
                    for (Object value : action.key()) {
                        ps.setObject(p++, value);
                    }
                }
                ps.executeUpdate();
            }
        }
    }

    private void upserts(TableSchema schema, List<Action> upserts) throws SQLException {
        Map<List<String>, List<Action>> byColumns = new LinkedHashMap<>();
        for (Action action : upserts) {
            byColumns.computeIfAbsent(List.copyOf(action.row().keySet()), c -> new ArrayList<>()).add(action);
        }
        for (Map.Entry<List<String>, List<Action>> group : byColumns.entrySet()) {
            List<String> columns = group.getKey().stream().map(name -> column(schema, name).name()).toList();
            String sql = "REPLACE INTO " + Sql.qualified(database, schema.table()) + " ("
                    + String.join(", ", columns.stream().map(Sql::quote).toList()) + ") VALUES ("
                    + "?, ".repeat(columns.size() - 1) + "?)";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (Action action : group.getValue()) {
                    int p = 1;
                    for (String name : group.getKey()) {
                        ps.setObject(p++, action.row().get(name));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                java.util.Optional<String> charset = io.cdctest.sql.Charsets.explain(connection, database, schema.table(), e);
                if (charset.isPresent()) {
                    throw new SQLException("target " + charset.get(), e.getSQLState(), e.getErrorCode(), e);
                }
                throw e;
            }
        }
    }

    private static boolean keyChanged(TableSchema schema, ChangeEvent event) {
        return !key(schema, event.before()).equals(key(schema, event.after()));
    }

    private static List<Object> key(TableSchema schema, Map<String, Object> row) {
        List<Object> key = new ArrayList<>();
        for (Column column : schema.primaryKey()) {
            Object value = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column.name()))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalStateException(
                            "change event for " + schema.table() + " lacks key column " + column.name()));
            key.add(value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : value);
        }
        return key;
    }

    private static Column column(TableSchema schema, String name) {
        return schema.column(name).orElseThrow(() -> new IllegalStateException(
                "target table " + schema.database() + "." + schema.table() + " has no column " + name));
    }

    private TableSchema schema(String table) {
        return schemas.computeIfAbsent(table, t -> {
            TableSchema schema = TableSchema.read(connection, database, t).orElseThrow(() -> new IllegalStateException(
                    "target table " + database + "." + t + " does not exist"));
            if (schema.primaryKey().isEmpty()) {
                throw new IllegalStateException("target table " + database + "." + t + " has no primary key");
            }
            return schema;
        });
    }
}
