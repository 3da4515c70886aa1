package io.cdctest.workload;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.generate.DataLoader;
import io.cdctest.generate.RowSource;
import io.cdctest.generate.TableCatalog;
import io.cdctest.generate.TableDef;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Drives INSERT, UPDATE and DELETE on the source: given SQL, or generated rows of catalog tables
 * (deterministic from the scenario's seed). Every write is recorded in the {@link WriteLog}.
 */
public final class SourceWriter {
    private Connection connection;
    private final String database;
    private final long seed;
    private final SplittableRandom random;
    private final WriteLog log;
    /**
     * Per table, the row number the next generated insert starts at, once the writer has touched
     * the table: a key it inserted or saw is never inserted again, even after the highest one was
     * deleted (a delete and a re-insert of one key between two snapshots would look like an update).
     */
    private final Map<String, Long> nextRow = new HashMap<>();
    private long version;

    /** Writes through a new connection from now on (the source was restarted), keeping its random sequence. */
    public void reconnect(Connection connection) {
        this.connection = connection;
    }

    private final java.util.Set<io.cdctest.generate.Avoid> avoid;
    private final boolean keyAsRange;

    /**
     * @param engine the source's engine
     * @param avoid  values the generated rows leave out ({@code data.avoid})
     */
    public SourceWriter(Connection connection, io.cdctest.spec.Engine engine, String database, long seed,
                        java.util.Set<io.cdctest.generate.Avoid> avoid, WriteLog log) {
        this.keyAsRange = engine == io.cdctest.spec.Engine.MATRIXONE;
        this.avoid = avoid;
        this.connection = connection;
        this.database = database;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.log = log;
    }

    /** Runs one statement; returns the rows it changed. */
    public long execute(String sql, String table) throws SQLException {
        try (Statement st = connection.createStatement()) {
            connection.setCatalog(database);
            long rows = st.executeLargeUpdate(sql);
            log.add(new WriteLog.Write(Instant.now(), table, verb(sql), rows, sql));
            return rows;
        }
    }

    /** Inserts {@code count} generated rows after the highest existing key and every key this writer inserted before. */
    public long insert(String table, long count, int batchSize) throws SQLException {
        RowSource rows = rows(table);
        long first = Math.max(rows.table().firstRowAbove(maxLeadingKey(rows.table())), nextRow(rows.table()));
        try {
            DataLoader.insert(connection, database, rows, first, count, batchSize);
        } catch (SQLException e) {
            throw explained(table, e);
        }
        nextRow.put(rows.table().name(), first + count);
        log.add(new WriteLog.Write(Instant.now(), table, "insert", count, null));
        return count;
    }

    /** Gives {@code count} existing rows new generated values in their updatable columns. */
    public long update(String table, int count) throws SQLException {
        RowSource rows = rows(table);
        List<Object[]> keys = pickKeys(rows.table(), count);
        version++;
        StringBuilder sql = new StringBuilder("UPDATE ").append(Sql.qualified(database, table)).append(" SET ");
        List<String> columns = rows.updatable().stream().map(c -> c.name()).toList();
        sql.append(String.join(", ", columns.stream().map(c -> Sql.quote(c) + " = ?").toList()));
        sql.append(" WHERE ").append(keyCondition(rows.table()));
        long changed;
        try {
            changed = inTransaction(sql.toString(), keys, (ps, key) -> {
                Object[] values = rows.update(java.util.Arrays.hashCode(key), version);
                int p = 1;
                for (Object v : values) {
                    ps.setObject(p++, v);
                }
                bindKey(ps, p, key);
            });
        } catch (SQLException e) {
            throw explained(table, e);
        }
        log.add(new WriteLog.Write(Instant.now(), table, "update", changed, null));
        return changed;
    }

    /** Deletes {@code count} existing rows. */
    public long delete(String table, int count) throws SQLException {
        TableDef def = rows(table).table();
        nextRow(def);
        List<Object[]> keys = pickKeys(def, count);
        String sql = "DELETE FROM " + Sql.qualified(database, table) + " WHERE " + keyCondition(def);
        long changed = inTransaction(sql, keys, (ps, key) -> {
            bindKey(ps, 1, key);
        });
        log.add(new WriteLog.Write(Instant.now(), table, "delete", changed, null));
        return changed;
    }

    /** A generated value the table's character set cannot hold, said in one line naming table, column and charset. */
    private SQLException explained(String table, SQLException e) {
        return io.cdctest.sql.Charsets.explain(connection, database, table, e)
                .map(m -> new SQLException("source " + m, e.getSQLState(), e.getErrorCode(), e)).orElse(e);
    }

    private interface Binder {
        void bind(PreparedStatement ps, Object[] key) throws SQLException;
    }

    private long inTransaction(String sql, List<Object[]> keys, Binder binder) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] key : keys) {
                binder.bind(ps, key);
                ps.addBatch();
            }
            long changed = 0;
            for (long n : ps.executeLargeBatch()) {
                changed += Math.max(0, n);
            }
            connection.commit();
            return changed;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** {@code count} consecutive existing keys from a seeded random offset. */
    private List<Object[]> pickKeys(TableDef table, int count) throws SQLException {
        String keyList = String.join(", ", table.primaryKey().stream().map(Sql::quote).toList());
        long total;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + Sql.qualified(database, table.name()))) {
            rs.next();
            total = rs.getLong(1);
        }
        long offset = total <= count ? 0 : random.nextLong(total - count + 1);
        List<Object[]> keys = new ArrayList<>();
        String sql = "SELECT " + keyList + " FROM " + Sql.qualified(database, table.name()) + " ORDER BY " + keyList
                + " LIMIT " + count + " OFFSET " + offset;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Object[] key = new Object[table.primaryKey().size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = rs.getObject(i + 1);
                }
                keys.add(key);
            }
        }
        return keys;
    }

    /** The row number the next insert into the table starts at (above its highest key the first time). */
    private long nextRow(TableDef table) throws SQLException {
        Long next = nextRow.get(table.name());
        if (next == null) {
            next = table.firstRowAbove(maxLeadingKey(table));
            nextRow.put(table.name(), next);
        }
        return next;
    }

    private long maxLeadingKey(TableDef table) throws SQLException {
        String sql = "SELECT COALESCE(MAX(" + Sql.quote(table.primaryKey().get(0)) + "), 0) FROM "
                + Sql.qualified(database, table.name());
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The condition that addresses one row by its key. On MatrixOne each key column is a closed range
     * ({@code k BETWEEN ? AND ?}): MatrixOne 4.2 refuses UPDATE and DELETE with equality on every
     * column of a composite key that holds a RANGE partition's column ({@code unsupported expression
     * executor ... not yet implemented}, docs/matrixone.md, bugs found); the range form selects the same row.
     */
    private String keyCondition(TableDef table) {
        return String.join(" AND ", table.primaryKey().stream().map(c -> Sql.quote(c)
                + (keyAsRange ? " BETWEEN ? AND ?" : " = ?")).toList());
    }

    /** Binds a key for {@link #keyCondition} from parameter {@code first}. */
    private void bindKey(PreparedStatement ps, int first, Object[] key) throws SQLException {
        int p = first;
        for (Object k : key) {
            ps.setObject(p++, k);
            if (keyAsRange) {
                ps.setObject(p++, k);
            }
        }
    }

    private RowSource rows(String table) {
        TableDef def = TableCatalog.find(table).orElseThrow(() -> new CdctestException(ExitCode.CONFIG,
                "table " + table + " is not a generator table (known: " + String.join(", ", TableCatalog.names())
                        + "); give the step an sql: instead"));
        return new RowSource(def.avoiding(avoid), seed);
    }

    private static String verb(String sql) {
        String first = sql.trim().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return first.isEmpty() ? "sql" : first;
    }
}
