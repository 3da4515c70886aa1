package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import io.cdctest.sql.JdbcEndpoint;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.HexFormat;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;

/**
 * A MatrixOne server in a container ({@code matrixorigin/matrixone}, pinned in {@link Images}), on
 * a network shared by the run's containers so one MatrixOne can dial another by its alias
 * ({@code mo-source}, {@code mo-target}): CDC sink and CCPR upstream URIs must name the address as
 * seen from inside the container. Ready when {@code SELECT 1} answers (MatrixOne's own CI waits up
 * to 300 s).
 */
public final class ContainerMatrixOne implements DatabaseServer {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Network NETWORK = Network.newNetwork();

    private final String role;
    private final GenericContainer<?> container;
    private final Secret password;

    private ContainerMatrixOne(String role, GenericContainer<?> container, Secret password) {
        this.role = role;
        this.container = container;
        this.password = password;
    }

    public static ContainerMatrixOne start(String role) {
        Docker.require(role);
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        Secret password = new Secret(HexFormat.of().formatHex(random));
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(Images.MATRIXONE))
                .withExposedPorts(6001)
                .withNetwork(NETWORK)
                .withNetworkAliases(alias(role))
                .withEnv("DEFAULT_PASSWORD", password.reveal())
                .withEnv("TZ", "UTC");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw CdctestException.environment(role + " MatrixOne container (" + Images.MATRIXONE + ") failed to start: "
                    + e.getMessage(), e);
        }
        ContainerMatrixOne mo = new ContainerMatrixOne(role, container, password);
        try {
            org.awaitility.Awaitility.await().alias(role + " MatrixOne ready").atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                        try (Connection c = mo.endpoint().connect()) {
                            return c.isValid(5);
                        }
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            mo.close();
            throw CdctestException.environment(role + " MatrixOne container did not answer SELECT 1 within "
                    + READY_TIMEOUT.toSeconds() + " s", e);
        }
        return mo;
    }

    static String alias(String role) {
        return "mo-" + role;
    }

    @Override
    public JdbcEndpoint endpoint() {
        return new JdbcEndpoint(role, Engine.MATRIXONE, container.getHost(), container.getMappedPort(6001), "root",
                password, null, null, true);
    }

    /** How other containers of the run reach this one. */
    @Override
    public String internalHost() {
        return alias(role);
    }

    @Override
    public int internalPort() {
        return 6001;
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
        return endpoint().describe() + "  (container " + container.getContainerName() + ", image " + Images.MATRIXONE
                + ", reachable from the run's other containers as " + alias(role) + ":6001)";
    }

    @Override
    public void close() {
        container.stop();
    }
}
