package io.cdctest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.cli.Main;
import io.cdctest.env.net.Address;
import io.cdctest.env.net.Link;
import io.cdctest.env.net.Links;
import io.cdctest.spec.NetworkSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark program (not a test): what routing a pipeline's links through fault points costs, and
 * what each component does under each network fault.
 *
 * <ul>
 *   <li>{@code relay}: round trips and throughput on loopback, straight to an echo server and through a
 *   fault point, in the same run;</li>
 *   <li>{@code lag}: the quickstart pipeline with its four links routed (the default) and not routed
 *   ({@code network.route: none}), in ABBA order after a warm-up run; in each run {@code measure_sync_delay} inserts 20
 *   rows and waits for them, N times, and the replication lag of every row (from the end of its
 *   insert until the target has it) is summed up per run;</li>
 *   <li>{@code faults}: the quickstart's network group; per link and fault the time the pipeline took
 *   to converge, the events Kafka received twice, the rows lost.</li>
 * </ul>
 *
 * <p>Run: {@code bench/network [relay|lag|faults|all] [batches] [rows per batch] [rounds]}
 * (defaults: all, 40, 20, 2).
 */
public final class NetworkBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NetworkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        System.out.printf(Locale.ROOT, "cdctest network benchmark: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        if (mode.equals("relay") || mode.equals("all")) {
            relay();
        }
        if (mode.equals("lag") || mode.equals("all")) {
            lag(batches, rows, rounds);
        }
        if (mode.equals("faults") || mode.equals("all")) {
            faults();
        }
    }

    // ---- relay: loopback, direct against through a fault point ----

    private static void relay() throws Exception {
        System.out.println("\n## relay: loopback echo server, direct and through a fault point (same run)\n");
        System.out.println("| path | round trip p50 | p99 | max | throughput |");
        System.out.println("|---|---|---|---|---|");
        try (Echo echo = new Echo(); Links links = new Links(NetworkSpec.DEFAULT, List.of(Link.of("bench", "client", "echo",
                "bench bytes")))) {
            Address through = links.address("bench", "127.0.0.1", echo.port());
            for (int round = 0; round < 2; round++) { // the first round warms up both paths
                String direct = measure("127.0.0.1", echo.port());
                String relayed = measure(through.host(), through.port());
                if (round == 1) {
                    System.out.println("| direct | " + direct + " |");
                    System.out.println("| through a fault point | " + relayed + " |");
                }
            }
        }
    }

    private static String measure(String host, int port) throws IOException {
        long[] micros = new long[20_000];
        byte[] message = new byte[100];
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port));
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                out.write(message);
                in.readNBytes(message.length);
                micros[i] = (System.nanoTime() - start) / 1000;
            }
            byte[] block = new byte[64 * 1024];
            long total = 256L << 20;
            Thread reader = new Thread(() -> {
                try {
                    in.readNBytes((int) total);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long start = System.nanoTime();
            reader.start();
            for (long sent = 0; sent < total; sent += block.length) {
                out.write(block);
            }
            reader.join();
            double mbPerSecond = total / 1e6 / ((System.nanoTime() - start) / 1e9);
            Arrays.sort(micros);
            return String.format(Locale.ROOT, "%d µs | %d µs | %d µs | %,.0f MB/s each way", micros[micros.length / 2],
                    micros[micros.length * 99 / 100], micros[micros.length - 1], mbPerSecond);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Echoes every byte back, one thread per connection. */
    private static final class Echo implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new ArrayList<>();

        Echo() throws IOException {
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        s.setTcpNoDelay(true);
                        synchronized (sockets) {
                            sockets.add(s);
                        }
                        Thread t = new Thread(() -> {
                            try (s) {
                                s.getInputStream().transferTo(s.getOutputStream());
                            } catch (IOException ignored) {
                                // the client went away
                            }
                        });
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (sockets) {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    // ---- lag: the quickstart under a steady workload, links routed and not ----

    private static void lag(int batches, int rows, int rounds) throws Exception {
        System.out.printf(Locale.ROOT, "%n## lag: quickstart, %d x measure_sync_delay of %d rows, links routed (default) and "
                + "not (network.route: none), ABBA order%n%n", batches, rows);
        Path dir = Files.createTempDirectory("cdctest-network-bench-");
        Path testcases = dir.resolve("lag_tests.yaml");
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < batches; i++) {
            steps.append("      - action: measure_sync_delay\n        insert_count: ").append(rows).append('\n');
        }
        Files.writeString(testcases, """
                test_cases:
                  - id: LAG1
                    name: "Full sync"
                    steps:
                      - action: validate_sync
                  - id: LAG2
                    name: "Replication lag of inserted rows"
                    table: cdc_test_base
                    steps:
                """ + steps);
        System.out.println("| run | links | rows | lag p50 | p95 | max | run |");
        System.out.println("|---|---|---|---|---|---|---|");
        Map<String, List<long[]>> byRouting = new LinkedHashMap<>();
        List<Boolean> order = new ArrayList<>();
        order.add(true); // warm-up (the first run of a JVM is slower: JIT, page cache), not counted
        for (int i = 0; i < rounds; i++) {
            order.addAll(i % 2 == 0 ? List.of(true, false) : List.of(false, true));
        }
        int n = 0;
        for (boolean routed : order) {
            n++;
            Path reports = dir.resolve("run" + n);
            List<String> argv = new ArrayList<>(List.of("--scenario", "quickstart", "--testcase", testcases.toString(),
                    "--report-dir", reports.toString()));
            if (!routed) {
                argv.addAll(List.of("--set", "network.route=none"));
            }
            int code = Main.execute(argv.toArray(String[]::new), new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()));
            JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
            JsonNode table = summary.path("lag_ms").path("tables").path("cdc_test_base");
            long[] figures = {table.path("p50").asLong(), table.path("p95").asLong(), table.path("max").asLong()};
            if (n > 1) {
                byRouting.computeIfAbsent(routed ? "routed" : "not routed", k -> new ArrayList<>()).add(figures);
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %d ms | %d ms | %d ms | %.0f s%s |%n", n == 1 ? "warm-up" : n - 1,
                    routed ? "routed" : "not routed", table.path("keys").asLong(), figures[0], figures[1], figures[2],
                    summary.path("duration_s").asDouble(), code == 0 ? "" : " (exit " + code + ")");
        }
        System.out.println();
        byRouting.forEach((routing, runs) -> System.out.printf(Locale.ROOT, "%s: mean of p50 %.0f ms, of p95 %.0f ms, of max "
                + "%.0f ms over %d runs%n", routing, mean(runs, 0), mean(runs, 1), mean(runs, 2), runs.size()));
    }

    private static double mean(List<long[]> runs, int i) {
        return runs.stream().mapToLong(r -> r[i]).average().orElse(0);
    }

    // ---- faults: the quickstart's network group ----

    private static void faults() throws Exception {
        System.out.println("\n## faults: the quickstart's network group (300 rows a table; each testcase writes 20 inserts "
                + "and 5 updates under the fault)\n");
        Path reports = Files.createTempDirectory("cdctest-network-faults-");
        int code = Main.execute(new String[] {"--scenario", "quickstart", "--group", "network", "--report-dir",
            reports.toString(), "--set", "data.rows=300"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        System.out.println("| testcase | fault | result | time to converge | events duplicated | rows lost |");
        System.out.println("|---|---|---|---|---|---|");
        long duplicatesBefore = 0;
        for (JsonNode testcase : summary.path("testcases")) {
            double converge = 0;
            long duplicates = duplicatesBefore;
            String lost = "0";
            for (JsonNode step : testcase.path("steps")) {
                String detail = step.path("detail").asText();
                boolean check = step.path("action").asText().equals("validate_sync")
                        || step.path("action").asText().equals("wait_for_recovery");
                if (check && !detail.startsWith("failed as expected")) {
                    converge = step.path("duration_s").asDouble();
                    Matcher m = Pattern.compile("([\\d,]+) duplicate\\(s\\)").matcher(detail);
                    if (m.find()) {
                        duplicates = Long.parseLong(m.group(1).replace(",", ""));
                    }
                    if (!step.path("status").asText().equals("PASSED")) {
                        Matcher differ = Pattern.compile("(\\d+) rows? differs?").matcher(detail);
                        lost = differ.find() ? differ.group(1) + " (not in sync)" : "? (" + step.path("status").asText() + ")";
                    }
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f s | %d | %s |%n", testcase.path("id").asText(),
                    testcase.path("name").asText(), testcase.path("status").asText(), converge, duplicates - duplicatesBefore,
                    lost);
            duplicatesBefore = duplicates;
        }
        System.out.println("\ncdctest exit code " + code + "; reports in " + reports);
    }
}
