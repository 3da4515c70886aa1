package io.cdctest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Benchmark program (not a test): the memory of a long steady load. Runs the quickstart scenario
 * in this JVM (embedded MariaDB source and target, Kafka, the Flink CDC producer and the consumer)
 * with a testcase file it writes: a full sync, then a {@code workload} step of N minutes, then a
 * full sync and the Kafka audit. Every 30 s it samples the harness's heap after a full GC and the
 * resident memory (VmRSS) of this JVM and of every process the run started, and at the end judges
 * flatness over the last two thirds of the workload: the least-squares slope of each series, and
 * for the heap the bytes it grew per statement written.
 *
 * <p>Run: {@code bench/soak [minutes] [rate] [insert/update/delete] [sample seconds]} (defaults 10,
 * 50, 35/30/35 and 30: as many inserts as deletes, so the tables keep their size and any growth is
 * the harness's, not the data's).
 */
public final class SoakBenchmark {
    private static final double JUDGED = 2.0 / 3;
    /**
     * Heap growth per statement that still counts as flat: less than the smallest record one could
     * keep per statement (an object holding a timestamp and a few references is 60 bytes and more),
     * and above the noise of a 10-minute run at 50 statements/s (about 12 bytes per statement).
     */
    private static final double FLAT_BYTES_PER_STATEMENT = 32;

    private SoakBenchmark() {
    }

    /** One sample: seconds since the start, phase, heap after GC (bytes), RSS per process role (bytes). */
    record Sample(double seconds, String phase, long heap, Map<String, Long> rss) {
    }

    /** Where the run is, from its console output: setup, sync, workload, check, done. */
    private static volatile String phase = "setup";
    private static volatile double workloadStart = -1;
    private static volatile double workloadEnd = -1;
    private static final long T0 = System.nanoTime();

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        String rate = args.length > 1 ? args[1] : "50";
        String[] mix = (args.length > 2 ? args[2] : "35/30/35").split("/");
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Path dir = Files.createTempDirectory("cdctest-soak-");
        Path testcases = dir.resolve("soak_tests.yaml");
        Files.writeString(testcases, String.format(Locale.ROOT, """
                test_cases:
                  - id: SOAK1
                    name: "Full sync before the load"
                    steps:
                      - action: validate_sync
                  - id: SOAK2
                    name: "Steady load"
                    steps:
                      - action: workload
                        rate: %s
                        duration: %ss
                        mix: {insert: %s, update: %s, delete: %s}
                  - id: SOAK3
                    name: "Full sync and Kafka audit after the load"
                    steps:
                      - action: validate_sync
                        timeout: 600
                """, rate, Math.round(minutes * 60), mix[0], mix[1], mix[2]));
        Path reports = dir.resolve("reports");
        System.out.printf(Locale.ROOT, "cdctest soak benchmark: quickstart (2 embedded MariaDB 11.4, Kafka, Flink CDC producer, "
                        + "consumer), workload %.1f min at %s statements/s, mix insert/update/delete %s/%s/%s, %d cores, harness "
                        + "max heap %d MB, %s, sample every %d s%n", minutes, rate, mix[0], mix[1], mix[2],
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName() + " GC", every);
        System.out.println("cdctest output: " + dir.resolve("cdctest.log"));
        System.out.printf("%n%7s  %-8s %12s %9s", "TIME", "PHASE", "HEAP (GC'd)", "HARNESS");
        for (String role : ROLES) {
            System.out.printf(" %9s", role.toUpperCase(Locale.ROOT));
        }
        System.out.println("   (resident memory, MB)");

        List<Sample> samples = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            Sample s = sample();
            synchronized (samples) {
                samples.add(s);
            }
            print(s);
        }, every, every, TimeUnit.SECONDS);
        int code;
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(dir.resolve("cdctest.log")), true);
             PrintWriter out = new PrintWriter(new Lines(log, SoakBenchmark::watch), true);
             PrintWriter err = new PrintWriter(new Lines(log, SoakBenchmark::watch), true)) {
            code = Main.execute(new String[] {"--scenario", "quickstart", "--testcase", testcases.toString(),
                "--report-dir", reports.toString()}, out, err);
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.MINUTES);
        }
        System.out.println();
        JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
        for (JsonNode tc : summary.path("testcases")) {
            JsonNode last = tc.path("steps").get(tc.path("steps").size() - 1);
            System.out.printf("%s %s: %s%n", tc.path("id").asText(), tc.path("status").asText(), last.path("detail").asText());
        }
        System.out.println("cdctest exit code " + code);
        long statements = statements(summary);
        verdict(samples, statements);
    }

    private static final List<String> ROLES = List.of("producer", "consumer", "kafka", "source db", "target db", "other");

    private static Sample sample() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, Long> rss = new LinkedHashMap<>();
        rss.put("harness", rss(ProcessHandle.current().pid()));
        ROLES.forEach(r -> rss.put(r, 0L));
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .forEach(p -> rss.merge(role(p), rss(p.pid()), Long::sum));
        return new Sample(seconds(), phase, heap, rss);
    }

    private static String role(ProcessHandle p) {
        String command = commandLine(p.pid());
        if (command.contains("FlinkCdcProducer")) {
            return "producer";
        }
        if (command.contains("ConsumerMain")) {
            return "consumer";
        }
        if (command.contains("BrokerMain") || command.contains("kafka.Kafka")) {
            return "kafka";
        }
        if (command.contains("mariadbd") || command.contains("mysqld")) {
            return command.contains("source-db") ? "source db" : command.contains("target-db") ? "target db" : "other";
        }
        return "other";
    }

    /** The whole command line (ProcessHandle.Info leaves it out for some processes). */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), java.nio.charset.StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** VmRSS of a process in bytes; 0 when it is gone. */
    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading
        }
        return 0;
    }

    private static void print(Sample s) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%7s  %-8s %9.1f MB %9d", clock(s.seconds()),
                s.phase(), mb(s.heap()), s.rss().get("harness") >> 20));
        for (String role : ROLES) {
            line.append(String.format(Locale.ROOT, " %9d", s.rss().get(role) >> 20));
        }
        System.out.println(line);
    }

    /** Follows the run's console lines: "[2/3] SOAK2 ..." starts the load, its result line ("PASSED SOAK2 ... (600.1 s)") ends it. */
    private static void watch(String line) {
        if (line.startsWith("[1/3]")) {
            phase = "sync";
        } else if (line.startsWith("[2/3]")) {
            phase = "workload";
            workloadStart = seconds();
        } else if (line.contains("SOAK2 Steady load (")) {
            workloadEnd = seconds();
            phase = "check";
        } else if (line.contains("SOAK3 Full sync and Kafka audit after the load (")) {
            phase = "done";
        }
    }

    private static long statements(JsonNode summary) {
        for (JsonNode tc : summary.path("testcases")) {
            if (tc.path("id").asText().equals("SOAK2")) {
                String detail = tc.path("steps").get(0).path("detail").asText();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\d,]+) statements in").matcher(detail);
                if (m.find()) {
                    return Long.parseLong(m.group(1).replace(",", ""));
                }
            }
        }
        return 0;
    }

    private static void verdict(List<Sample> all, long statements) {
        if (workloadStart < 0 || workloadEnd < 0) {
            System.out.println("no verdict: the workload did not run to its end");
            return;
        }
        double from = workloadStart + (1 - JUDGED) * (workloadEnd - workloadStart);
        List<Sample> judged = all.stream().filter(s -> s.seconds() >= from && s.seconds() <= workloadEnd).toList();
        System.out.printf(Locale.ROOT, "%nworkload from %s to %s (%.1f min, %,d statements); judged over its last two thirds, "
                        + "%s to %s (%d samples):%n", clock(workloadStart), clock(workloadEnd),
                (workloadEnd - workloadStart) / 60, statements, clock(from), clock(workloadEnd), judged.size());
        if (judged.size() < 3) {
            System.out.println("no verdict: fewer than 3 samples in the judged window (run longer or sample more often)");
            return;
        }
        double statementsPerMinute = statements / ((workloadEnd - workloadStart) / 60);
        double heapSlope = slope(judged, Sample::heap);
        double bytesPerStatement = heapSlope / statementsPerMinute;
        long min = judged.stream().mapToLong(Sample::heap).min().orElse(0);
        long max = judged.stream().mapToLong(Sample::heap).max().orElse(0);
        boolean flat = bytesPerStatement < FLAT_BYTES_PER_STATEMENT;
        System.out.printf(Locale.ROOT, "  %-22s min %7.1f MB  max %7.1f MB  range %5.1f MB  slope %+7.3f MB/min  (%+.1f bytes per "
                        + "statement)  %s%n", "harness heap after GC", mb(min), mb(max), mb(max - min), heapSlope / 1048576,
                bytesPerStatement, flat ? "FLAT" : "GROWING");
        List<String> series = new ArrayList<>(List.of("harness"));
        series.addAll(ROLES);
        for (String role : series) {
            long lo = judged.stream().mapToLong(s -> s.rss().get(role)).min().orElse(0);
            long hi = judged.stream().mapToLong(s -> s.rss().get(role)).max().orElse(0);
            if (hi == 0) {
                continue;
            }
            System.out.printf(Locale.ROOT, "  %-22s min %7.0f MB  max %7.0f MB  range %5.0f MB  slope %+7.3f MB/min%n",
                    role + " RSS", mb(lo), mb(hi), mb(hi - lo), slope(judged, s -> s.rss().get(role)) / 1048576);
        }
        System.out.printf(Locale.ROOT, "verdict: harness heap %s (growth under %.0f bytes per statement counts as flat)%n",
                flat ? "FLAT" : "GROWING", FLAT_BYTES_PER_STATEMENT);
    }

    /** Least-squares slope of a series in bytes per minute. */
    private static double slope(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        double n = samples.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Sample s : samples) {
            double x = s.seconds() / 60;
            double y = value.applyAsLong(s);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static double seconds() {
        return (System.nanoTime() - T0) / 1e9;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    /** A writer that copies to the log and hands every complete line to a watcher. */
    private static final class Lines extends Writer {
        private final PrintWriter log;
        private final Consumer<String> watcher;
        private final StringBuilder line = new StringBuilder();

        Lines(PrintWriter log, Consumer<String> watcher) {
            this.log = log;
            this.watcher = watcher;
        }

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    String text = line.toString();
                    line.setLength(0);
                    log.println(text);
                    watcher.accept(text.strip());
                } else {
                    line.append(c);
                }
            }
        }

        @Override
        public void flush() {
            log.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
