package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.ready.Readiness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/** Free local ports for embedded components, and reachability checks for given ones. */
public final class Ports {
    private Ports() {
    }

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    /**
     * A port free now and not handed out before by this process: components start in parallel and
     * bind later, so the operating system alone could give two of them the same port.
     */
    public static synchronized int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw CdctestException.environment("cannot find a free local port: " + e.getMessage(), e);
            }
        }
        throw CdctestException.environment("cannot find a free local port that was not used before");
    }

    /**
     * The first of {@code count} consecutive ports free now and not handed out before (a server that
     * takes a range from one base port, such as MatrixOne's port-base).
     */
    public static synchronized int freeRange(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = free();
            boolean all = true;
            for (int i = 1; i < count && all; i++) {
                all = !HANDED_OUT.contains(base + i) && bindable(base + i);
            }
            if (all) {
                for (int i = 1; i < count; i++) {
                    HANDED_OUT.add(base + i);
                }
                return base;
            }
        }
        throw CdctestException.environment("cannot find " + count + " consecutive free local ports");
    }

    /** Ready once something accepts connections at {@code host:port}; until then waiting, saying nothing answers there. */
    public static Readiness answering(String host, int port) {
        return Readiness.condition(() -> reachable(host, port, 200), () -> "nothing answers at " + host + ":" + port);
    }

    /** True when this machine lets a server bind the port on 127.0.0.1 now (nothing listens there). */
    public static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts TCP connections at host:port within the timeout. */
    public static boolean reachable(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
