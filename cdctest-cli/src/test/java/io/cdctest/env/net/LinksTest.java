package io.cdctest.env.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cdctest.spec.NetworkFault;
import io.cdctest.spec.NetworkFault.Mode;
import io.cdctest.spec.NetworkSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault points on real sockets (no server but a small echo server of the test's own): bytes
 * pass both ways; a partition refuses or silently accepts new connections and stalls open ones,
 * which get their bytes after the heal; a reset is a TCP RST at both ends; latency, jitter and
 * bandwidth are what they say, per direction; a flap goes down and up; a half-close passes on; and
 * nothing is left listening or running after close.
 */
class LinksTest {
    private static final Link LINK = Link.of("consumer_target", "consumer", "target", "test bytes");

    private EchoServer echo;
    private Links links;
    private Address address;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        links = new Links(NetworkSpec.DEFAULT, List.of(LINK));
        address = links.address("consumer_target", "127.0.0.1", echo.port());
    }

    @AfterEach
    void stop() {
        links.close();
        echo.close();
    }

    @Test
    void bytesPassBothWaysThroughTheFaultPoint() throws IOException {
        assertThat(address.port()).isNotEqualTo(echo.port());
        try (Socket s = connect()) {
            assertThat(roundTrip(s, "hello", 2000)).isEqualTo("hello");
            byte[] big = new byte[3 * 1024 * 1024]; // more than a flow holds: reading pauses and resumes
            new java.util.Random(7).nextBytes(big);
            Thread writer = new Thread(() -> write(s, big));
            writer.start();
            byte[] back = s.getInputStream().readNBytes(big.length);
            assertThat(back).isEqualTo(big);
        }
        assertThat(echo.connections.get()).isEqualTo(1);
    }

    @Test
    void aRefusingPartitionRefusesNewConnectionsAndStallsOpenOnesUntilTheHeal() throws Exception {
        try (Socket open = connect()) {
            assertThat(roundTrip(open, "before", 2000)).isEqualTo("before");
            String applied = links.apply("consumer_target", new NetworkFault.Partition(Mode.REFUSE), null);
            assertThat(applied).contains("consumer_target (consumer → target): partition (refuse)", "1 open connection stalled");

            assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class).hasMessageContaining("refused");
            write(open, "during".getBytes(StandardCharsets.UTF_8));
            assertThat(read(open, 6, 700)).as("nothing passes while partitioned").isNull();

            assertThat(links.heal("consumer_target")).startsWith("healed consumer_target: partition (refuse)")
                    .contains("1 connection resumed");
            assertThat(read(open, 6, 2000)).as("the stalled bytes arrive after the heal").isEqualTo("during");
            try (Socket again = connect()) {
                assertThat(roundTrip(again, "after", 2000)).isEqualTo("after");
            }
        }
    }

    @Test
    void aSilentPartitionAcceptsNewConnectionsAndPassesNothingUntilTheHeal() throws Exception {
        links.apply("consumer_target", new NetworkFault.Partition(Mode.SILENT), null);
        try (Socket held = connect()) {
            write(held, "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(read(held, 5, 700)).isNull();
            assertThat(echo.connections.get()).as("the server is not dialed while the link is down").isZero();

            assertThat(links.heal(null)).contains("accepted while down, now dialed through");
            assertThat(read(held, 5, 2000)).isEqualTo("hello");
            assertThat(echo.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void aResetClosesEveryConnectionWithATcpResetAtBothEnds() throws Exception {
        try (Socket open = connect()) {
            assertThat(roundTrip(open, "x", 2000)).isEqualTo("x");
            assertThat(links.apply("consumer_target", new NetworkFault.Reset(), null))
                    .contains("reset: connections closed with a TCP reset: 1 connection reset");
            open.setSoTimeout(2000);
            assertThatThrownBy(() -> open.getInputStream().read()).isInstanceOf(SocketException.class)
                    .hasMessageContaining("Connection reset");
            assertThat(echo.awaitErrors(1, 2000)).singleElement().asString().contains("Connection reset");
        }
        try (Socket after = connect()) {
            assertThat(roundTrip(after, "y", 2000)).as("a one-shot reset leaves the link up").isEqualTo("y");
        }
    }

    @Test
    void aResetWithADurationResetsNewConnectionsUntilItEnds() throws Exception {
        links.apply("consumer_target", new NetworkFault.Reset(), Duration.ofMillis(800));
        assertThatThrownBy(() -> {
            try (Socket s = connect()) { // the reset may come before connect() returns, or on the first read
                s.setSoTimeout(2000);
                s.getInputStream().read();
            }
        }).isInstanceOf(SocketException.class).hasMessageContaining("Connection reset");
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            try (Socket s = connect()) {
                return "z".equals(roundTrip(s, "z", 1000));
            }
        });
    }

    @Test
    void latencyDelaysEachDirectionAndJitterVariesIt() throws Exception {
        try (Socket s = connect()) {
            assertThat(roundTrip(s, "warm", 2000)).isEqualTo("warm");
            links.apply("consumer_target", new NetworkFault.Latency(Duration.ofMillis(150), Duration.ZERO, null), null);
            long both = timed(() -> roundTrip(s, "a", 3000));
            links.heal("consumer_target"); // a later fault overrides an earlier one only on the directions it covers
            links.apply("consumer_target", new NetworkFault.Latency(Duration.ofMillis(150), Duration.ZERO, "target"), null);
            long one = timed(() -> roundTrip(s, "b", 3000));
            links.apply("consumer_target", new NetworkFault.Latency(Duration.ofMillis(100), Duration.ofMillis(80), "consumer"), null);
            List<Long> jittered = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                jittered.add(timed(() -> roundTrip(s, "c", 3000)));
            }
            links.heal("consumer_target");
            long none = timed(() -> roundTrip(s, "d", 3000));

            assertThat(both).as("150 ms each way").isBetween(300L, 900L);
            assertThat(one).as("150 ms towards the target only").isBetween(150L, 290L);
            assertThat(jittered).allSatisfy(ms -> assertThat(ms).isBetween(20L, 600L));
            assertThat(jittered.stream().mapToLong(Long::longValue).max().orElseThrow()
                    - jittered.stream().mapToLong(Long::longValue).min().orElseThrow()).as("jitter ±80 ms").isGreaterThan(20);
            assertThat(none).as("healed").isLessThan(100);
        }
    }

    @Test
    void bandwidthLimitsTheBytesPerSecondTowardsOneEnd() throws Exception {
        try (Socket s = connect()) {
            links.apply("consumer_target", new NetworkFault.Bandwidth(40_000, "consumer"), null);
            byte[] bytes = new byte[80_000];
            long start = System.nanoTime();
            Thread writer = new Thread(() -> write(s, bytes));
            writer.start();
            s.setSoTimeout(10_000);
            assertThat(s.getInputStream().readNBytes(bytes.length)).hasSize(bytes.length);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("80,000 bytes back at 40,000 bytes/s").isBetween(1800L, 4000L);
        }
    }

    @Test
    void aFlapTakesTheLinkDownAndUpInTurn() throws Exception {
        try (Socket s = connect()) {
            assertThat(roundTrip(s, "w", 2000)).isEqualTo("w");
            links.apply("consumer_target", new NetworkFault.Flap(Duration.ofMillis(1200), Mode.SILENT), Duration.ofMillis(2400));
            write(s, "1".getBytes(StandardCharsets.UTF_8));
            assertThat(read(s, 1, 400)).as("down for the first 600 ms").isNull();
            assertThat(read(s, 1, 1000)).as("up for the next 600 ms").isEqualTo("1");
        }
    }

    @Test
    void aHalfCloseIsPassedOnAndTheOtherDirectionStillWorks() throws Exception {
        try (Socket s = connect()) {
            write(s, "last words".getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            s.setSoTimeout(2000);
            InputStream in = s.getInputStream();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("last words");
        }
    }

    @Test
    void nothingListensOrRunsAfterClose() throws Exception {
        try (Socket s = connect()) {
            assertThat(roundTrip(s, "x", 2000)).isEqualTo("x");
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("cdctest-net"));
            links.close();
            s.setSoTimeout(2000);
            assertThat(s.getInputStream().read()).as("the relayed connection is closed").isEqualTo(-1);
        }
        assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("cdctest-net") && t.isAlive());
    }

    @Test
    void aLinkTheScenarioLeavesOutIsNotRoutedAndCannotBeBroken() {
        Links only = new Links(new NetworkSpec(List.of("other"), "127.0.0.1", "127.0.0.1", NetworkSpec.DEFAULT.origin()),
                List.of(LINK, Link.of("other", "a", "b", "c")));
        try {
            assertThat(only.address("consumer_target", "127.0.0.1", echo.port())).isEqualTo(new Address("127.0.0.1", echo.port()));
            assertThatThrownBy(() -> only.apply("consumer_target", new NetworkFault.Reset(), null))
                    .hasMessageContaining("network link consumer_target: not routed in this run");
            assertThat(only.describe()).as("no fault point").isEmpty();
        } finally {
            only.close();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(address.host(), address.port()), 2000);
        return s;
    }

    private static void write(Socket s, byte[] bytes) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads n bytes within the timeout, or null when they do not come. */
    private static String read(Socket s, int n, int timeoutMillis) throws IOException {
        s.setSoTimeout(timeoutMillis);
        byte[] buffer = new byte[n];
        int got = 0;
        try {
            while (got < n) {
                int r = s.getInputStream().read(buffer, got, n - got);
                if (r < 0) {
                    return null;
                }
                got += r;
            }
        } catch (SocketTimeoutException e) {
            if (got == 0) {
                return null;
            }
            throw e;
        }
        return new String(buffer, StandardCharsets.UTF_8);
    }

    private static String roundTrip(Socket s, String text, int timeoutMillis) throws IOException {
        write(s, text.getBytes(StandardCharsets.UTF_8));
        return read(s, text.length(), timeoutMillis);
    }

    private interface Io {
        Object run() throws IOException;
    }

    private static long timed(Io io) throws IOException {
        long start = System.nanoTime();
        assertThat(io.run()).isNotNull();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Echoes every byte back on each connection; counts connections and the errors its readers saw. */
    private static final class EchoServer implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final List<Socket> sockets = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        EchoServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        connections.incrementAndGet();
                        sockets.add(s);
                        Thread t = new Thread(() -> echo(s), "echo");
                        threads.add(t);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "echo-accept");
            threads.add(acceptor);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void echo(Socket s) {
            try (s) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
                s.shutdownOutput();
            } catch (IOException e) {
                errors.add(e.toString());
            }
        }

        List<String> awaitErrors(int n, long millis) {
            await().atMost(Duration.ofMillis(millis)).until(() -> errors.size() >= n);
            return errors;
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
            sockets.forEach(s -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing
                }
            });
            threads.forEach(t -> {
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
