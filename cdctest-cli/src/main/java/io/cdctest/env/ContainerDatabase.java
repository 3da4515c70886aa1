package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import org.testcontainers.mysql.MySQLContainer;

/** A MySQL 8.0 server in a container (Testcontainers), with ROW binlog and GTIDs so it can be a CDC source. */
public final class ContainerDatabase extends ContainerServer {

    private ContainerDatabase(String role, MySQLContainer container, Secret password) {
        super(role, container, password, Engine.MYSQL, 3306);
    }

    public static ContainerDatabase start(String role, Engine engine, int serverId) {
        Docker.require(role);
        if (engine == Engine.MATRIXONE) {
            throw CdctestException.config(role + ": MatrixOne containers come with the MatrixOne pipelines");
        }
        Secret password = randomPassword();
        MySQLContainer container = new MySQLContainer(Images.MYSQL)
                .withUsername("root")
                .withPassword(password.reveal())
                .withCommand("--server-id=" + serverId, "--log-bin=mysql-bin", "--binlog-format=ROW",
                        "--binlog-row-image=FULL", "--gtid-mode=ON", "--enforce-gtid-consistency=ON",
                        "--default-time-zone=+00:00", "--character-set-server=utf8mb4");
        start(container, role + " MySQL container (" + Images.MYSQL + ")");
        return new ContainerDatabase(role, container, password);
    }
}
