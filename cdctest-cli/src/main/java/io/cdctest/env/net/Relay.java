package io.cdctest.env.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection through a fault point: the component that dialed (the client) and the connection
 * the fault point made on its behalf to the real server (upstream), with a {@link Flow} each way.
 * While its fault point is down nothing is read or written, so both ends stall as on a cut link and
 * get every byte after the heal; an end that closes is passed on (FIN as FIN, a reset as a reset).
 */
final class Relay {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

    private final FaultPoint point;
    private final NetReactor reactor;
    private final SocketChannel client;
    private final SelectionKey clientKey;
    private SocketChannel upstream;
    private SelectionKey upstreamKey;
    private boolean connected;
    private boolean closed;
    private final Flow toServer = new Flow(true);
    private final Flow toClient = new Flow(false);

    Relay(FaultPoint point, NetReactor reactor, SocketChannel client) throws IOException {
        this.point = point;
        this.reactor = reactor;
        this.client = client;
        this.clientKey = reactor.register(client, 0, handler(true));
    }

    private NetReactor.Handler handler(boolean clientSide) {
        return new NetReactor.Handler() {
            @Override
            public void ready(SelectionKey key) throws IOException {
                if (clientSide) {
                    clientReady(key);
                } else {
                    upstreamReady(key);
                }
            }

            @Override
            public void failed(Exception e) {
                LOG.debug("{}: {} side failed: {}", point.name(), clientSide ? "client" : "server", e.toString());
                abort();
            }
        };
    }

    /** Whether the connection to the server has been started (a connection held while the link is down has not). */
    boolean started() {
        return upstream != null;
    }

    /** Dials the server on the client's behalf. */
    void connect(InetSocketAddress server) throws IOException {
        upstream = SocketChannel.open();
        upstream.configureBlocking(false);
        // as the client's socket: bytes go out when written, not held back by Nagle waiting for an ACK
        upstream.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        connected = upstream.connect(server);
        upstreamKey = reactor.register(upstream, connected ? 0 : SelectionKey.OP_CONNECT, handler(false));
        update();
    }

    private void clientReady(SelectionKey key) throws IOException {
        if (key.isReadable()) {
            read(client, toServer);
        }
        if (key.isValid() && key.isWritable()) {
            toClient.writeBlocked = false;
            flush(toClient);
        }
        update();
    }

    private void upstreamReady(SelectionKey key) throws IOException {
        if (key.isConnectable()) {
            try {
                upstream.finishConnect();
                connected = true;
                flush(toServer); // what the client sent while the connection was being made
            } catch (IOException e) {
                LOG.debug("{}: cannot reach {}: {}", point.name(), point.upstream(), e.toString());
                abort(); // the server refused or is gone: the client sees its connection reset
                return;
            }
        }
        if (key.isValid() && key.isReadable()) {
            read(upstream, toClient);
        }
        if (key.isValid() && key.isWritable()) {
            toServer.writeBlocked = false;
            flush(toServer);
        }
        update();
    }

    private void read(SocketChannel from, Flow flow) throws IOException {
        if (closed || point.down() || !flow.wantsRead()) {
            return;
        }
        ByteBuffer scratch = reactor.scratch();
        scratch.clear().limit(Math.min(scratch.capacity(), flow.room()));
        int n = from.read(scratch);
        if (n < 0) {
            flow.eof = true;
        } else if (n > 0) {
            scratch.flip();
            flow.add(scratch, point.shape(flow.towardsServer), System.nanoTime());
        }
        flush(flow);
    }

    /** Writes what is due and allowed; schedules a wake-up for what is held; passes an end of stream on. */
    private void flush(Flow flow) throws IOException {
        SocketChannel to = flow.towardsServer ? upstream : client;
        if (closed || point.down() || (flow.towardsServer && !connected)) {
            return;
        }
        Flow.Shape shape = point.shape(flow.towardsServer);
        long now = System.nanoTime();
        while (!flow.isEmpty() && !flow.writeBlocked) {
            ByteBuffer head = flow.head(now);
            if (head == null) {
                wakeAt(flow, flow.dueAt());
                return;
            }
            int allowed = flow.allowance(shape, now);
            if (allowed <= 0) {
                wakeAt(flow, flow.refillAt(shape, now));
                return;
            }
            int limit = head.limit();
            int attempt = Math.min(head.remaining(), allowed);
            head.limit(head.position() + attempt);
            int n = to.write(head);
            head.limit(limit);
            flow.spend(n);
            flow.written(n);
            if (n < attempt) {
                flow.writeBlocked = true;
            }
        }
        if (flow.isEmpty() && flow.eof && !flow.shut) {
            flow.shut = true;
            to.shutdownOutput();
            if (toServer.shut && toClient.shut) {
                close();
            }
        }
    }

    private void wakeAt(Flow flow, long at) {
        if (flow.wake != null && flow.wake.at() <= at) {
            return;
        }
        if (flow.wake != null) {
            flow.wake.cancel();
        }
        flow.wake = reactor.at(at, () -> {
            flow.wake = null;
            try {
                flush(flow);
                update();
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: {}", point.name(), e.toString());
                abort();
            }
        });
    }

    /** After a change of the fault point's state: resume (reading, writing what is due) or stall. */
    void resume() {
        try {
            flush(toServer);
            flush(toClient);
            update();
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: {}", point.name(), e.toString());
            abort();
        }
    }

    /** The interest of both ends in reading and writing, from the flows and the fault point's state. */
    void update() {
        if (closed) {
            return;
        }
        boolean down = point.down();
        int clientOps = 0;
        if (!down && toServer.wantsRead() && started()) {
            clientOps |= SelectionKey.OP_READ;
        }
        if (!down && toClient.writeBlocked) {
            clientOps |= SelectionKey.OP_WRITE;
        }
        if (clientKey.isValid()) {
            clientKey.interestOps(clientOps);
        }
        if (upstreamKey != null && upstreamKey.isValid()) {
            int ops = 0;
            if (!connected) {
                ops = SelectionKey.OP_CONNECT;
            } else if (!down) {
                ops = (toClient.wantsRead() ? SelectionKey.OP_READ : 0) | (toServer.writeBlocked ? SelectionKey.OP_WRITE : 0);
            }
            upstreamKey.interestOps(ops);
        }
    }

    /** Closes both ends with a TCP reset. */
    void abort() {
        if (closed) {
            return;
        }
        closed = true;
        cancelWakes();
        reactor.abort(client);
        reactor.abort(upstream);
        point.removed(this);
    }

    /** Closes both ends (their output is already shut: the FINs went out). */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelWakes();
        NetReactor.closeQuietly(client);
        NetReactor.closeQuietly(upstream);
        point.removed(this);
    }

    private void cancelWakes() {
        for (Flow flow : new Flow[] {toServer, toClient}) {
            if (flow.wake != null) {
                flow.wake.cancel();
                flow.wake = null;
            }
        }
    }

    /** Bytes passed on so far: towards the server, towards the client. */
    long[] bytes() {
        return new long[] {toServer.bytes, toClient.bytes};
    }
}
