package io.cdctest.env.net;

import io.cdctest.CdctestException;
import io.cdctest.env.Ports;
import io.cdctest.spec.NetworkFault;
import io.cdctest.spec.NetworkSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network links of one run and their fault points. A pipeline declares its links
 * ({@code PipelineFactory.links}); when it starts a component that dials across one, it asks
 * {@link #address} where to point it: the address of the link's fault point when the link is routed,
 * the server's own address when it is not. {@code fault} steps then break the link through it
 * ({@link #apply}, {@link #heal}). One thread carries every fault point, started with the first one;
 * closing the run's links closes every listener and connection and ends that thread.
 */
public final class Links implements AutoCloseable {
    private final NetworkSpec spec;
    private final Map<String, Link> declared = new LinkedHashMap<>();
    private final Map<String, FaultPoint> points = new LinkedHashMap<>();
    /** What this testcase did to the network, for the messages of its failures. */
    private final List<String> testcase = new ArrayList<>();
    private final List<String> everFaulted = new ArrayList<>();
    private NetReactor reactor;
    private boolean closed;
    /** {@link #none()}: every link leads straight to its server. */
    private boolean passThrough;

    /** The links of a run: {@code declared} by its pipeline, routed as the scenario's {@code network:} block says. */
    public Links(NetworkSpec spec, List<Link> declared) {
        this.spec = spec;
        declared.forEach(l -> this.declared.put(l.name(), l));
    }

    /** No fault points: every address is the server's own (plans, tools that run no pipeline). */
    public static Links none() {
        Links links = new Links(new NetworkSpec(List.of(), "127.0.0.1", "127.0.0.1", NetworkSpec.DEFAULT.origin()), List.of());
        links.passThrough = true;
        return links;
    }

    public List<Link> declared() {
        return List.copyOf(declared.values());
    }

    public Optional<Link> link(String name) {
        return Optional.ofNullable(declared.get(name));
    }

    /** The pipeline's main link, if it declares one. */
    public Optional<Link> main() {
        return declared.values().stream().filter(Link::main).findFirst();
    }

    /** Whether the link goes through a fault point in this run: declared, routable, and not left out by the scenario. */
    public boolean routed(String name) {
        Link link = declared.get(name);
        return link != null && link.routable() && spec.routes(name);
    }

    /**
     * Where the component that dials across {@code link} should connect to reach {@code host:port}:
     * a fault point started for it (at {@code network.advertised_host}), or {@code host:port} itself
     * when the link is not routed. Asking again for the same server gives the same fault point.
     */
    public synchronized Address address(String link, String host, int port) {
        Link declaration = declared.get(link);
        if (declaration == null && passThrough) {
            return new Address(host, port);
        }
        if (declaration == null) {
            throw new IllegalArgumentException("the pipeline asks for link '" + link + "', which it does not declare ("
                    + String.join(", ", declared.keySet()) + ")");
        }
        if (!routed(link)) {
            return new Address(host, port);
        }
        if (closed) {
            throw CdctestException.environment("the run is being torn down; link " + link + " gets no fault point");
        }
        FaultPoint point = points.get(link);
        if (point == null) {
            if (reactor == null) {
                reactor = new NetReactor("cdctest-net");
            }
            int listenPort = Ports.free();
            point = reactor.call(() -> new FaultPoint(reactor, declaration, spec.listenHost(), listenPort, host, port));
            points.put(link, point);
        } else if (!point.upstream().equals(host + ":" + port)) {
            throw new IllegalStateException("link " + link + " already leads to " + point.upstream() + ", not " + host + ":" + port);
        }
        return new Address(spec.advertisedHost(), point.port());
    }

    /** Puts a fault on a link for {@code duration} (null: until healed); returns what it did. */
    public synchronized String apply(String link, NetworkFault fault, Duration duration) {
        FaultPoint point = point(link);
        String done = reactor.call(() -> point.apply(fault, duration));
        testcase.add(link + ": " + fault.describe() + (duration == null ? "" : " for " + FaultPoint.seconds(duration)));
        everFaulted.add(link);
        return link + " (" + point.link().from() + " → " + point.link().to() + "): " + done;
    }

    /** Ends the faults on a link, or (null) on every link; returns what it ended. */
    public synchronized String heal(String link) {
        List<String> healed = new ArrayList<>();
        for (FaultPoint point : link == null ? List.copyOf(points.values()) : List.of(point(link))) {
            String ended = reactor.call(point::heal);
            if (ended != null) {
                healed.add(point.name() + ": " + ended);
            }
        }
        if (healed.isEmpty()) {
            return link == null ? "no link had a fault" : link + " had no fault";
        }
        return "healed " + String.join("; ", healed);
    }

    /**
     * A testcase ends: faults it left in effect are healed (returned as a line, or empty when there
     * were none), and the next one starts with a clean slate for its messages.
     */
    public synchronized Optional<String> endTestcase() {
        testcase.clear();
        boolean any = points.values().stream().anyMatch(p -> reactor.call(p::faulted));
        return any ? Optional.of(heal(null)) : Optional.empty();
    }

    /**
     * The network faults this testcase put on links, for the message of a step that fails after them
     * (" [network faults of this testcase: ...]"), or empty.
     */
    public synchronized String context() {
        if (testcase.isEmpty()) {
            return "";
        }
        List<String> now = new ArrayList<>();
        points.values().forEach(p -> {
            String effect = reactor.call(p::inEffect);
            if (effect != null) {
                now.add(p.name());
            }
        });
        return " [network faults of this testcase: " + String.join("; ", testcase) + (now.isEmpty() ? "; all healed"
                : "; in effect on " + String.join(", ", now)) + "]";
    }

    /** Whether a fault with a duration is in effect on any link (a fault without one lasts until healed). */
    public synchronized boolean timedFaultsInEffect() {
        return points.values().stream().anyMatch(p -> reactor.call(p::timed));
    }

    /** Whether a fault step has put a fault on any of the links in this run. */
    public synchronized boolean everFaulted(String... links) {
        for (String link : links) {
            if (everFaulted.contains(link)) {
                return true;
            }
        }
        return false;
    }

    /** "source_producer: 127.0.0.1:41234 → 127.0.0.1:3306", for --keep-env. */
    public synchronized List<String> describe() {
        List<String> lines = new ArrayList<>();
        points.values().forEach(p -> lines.add("link " + p.link().describe() + ": fault point " + spec.advertisedHost() + ":"
                + p.port() + " → " + p.upstream() + " (" + reactor.call(p::counts) + ")"));
        return lines;
    }

    private FaultPoint point(String link) {
        FaultPoint point = points.get(link);
        if (point == null) {
            Link declaration = declared.get(link);
            throw CdctestException.config("network link " + link + ": " + (declaration == null ? "the pipeline has no such link"
                    : !routed(link) ? "not routed in this run" : "the pipeline has not started the component that dials it"));
        }
        return point;
    }

    /** Closes every fault point (listeners and connections) and ends their thread. */
    @Override
    public synchronized void close() {
        closed = true;
        if (reactor != null) {
            reactor.close();
        }
    }
}
