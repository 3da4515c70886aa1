package io.cdctest.env;

import io.cdctest.ready.Wait;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Secret;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;

/**
 * A MatrixOne server in a container ({@code matrixorigin/matrixone}, pinned in {@link Images}), on
 * a network shared by the run's containers so one MatrixOne can dial another by its alias
 * ({@code mo-source}, {@code mo-target}): CDC sink and CCPR upstream URIs must name the address as
 * seen from inside the container. Ready when it answers SQL: a login and a statement (MatrixOne's own
 * CI waits up to 300 s for {@code SELECT 1}).
 */
public final class ContainerMatrixOne extends ContainerServer {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Network NETWORK = Network.newNetwork();

    private ContainerMatrixOne(String role, GenericContainer<?> container, Secret password) {
        super(role, container, password, Engine.MATRIXONE, 6001);
    }

    public static ContainerMatrixOne start(String role) {
        Docker.require(role);
        Secret password = randomPassword();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(Images.MATRIXONE))
                .withExposedPorts(6001)
                .withNetwork(NETWORK)
                .withNetworkAliases(alias(role))
                .withEnv("DEFAULT_PASSWORD", password.reveal())
                .withEnv("TZ", "UTC");
        start(container, role + " MatrixOne container (" + Images.MATRIXONE + ")");
        ContainerMatrixOne mo = new ContainerMatrixOne(role, container, password);
        try {
            Wait.until(role + " MatrixOne container", "answer SQL").atMost(READY_TIMEOUT).every(Duration.ofSeconds(1))
                    .on(DatabaseServer.accepting(mo.endpoint()));
        } catch (RuntimeException e) {
            mo.close();
            throw e;
        }
        return mo;
    }

    static String alias(String role) {
        return "mo-" + role;
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
    public String describe() {
        return super.describe() + ", reachable from the run's other containers as " + alias(role) + ":6001";
    }
}
