package io.cdctest.pipeline.matrixone;

import io.cdctest.env.net.Link;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Scenario;

/**
 * The links a MatrixOne server dials itself (a CDC task to its sink, a subscription to its upstream):
 * cdctest hands the server the fault point's address instead of the peer's, so the server must be
 * able to reach it.
 */
final class MoLinks {
    static final String SINK = "sink";
    static final String UPSTREAM = "upstream";

    private MoLinks() {
    }

    /**
     * Why fault points cannot sit on a link the MatrixOne at {@code dialer} dials: it runs on another
     * machine and the fault points listen on this one's loopback. Null when they can.
     */
    static String unroutable(Scenario scenario, Endpoint dialer) {
        boolean local = isLoopback(dialer.host()) || dialer.provision() != io.cdctest.spec.Provision.EXTERNAL;
        if (local || !isLoopback(scenario.network().advertisedHost())) {
            return null;
        }
        return "MatrixOne at " + dialer.address() + " dials it from its own machine, which cannot reach a fault point on "
                + "this one's loopback: set network.listen_host and network.advertised_host to an address it can reach";
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    static Link sink() {
        return Link.of(SINK, "matrixone", "target", "the rows the CDC task writes into its sink").asMain();
    }

    static Link upstream() {
        return Link.of(UPSTREAM, "target", "source", "the objects and DDL the subscription copies").asMain();
    }
}
