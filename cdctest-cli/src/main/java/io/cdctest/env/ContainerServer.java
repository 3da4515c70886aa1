package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import io.cdctest.sql.JdbcEndpoint;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.testcontainers.containers.GenericContainer;

/**
 * A database server in a container the run started (Testcontainers): reached as root with a random
 * password through the container's mapped port, stopped with the run.
 */
abstract class ContainerServer implements DatabaseServer {
    final String role;
    final GenericContainer<?> container;
    private final Secret password;
    private final Engine engine;
    private final int port;

    ContainerServer(String role, GenericContainer<?> container, Secret password, Engine engine, int port) {
        this.role = role;
        this.container = container;
        this.password = password;
        this.engine = engine;
        this.port = port;
    }

    /** A new root password for a container, never written anywhere but the container's environment. */
    static Secret randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return new Secret(HexFormat.of().formatHex(random));
    }

    /** Starts the container, or stops what started of it and says why it failed. */
    static void start(GenericContainer<?> container, String what) {
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw CdctestException.environment(what + " failed to start: " + e.getMessage(), e);
        }
    }

    @Override
    public JdbcEndpoint endpoint() {
        return new JdbcEndpoint(role, engine, container.getHost(), container.getMappedPort(port), "root", password, null, null,
                true);
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
        return endpoint().describe() + "  (container " + container.getContainerName() + ", image "
                + container.getDockerImageName() + ")";
    }

    @Override
    public void close() {
        container.stop();
    }
}
