package io.cdctest.sql;

import io.cdctest.CdctestException;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import io.cdctest.spec.Side;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * How to reach one database over the MySQL protocol. Credentials travel in connection properties,
 * never in the URL, so URLs can be logged.
 *
 * @param role     what the endpoint is to the run (a {@link Side}'s id, "source" or "target", or another label), used in messages
 * @param database the default database, or null for a server-level connection
 * @param account  MatrixOne account, or null
 * @param tls      false for embedded servers started without TLS
 */
public record JdbcEndpoint(String role, Engine engine, String host, int port, String user, Secret password,
                           String database, String account, boolean tls) {

    public JdbcEndpoint withDatabase(String name) {
        return new JdbcEndpoint(role, engine, host, port, user, password, name, account, tls);
    }

    /** The same server reached at another address (a network link's fault point), for the component that dials it. */
    public JdbcEndpoint at(String otherHost, int otherPort) {
        return new JdbcEndpoint(role, engine, otherHost, otherPort, user, password, database, account, tls);
    }

    /** Whether this endpoint is the run's database on that side. */
    public boolean is(Side side) {
        return role.equals(side.id());
    }

    public String address() {
        return host + ":" + port;
    }

    /** Whether the server is reached over a network rather than on this machine's loopback. */
    public boolean remote() {
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(host);
            return !address.isLoopbackAddress() && java.net.NetworkInterface.getByInetAddress(address) == null;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** The login name: MatrixOne takes {@code account#user}. */
    public String loginUser() {
        return account == null || account.isBlank() ? user : account + "#" + user;
    }

    public String url() {
        return "jdbc:mysql://" + host + ":" + port + "/" + (database == null ? "" : database)
                + "?sslMode=" + (tls ? "PREFERRED" : "DISABLED")
                + "&allowPublicKeyRetrieval=true&connectTimeout=10000&characterEncoding=UTF-8"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&rewriteBatchedStatements=true&allowMultiQueries=false";
    }

    /** A short description for messages and --keep-env: {@code mariadb://root@127.0.0.1:3306/db}. */
    public String describe() {
        return engine.id() + "://" + loginUser() + "@" + address() + "/" + (database == null ? "" : database);
    }

    /** Opens a connection in UTC; failure is an environment error naming role, engine and host:port. */
    public Connection connect() {
        return connect(new Properties());
    }

    /** Opens a connection with extra driver properties (e.g. {@code allowLoadLocalInfile}). */
    public Connection connect(Properties extra) {
        Properties props = new Properties();
        props.putAll(extra);
        props.setProperty("user", loginUser());
        props.setProperty("password", password.reveal());
        try {
            Connection connection = DriverManager.getConnection(url(), props);
            try (Statement st = connection.createStatement()) {
                st.execute("SET time_zone = '+00:00'");
            }
            return connection;
        } catch (SQLException e) {
            throw CdctestException.environment("cannot connect to " + role + " " + engine.id() + " at " + address()
                    + (database == null ? "" : "/" + database) + ": " + Sql.firstLine(e), e);
        }
    }
}
