package io.cdctest.env.net;

import io.cdctest.CdctestException;
import io.cdctest.spec.NetworkFault;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay cdctest puts on a link: it listens where the dialing component is told the server is,
 * and relays each connection to the real server, breaking it as the faults in effect say. Every
 * method runs on the reactor's thread ({@link Links} hands the calls over).
 */
final class FaultPoint {
    private static final Logger LOG = LoggerFactory.getLogger(FaultPoint.class);

    /** A fault in effect, with its timers. */
    private final class Active {
        final NetworkFault fault;
        final Duration duration;
        final long since = System.nanoTime();
        NetReactor.Timer expiry;
        NetReactor.Timer flip;
        boolean flapDown = true;

        Active(NetworkFault fault, Duration duration) {
            this.fault = fault;
            this.duration = duration;
        }

        void cancel() {
            if (expiry != null) {
                expiry.cancel();
            }
            if (flip != null) {
                flip.cancel();
            }
        }
    }

    private final NetReactor reactor;
    private final Link link;
    private final InetSocketAddress listen;
    private final String upstreamHost;
    private final int upstreamPort;
    private ServerSocketChannel server;
    private final Set<Relay> relays = new LinkedHashSet<>();
    private final List<Active> active = new ArrayList<>();
    private boolean down;
    private boolean refusing;
    private boolean resetting;
    private Flow.Shape toServer = Flow.Shape.NONE;
    private Flow.Shape toClient = Flow.Shape.NONE;
    private long accepted;
    private long reset;
    private long held;
    private boolean closed;

    FaultPoint(NetReactor reactor, Link link, String listenHost, int port, String upstreamHost, int upstreamPort) {
        this.reactor = reactor;
        this.link = link;
        this.listen = new InetSocketAddress(listenHost, port);
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        listen();
        reactor.onClose(this::close);
    }

    String name() {
        return link.name();
    }

    Link link() {
        return link;
    }

    int port() {
        return listen.getPort();
    }

    String upstream() {
        return upstreamHost + ":" + upstreamPort;
    }

    boolean down() {
        return down;
    }

    Flow.Shape shape(boolean towardsServer) {
        return towardsServer ? toServer : toClient;
    }

    boolean faulted() {
        return !active.isEmpty();
    }

    /** Whether a fault with a duration is in effect. */
    boolean timed() {
        return active.stream().anyMatch(a -> a.duration != null);
    }

    /** Opens the listening socket (again after a refusing partition: the same port). */
    private void listen() {
        try {
            ServerSocketChannel channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(listen, 128);
            reactor.register(channel, SelectionKey.OP_ACCEPT, new NetReactor.Handler() {
                @Override
                public void ready(SelectionKey key) throws IOException {
                    accept(channel);
                }

                @Override
                public void failed(Exception e) {
                    LOG.debug("{}: accept failed: {}", link.name(), e.toString());
                }
            });
            server = channel;
        } catch (IOException e) {
            throw CdctestException.environment("network link " + link.name() + ": cannot listen on " + listen.getHostString()
                    + ":" + listen.getPort() + " for its fault point: " + e.getMessage(), e);
        }
    }

    private void accept(ServerSocketChannel channel) throws IOException {
        SocketChannel client;
        while ((client = channel.accept()) != null) {
            accepted++;
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (resetting) {
                reset++;
                reactor.abort(client);
                continue;
            }
            Relay relay = new Relay(this, reactor, client);
            relays.add(relay);
            if (down) {
                held++; // accepted and silent: the server is dialed once the link is up again
            } else {
                relay.connect(new InetSocketAddress(upstreamHost, upstreamPort));
            }
        }
    }

    void removed(Relay relay) {
        relays.remove(relay);
    }

    /** Puts a fault in effect (for {@code duration}, or until healed); returns what it did. */
    String apply(NetworkFault fault, Duration duration) {
        int open = relays.size();
        if (fault instanceof NetworkFault.Reset) {
            resetAll();
            if (duration == null) {
                return fault.describe() + ": " + plural(open, "connection") + " reset";
            }
        }
        active.removeIf(a -> {
            boolean same = a.fault.getClass() == fault.getClass() && towards(a.fault).equals(towards(fault));
            if (same) {
                a.cancel();
            }
            return same;
        });
        Active a = new Active(fault, duration);
        active.add(a);
        if (duration != null) {
            a.expiry = reactor.at(a.since + duration.toNanos(), () -> {
                active.remove(a);
                a.cancel();
                recompute();
            });
        }
        if (fault instanceof NetworkFault.Flap flap) {
            scheduleFlip(a, flap.period().toNanos() / 2);
        }
        recompute();
        String what = fault.describe() + (duration == null ? " until healed" : " for " + seconds(duration));
        if (fault instanceof NetworkFault.Reset) {
            return what + ": " + plural(open, "connection") + " reset, and every new one while it lasts";
        }
        if (fault instanceof NetworkFault.Partition || fault instanceof NetworkFault.Flap) {
            return what + ": " + plural(open, "open connection") + (fault instanceof NetworkFault.Flap ? " stall while it is down"
                    : " stalled");
        }
        return what + ": " + plural(open, "open connection") + " and every new one";
    }

    private static String towards(NetworkFault fault) {
        return fault instanceof NetworkFault.Latency l && l.towards() != null ? l.towards()
                : fault instanceof NetworkFault.Bandwidth b && b.towards() != null ? b.towards() : "";
    }

    private void scheduleFlip(Active a, long halfPeriod) {
        a.flip = reactor.at(System.nanoTime() + Math.max(1, halfPeriod), () -> {
            a.flapDown = !a.flapDown;
            recompute();
            scheduleFlip(a, halfPeriod);
        });
    }

    /** Ends every fault on the link; returns what was in effect, or null when nothing was. */
    String heal() {
        if (active.isEmpty()) {
            return null;
        }
        long held0 = held;
        List<String> ended = new ArrayList<>();
        for (Active a : active) {
            a.cancel();
            ended.add(a.fault.describe() + " after " + seconds(Duration.ofNanos(System.nanoTime() - a.since)));
        }
        active.clear();
        int stalled = down ? relays.size() : 0;
        recompute();
        return String.join(", ", ended) + (stalled == 0 ? "" : "; " + plural(stalled, "connection") + " resumed"
                + (held0 == 0 ? "" : " (" + held0 + " accepted while down, now dialed through)"));
    }

    /** What is in effect now, or null. */
    String inEffect() {
        if (active.isEmpty()) {
            return null;
        }
        return String.join(", ", active.stream().map(a -> a.fault.describe() + (a.duration == null ? "" : " for "
                + seconds(a.duration))).toList());
    }

    /** Derives the link's state from the faults in effect, and carries it out on the listener and each connection. */
    private void recompute() {
        boolean wasDown = down;
        down = false;
        refusing = false;
        resetting = false;
        Flow.Shape up = Flow.Shape.NONE;
        Flow.Shape back = Flow.Shape.NONE;
        for (Active a : active) {
            if (a.fault instanceof NetworkFault.Partition p) {
                down = true;
                refusing |= p.mode() == NetworkFault.Mode.REFUSE;
            } else if (a.fault instanceof NetworkFault.Flap f && a.flapDown) {
                down = true;
                refusing |= f.mode() == NetworkFault.Mode.REFUSE;
            } else if (a.fault instanceof NetworkFault.Reset) {
                resetting = true;
            } else if (a.fault instanceof NetworkFault.Latency l) {
                long delay = l.delay().toNanos();
                long jitter = l.jitter().toNanos();
                if (l.towards() == null || l.towards().equals(link.to())) {
                    up = new Flow.Shape(delay, jitter, up.bytesPerSecond());
                }
                if (l.towards() == null || l.towards().equals(link.from())) {
                    back = new Flow.Shape(delay, jitter, back.bytesPerSecond());
                }
            } else if (a.fault instanceof NetworkFault.Bandwidth b) {
                if (b.towards() == null || b.towards().equals(link.to())) {
                    up = new Flow.Shape(up.delayNanos(), up.jitterNanos(), b.bytesPerSecond());
                }
                if (b.towards() == null || b.towards().equals(link.from())) {
                    back = new Flow.Shape(back.delayNanos(), back.jitterNanos(), b.bytesPerSecond());
                }
            }
        }
        toServer = up;
        toClient = back;
        if (closed) {
            return;
        }
        if (refusing && server != null) {
            NetReactor.closeQuietly(server); // nothing listens: new connections are refused
            server = null;
            reactor.settle();
        } else if (!refusing && server == null) {
            listen();
        }
        if (!down && wasDown) {
            held = 0;
            for (Relay relay : List.copyOf(relays)) {
                if (!relay.started()) {
                    try {
                        relay.connect(new InetSocketAddress(upstreamHost, upstreamPort));
                    } catch (IOException e) {
                        relay.abort();
                    }
                }
            }
        }
        for (Relay relay : List.copyOf(relays)) {
            if (down) {
                relay.update();
            } else {
                relay.resume();
            }
        }
    }

    private void resetAll() {
        for (Relay relay : List.copyOf(relays)) {
            reset++;
            relay.abort();
        }
    }

    /** Connections accepted, reset and open, for messages. */
    String counts() {
        return plural(accepted, "connection") + " accepted, " + reset + " reset, " + relays.size() + " open";
    }

    /** Closes the listener and every connection (the run is over). */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        active.forEach(Active::cancel);
        active.clear();
        NetReactor.closeQuietly(server);
        server = null;
        for (Relay relay : List.copyOf(relays)) {
            relay.close();
        }
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
