package io.cdctest.env;

import io.cdctest.CdctestException;
import org.testcontainers.DockerClientFactory;

/** The one check made before any container is started. */
final class Docker {
    private Docker() {
    }

    static void require(String what) {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            available = false;
        }
        if (!available) {
            throw CdctestException.environment(what + ": provision: testcontainers needs a Docker engine and none is "
                    + "reachable (check DOCKER_HOST or the Docker socket), or use provision: embedded | external");
        }
    }
}
