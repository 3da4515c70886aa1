package io.cdctest.spec;

import java.util.List;

/**
 * The {@code network:} block: which of the pipeline's links run through a fault point cdctest owns,
 * and where the fault points listen.
 *
 * @param route          the links to route, or null for every link the pipeline can route (the default)
 * @param listenHost     the address fault points listen on
 * @param advertisedHost the address handed to the component that dials a fault point (a server on
 *                       another machine needs one it can reach)
 */
public record NetworkSpec(List<String> route, String listenHost, String advertisedHost, Origin origin) {
    public static final NetworkSpec DEFAULT = new NetworkSpec(null, "127.0.0.1", "127.0.0.1", new Origin("(default)", 0));

    /** Whether the scenario lets the named link be routed (it may still be unroutable for the pipeline). */
    public boolean routes(String link) {
        return route == null || route.contains(link);
    }
}
