package io.cdctest.check;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.spec.Engine;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One side's rows of a key range, in key order, read ahead on a thread of its own into a bounded
 * queue: both sides of a comparison are read at the same time, and memory stays flat whatever the
 * table's size. A row holds its values as read; only the key columns are normalised at once, the
 * others when a comparison needs them (most rows are equal as read, and normalising JSON or
 * decimals for every row would cost more than reading it).
 */
final class RowStream implements AutoCloseable {
    private static final int QUEUE = 8;
    private static final int BATCH = 512;
    private static final Row[] END = new Row[0];

    /** A row: its values' bytes as sent by the database (keys first) and its key normalised. */
    record Row(byte[][] raw, String[] key) {
        /** All values normalised. */
        String[] canonical(ValueKind[] kinds) {
            String[] out = new String[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = i < key.length ? key[i] : Values.canonicalOfBytes(raw[i], kinds[i]);
            }
            return out;
        }
    }

    private final BlockingQueue<Row[]> queue = new ArrayBlockingQueue<>(QUEUE);
    private Row[] batch = new Row[0];
    private int next;
    private final Connection connection;
    private final PreparedStatement statement;
    private final Thread reader;
    private final String where;
    private final ValueKind[] kinds;
    private final int keyCount;
    private volatile Throwable failure;
    private volatile boolean closed;
    private String[] previous;
    private long count;

    RowStream(Connection connection, Engine engine, TableRef table, List<String> columns, ValueKind[] kinds,
              int keyCount, KeyRange range) {
        this(connection, engine, table, columns, selects(columns, kinds), kinds, keyCount, range, null);
    }

    /** Each column as it is read ({@link ValueKind#select}). */
    static List<String> selects(List<String> columns, ValueKind[] kinds) {
        List<String> selects = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            selects.add(kinds[i].select(columns.get(i)));
        }
        return selects;
    }

    /**
     * @param selects what is read for each column, keys first (column names, or expressions such as a row hash)
     * @param keys    when not null, only the rows with these canonical keys (at most a few thousand), else
     *                every row of the range
     */
    RowStream(Connection connection, Engine engine, TableRef table, List<String> columns, List<String> selects,
              ValueKind[] kinds, int keyCount, KeyRange range, List<String[]> keys) {
        this.connection = connection;
        this.kinds = kinds;
        this.keyCount = keyCount;
        this.where = table.database() + "." + table.table();
        KeySql keySql = new KeySql(engine, columns.subList(0, keyCount), kinds);
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", selects));
        sql.append(" FROM ").append(Sql.qualified(table.database(), table.table())).append(" WHERE ")
                .append(keys == null ? keySql.condition(range) : keySql.in(keys.size()));
        if (table.filter() != null) {
            sql.append(" AND (").append(table.filter()).append(')');
        }
        sql.append(" ORDER BY ").append(keySql.orderBy());
        try {
            statement = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(Integer.MIN_VALUE);
            if (keys == null) {
                keySql.bind(statement, 1, range);
            } else {
                keySql.bindKeys(statement, 1, keys);
            }
        } catch (SQLException e) {
            throw new CdctestException(ExitCode.ENVIRONMENT, "cannot read " + where + ": " + Sql.firstLine(e), e);
        }
        reader = new Thread(this::read, "cdctest-read " + where);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (ResultSet rs = statement.executeQuery()) {
            int n = kinds.length;
            Row[] filling = new Row[BATCH];
            int filled = 0;
            while (!closed && rs.next()) {
                byte[][] raw = new byte[n][];
                String[] key = new String[keyCount];
                for (int i = 0; i < n; i++) {
                    raw[i] = rs.getBytes(i + 1);
                    if (i < keyCount) {
                        key[i] = Values.canonicalOfBytes(raw[i], kinds[i]);
                    }
                }
                filling[filled++] = new Row(raw, key);
                if (filled == BATCH) {
                    queue.put(filling);
                    filling = new Row[BATCH];
                    filled = 0;
                }
            }
            if (filled > 0 && !closed) {
                queue.put(java.util.Arrays.copyOf(filling, filled));
            }
        } catch (SQLException e) {
            if (!closed) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            try {
                while (!queue.offer(END, 100, TimeUnit.MILLISECONDS) && !closed) {
                    // the consumer is slow; keep offering until it takes the end or closes
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next row, or null at the end. Rows out of key order are an error: the merge would be wrong. */
    Row next() {
        if (next == batch.length) {
            if (batch == END) {
                return end();
            }
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CdctestException(ExitCode.INTERNAL, "interrupted while reading " + where, e);
            }
            next = 0;
            if (batch == END) {
                return end();
            }
        }
        Row row = batch[next++];
        if (previous != null && KeySql.compare(previous, row.key(), kinds, keyCount) > 0) {
            throw new CdctestException(ExitCode.INTERNAL, where + ": rows do not arrive in key order ("
                    + java.util.Arrays.toString(previous) + " then " + java.util.Arrays.toString(row.key())
                    + "); cannot merge");
        }
        previous = row.key();
        count++;
        return row;
    }

    private Row end() {
        if (failure != null) {
            String message = failure instanceof SQLException se ? Sql.firstLine(se) : failure.toString();
            throw new CdctestException(ExitCode.ENVIRONMENT, "cannot read " + where + ": " + message, failure);
        }
        return null;
    }

    long count() {
        return count;
    }

    /**
     * Stops reading and returns only when the reader thread has ended, so the connection is never
     * used by two threads: the running query is cancelled, and a reader still not done 10 s after
     * the cancel (a server that ignores it, a network gone quiet) has its connection aborted, which
     * ends its read with an error; the caller's next statement on that connection then fails
     * instead of meeting a statement still running.
     */
    @Override
    public void close() {
        closed = true;
        boolean interrupted = false;
        if (reader.isAlive()) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // best effort: the statement may have finished
            }
            queue.clear();
            interrupted = awaitReader(10_000);
            if (reader.isAlive()) {
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException | RuntimeException e) {
                    // aborting is the last resort; the wait below still keeps the connection to one thread
                }
                queue.clear();
            }
        }
        interrupted |= awaitReader(0);
        try {
            statement.close();
        } catch (SQLException ignored) {
            // closing after a cancel may report the cancel
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the reader to end, at most {@code millis} (0: however long), through interrupts; whether one came. */
    private boolean awaitReader(long millis) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (reader.isAlive()) {
            long left = millis == 0 ? 0 : (deadline - System.nanoTime()) / 1_000_000;
            if (millis != 0 && left <= 0) {
                break;
            }
            try {
                reader.join(millis == 0 ? 0 : Math.max(1, left));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }
}
