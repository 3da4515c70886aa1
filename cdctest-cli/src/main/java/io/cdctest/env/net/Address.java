package io.cdctest.env.net;

/** Where a component should connect: a fault point's address, or the peer itself when the link is not routed. */
public record Address(String host, int port) {
    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
