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
            throw new CdctestException(e.exitCode(), e.getMessage() + "; " + howToProvide(endpoint), e.getCause());
        }
    }

    /** What to do when nothing answers at an endpoint; for MatrixOne, how to get one. */
    public static String howToProvide(JdbcEndpoint endpoint) {
        String role = endpoint.role();
        if (endpoint.engine() != Engine.MATRIXONE) {
            return "start the server, or correct " + role + ".host / " + role + ".port (a firewall between?)";
        }
        return "let cdctest start one from a mo-service binary (--set " + role + ".provision=local and CDCTEST_MO_BINARY), "
                + "start one (docker run -d -p " + endpoint.port() + ":6001 " + Images.MATRIXONE + "), or point the scenario "
                + "at yours with --set " + role + ".host=... --set " + role + ".port=...";
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
