package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.spec.Engine;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;

/** A database that runs outside cdctest: checked by connecting once, never stopped. */
public final class ExternalDatabase implements DatabaseServer {
    private final JdbcEndpoint endpoint;

    private ExternalDatabase(JdbcEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Connects once so an unreachable host or a wrong password fails before anything is changed;
     * for MatrixOne the message says how to provide one.
     */
    public static ExternalDatabase connect(JdbcEndpoint endpoint) {
        try (Connection ignored = endpoint.connect()) {
            return new ExternalDatabase(endpoint);
        } catch (SQLException e) {
            return new ExternalDatabase(endpoint);
        } catch (CdctestException e) {
            if (endpoint.engine() != Engine.MATRIXONE) {
                throw e;
            }
            throw new CdctestException(e.exitCode(), e.getMessage() + "; start one (docker run -d -p " + endpoint.port()
                    + ":6001 " + Images.MATRIXONE + "), set " + endpoint.role() + ".provision: testcontainers (needs Docker), "
                    + "or point the scenario at yours with --set " + endpoint.role() + ".host=... --set " + endpoint.role()
                    + ".port=...", e.getCause());
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
