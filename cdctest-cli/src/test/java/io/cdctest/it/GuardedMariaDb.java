package io.cdctest.it;

import io.cdctest.env.EmbeddedMariaDb;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import io.cdctest.sql.JdbcEndpoint;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A real MariaDB that checks passwords, as a user's external server does: the embedded server
 * (started without grant tables) loads them with FLUSH PRIVILEGES and gets a user {@code cdc}
 * with the given password and every privilege. Tests give it to cdctest as an external endpoint.
 */
final class GuardedMariaDb implements AutoCloseable {
    static final String USER = "cdc";

    private final EmbeddedMariaDb server;
    private final String password;

    private GuardedMariaDb(EmbeddedMariaDb server, String password) {
        this.server = server;
        this.password = password;
    }

    static GuardedMariaDb start(Path dir, int serverId, String password, List<String> options) throws SQLException {
        EmbeddedMariaDb server = EmbeddedMariaDb.start("external", dir.resolve("db"), dir.resolve("db.log"), serverId, options);
        try {
            Statements.run(server.endpoint(), "FLUSH PRIVILEGES",
                    "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + password + "'",
                    "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION");
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new GuardedMariaDb(server, password);
    }

    int port() {
        return server.endpoint().port();
    }

    /** A connection as {@code cdc}, for the test's own setup and checks. */
    JdbcEndpoint endpoint(String database) {
        return new JdbcEndpoint("external", Engine.MARIADB, "127.0.0.1", port(), USER, new Secret(password), database, null,
                false);
    }

    void execute(String... statements) throws SQLException {
        Statements.run(endpoint(null), statements);
    }

    @Override
    public void close() {
        server.close();
    }
}
