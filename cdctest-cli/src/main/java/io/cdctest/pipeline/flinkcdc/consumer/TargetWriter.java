package io.cdctest.pipeline.flinkcdc.consumer;

import io.cdctest.CdctestException;
import io.cdctest.format.ChangeEvent;
import io.cdctest.format.ColumnTypes;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;

/**
 * The consumer's side of the target: applies batches, and when the target goes away (restarted,
 * network) reconnects and applies the same batch again for up to a minute. Kafka offsets are
 * committed only after a batch is applied, so nothing is lost while it waits.
 */
final class TargetWriter implements AutoCloseable {
    private static final Duration RETRY_FOR = Duration.ofSeconds(60);

    private final JdbcEndpoint target;
    private final String database;
    private final Routes routes;
    private Connection connection;
    private JdbcApplier applier;

    TargetWriter(JdbcEndpoint target, String database, Routes routes) throws SQLException {
        this.target = target;
        this.database = database;
        this.routes = routes;
        connect();
    }

    private void connect() throws SQLException {
        connection = target.connect();
        applier = new JdbcApplier(connection, database, routes);
    }

    /** The target's column types, read through the current connection. */
    ColumnTypes columnTypes() {
        return (db, table, column) -> applier.columnTypes().of(db, table, column);
    }

    /** Work that reads or writes the target through the current connection. */
    @FunctionalInterface
    interface TargetWork<T> {
        T run() throws SQLException;
    }

    void apply(List<ChangeEvent> batch) throws SQLException {
        retrying("the batch of " + batch.size() + " events", () -> {
            applier.apply(batch);
            return null;
        });
    }

    /**
     * Runs {@code work}, and while the target is unreachable reconnects and runs it again, for up to a
     * minute. Decoding goes through here too: some formats read the target's column types.
     */
    <T> T retrying(String what, TargetWork<T> work) throws SQLException {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            try {
                return work.run();
            } catch (SQLException | CdctestException e) {
                // a lost connection shows as an SQLException from a statement, or wrapped when a table's definition is read
                if (!lostConnection(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                System.err.println("cdctest-consumer: target " + target.address() + " unreachable (" + e.getMessage()
                        + "), retrying " + what);
                reconnect();
            }
        }
    }

    private void reconnect() {
        try {
            Thread.sleep(1000);
            close();
            connect();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | CdctestException e) {
            // still down: the next attempt tries again
        }
    }

    /** A lost connection, or an error the same batch may not meet again (lock wait timeout, deadlock). */
    static boolean lostConnection(Exception e) {
        if (Sql.connectionLost(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLRecoverableException || t instanceof SQLTransientException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the target is gone already
        }
    }
}
