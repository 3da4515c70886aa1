package io.cdctest.env;

import io.cdctest.CdctestException;
import org.testcontainers.DockerClientFactory;

/** The one check made before any container is started. */
public final class Docker {
    private Docker() {
    }

    /** Whether a Docker engine answers (DOCKER_HOST or the socket). */
    public static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static void require(String what) {
        if (!available()) {
            throw CdctestException.environment(what + ": provision: testcontainers needs a Docker engine and none is "
                    + "reachable (check DOCKER_HOST or the Docker socket), or use provision: embedded | external");
        }
    }
}
