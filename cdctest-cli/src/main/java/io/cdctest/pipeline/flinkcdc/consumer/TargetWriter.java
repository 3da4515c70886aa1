package io.cdctest.pipeline.flinkcdc.consumer;

import io.cdctest.CdctestException;
import io.cdctest.format.ChangeEvent;
import io.cdctest.format.ColumnTypes;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
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

    void apply(List<ChangeEvent> batch) throws SQLException {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            try {
                applier.apply(batch);
                return;
            } catch (SQLException e) {
                if (!lostConnection(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                System.err.println("cdctest-consumer: target " + target.address() + " unreachable (" + e.getMessage()
                        + "), retrying the batch of " + batch.size() + " events");
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

    static boolean lostConnection(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof SQLTransientException || t.getClass().getSimpleName().equals("CommunicationsException")
                    || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
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
