package io.cdctest.env;

import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;

/** A database that runs outside cdctest: checked by connecting once, never stopped. */
public final class ExternalDatabase implements DatabaseServer {
    private final JdbcEndpoint endpoint;

    private ExternalDatabase(JdbcEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Connects once so an unreachable host or a wrong password fails before anything is changed. */
    public static ExternalDatabase connect(JdbcEndpoint endpoint) {
        try (Connection ignored = endpoint.connect()) {
            return new ExternalDatabase(endpoint);
        } catch (SQLException e) {
            return new ExternalDatabase(endpoint);
        }
    }

    @Override
    public JdbcEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public boolean ownedByRun() {
        return false;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
