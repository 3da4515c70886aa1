package io.cdctest.spec;

/**
 * A database endpoint of a scenario ({@code source:} or {@code target:}).
 *
 * @param role     which of the run's two databases this is
 * @param engine   the engine ({@code type:} in YAML)
 * @param provision external, embedded or testcontainers
 * @param host     host for external endpoints
 * @param port     port for external endpoints
 * @param database the database the pipeline reads from or writes to
 * @param account  MatrixOne account (tenant), or null
 * @param disposable the database may hold tables cdctest did not create, and the run may write into
 *                 them ({@code disposable: true}); otherwise a target database that holds such
 *                 tables is refused
 * @param sysUser  MatrixOne: a user of the sys account on this cluster, which creates {@code account}
 *                 for the run when it does not exist (and drops it afterwards)
 * @param sysPassword its password (default: {@code password})
 * @param binary   {@code provision: local}: the mo-service binary, or null for {@code CDCTEST_MO_BINARY}
 */
public record Endpoint(Side role, Engine engine, Provision provision, String host, int port, String user,
                       Secret password, String database, String account, boolean disposable,
                       String sysUser, Secret sysPassword, String binary, Origin origin) {

    /** Whether the endpoint logs into a MatrixOne account other than sys. */
    public boolean tenant() {
        return engine == Engine.MATRIXONE && account != null && !account.isBlank() && !account.equalsIgnoreCase("sys");
    }

    public String address() {
        return host + ":" + port;
    }
}
