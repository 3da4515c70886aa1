package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import io.cdctest.sql.JdbcEndpoint;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.testcontainers.mysql.MySQLContainer;

/** A MySQL 8.0 server in a container (Testcontainers), with ROW binlog and GTIDs so it can be a CDC source. */
public final class ContainerDatabase implements DatabaseServer {
    private final String role;
    private final MySQLContainer container;
    private final Secret password;

    private ContainerDatabase(String role, MySQLContainer container, Secret password) {
        this.role = role;
        this.container = container;
        this.password = password;
    }

    public static ContainerDatabase start(String role, Engine engine, int serverId) {
        Docker.require(role);
        if (engine == Engine.MATRIXONE) {
            throw CdctestException.config(role + ": MatrixOne containers come with the MatrixOne pipelines");
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        Secret password = new Secret(HexFormat.of().formatHex(random));
        MySQLContainer container = new MySQLContainer(Images.MYSQL)
                .withUsername("root")
                .withPassword(password.reveal())
                .withCommand("--server-id=" + serverId, "--log-bin=mysql-bin", "--binlog-format=ROW",
                        "--binlog-row-image=FULL", "--gtid-mode=ON", "--enforce-gtid-consistency=ON",
                        "--default-time-zone=+00:00", "--character-set-server=utf8mb4");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw CdctestException.environment(role + " MySQL container (" + Images.MYSQL + ") failed to start: "
                    + e.getMessage(), e);
        }
        return new ContainerDatabase(role, container, password);
    }

    @Override
    public JdbcEndpoint endpoint() {
        return new JdbcEndpoint(role, Engine.MYSQL, container.getHost(), container.getMappedPort(3306), "root",
                password, null, null, true);
    }

    @Override
    public boolean isAlive() {
        return container.isRunning();
    }

    @Override
    public boolean ownedByRun() {
        return true;
    }

    @Override
    public String describe() {
        return endpoint().describe() + "  (container " + container.getContainerName() + ", image " + Images.MYSQL + ")";
    }

    @Override
    public void close() {
        container.stop();
    }
}
