package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.spec.Endpoint;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A MatrixOne account (tenant) an endpoint logs into, created for the run when the cluster lacks it
 * (a fresh cluster has only sys), by the endpoint's sys login, with the endpoint's user and password
 * as its admin; dropped again when the run ends. An account that exists is used as it is.
 */
public final class MatrixOneAccount implements AutoCloseable {
    private final JdbcEndpoint sys;
    private final String account;

    private MatrixOneAccount(JdbcEndpoint sys, String account) {
        this.sys = sys;
        this.account = account;
    }

    public String name() {
        return account;
    }

    /** The endpoint's sys-account login on its cluster. */
    static JdbcEndpoint sysLogin(Endpoint e) {
        return new JdbcEndpoint(e.role().id(), e.engine(), e.host(), e.port(), e.sysUser(), e.sysPassword(), null, null, true);
    }

    /** Whether the endpoint's account exists on its cluster (asked as sys). */
    public static boolean exists(Endpoint e) {
        try (Connection c = sysLogin(e).connect();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM mo_catalog.mo_account WHERE account_name = ?")) {
            ps.setString(1, e.account());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException ex) {
            throw failure(e, ex);
        }
    }

    /**
     * Creates the endpoint's account when it is a tenant that does not exist; empty when nothing was
     * created. Failing to ask or to create is an environment error naming the fix.
     */
    public static Optional<MatrixOneAccount> ensure(Endpoint e) {
        if (!e.tenant() || e.provision() != io.cdctest.spec.Provision.EXTERNAL || !Ports.reachable(e.host(), e.port(), 3000)
                || exists(e)) { // an endpoint that does not answer is the preflight's to report
            return Optional.empty();
        }
        JdbcEndpoint sys = sysLogin(e);
        try {
            create(sys, e);
        } catch (SQLException ex) {
            throw failure(e, ex);
        }
        return Optional.of(new MatrixOneAccount(sys, e.account()));
    }

    /** Creates the endpoint's account through a sys login, with the endpoint's user and password as its admin. */
    static void create(JdbcEndpoint sys, Endpoint e) throws SQLException {
        try (Connection c = sys.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE ACCOUNT IF NOT EXISTS " + Sql.quote(e.account()) + " ADMIN_NAME " + literal(e.user())
                    + " IDENTIFIED BY " + literal(e.password().reveal()));
        }
    }

    private static CdctestException failure(Endpoint e, SQLException ex) {
        return CdctestException.environment(e.role() + " account " + e.account() + " on " + e.address() + ": cannot check "
                + "or create it as the sys user " + e.sysUser() + ": " + Sql.firstLine(ex) + " (create it yourself: CREATE "
                + "ACCOUNT " + e.account() + " ADMIN_NAME '" + e.user() + "' IDENTIFIED BY '...'; or set " + e.role()
                + ".sys_user and " + e.role() + ".sys_password, " + e.origin() + ")", ex);
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Drops the account, and with it everything the run left in it. */
    @Override
    public void close() {
        try (Connection c = sys.connect(); Statement st = c.createStatement()) {
            st.execute("DROP ACCOUNT IF EXISTS " + Sql.quote(account));
        } catch (SQLException | CdctestException ex) {
            org.slf4j.LoggerFactory.getLogger(MatrixOneAccount.class).warn("cannot drop the account {} the run created: {}",
                    account, ex.getMessage());
        }
    }
}
