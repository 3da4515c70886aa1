package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.ready.Readiness;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** A database the run uses: embedded, in a container, or given. Closing stops what the run started. */
public interface DatabaseServer extends AutoCloseable {

    /**
     * Ready once something answers at {@code endpoint}'s address and lets its user in; until then
     * waiting, saying why not (nothing answers there, or the server's answer to the login).
     */
    static Readiness accepting(JdbcEndpoint endpoint) {
        Readiness answering = Ports.answering(endpoint.host(), endpoint.port());
        return () -> {
            Readiness.Look port = answering.check();
            if (!(port instanceof Readiness.Look.Ready)) {
                return port;
            }
            try (Connection ignored = endpoint.connect()) {
                return Readiness.ready();
            } catch (CdctestException | SQLException e) {
                return Readiness.waiting(e.getMessage());
            }
        };
    }

    /** A server-level endpoint (no default database). */
    JdbcEndpoint endpoint();

    /** Whether the server can still be used (a stopped embedded server cannot). */
    boolean isAlive();

    /**
     * Why the server stopped when nothing of the run stopped it (it crashed, or was killed from
     * outside), or empty while it runs, while a fault step holds it down, or when it cannot tell.
     */
    default Optional<String> failure() {
        return Optional.empty();
    }

    /** How a person reaches this database, for --keep-env. */
    default String describe() {
        return endpoint().describe();
    }

    /** The host other servers of the run (a MatrixOne dialing its CDC sink, say) use to reach this one. */
    default String internalHost() {
        return endpoint().host();
    }

    default int internalPort() {
        return endpoint().port();
    }

    /**
     * Whether the server lets its user in with any password (an embedded server started without
     * grant tables): a client that cannot send an empty one (a MatrixOne CDC sink URI) may send any.
     */
    default boolean acceptsAnyPassword() {
        return false;
    }

    /** The server's own Prometheus endpoint, when the run knows it (a MatrixOne it started). */
    default Optional<String> metricsUrl() {
        return Optional.empty();
    }

    /** True when the run started this server and owns everything in it. */
    boolean ownedByRun();

    @Override
    void close();
}
