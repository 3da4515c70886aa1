package io.cdctest.env;

import io.cdctest.CdctestException;
import io.cdctest.ready.Readiness;
import io.cdctest.ready.Wait;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The earlier tool's Kafka: {@code docker compose up -d} (or {@code docker-compose up -d}) in the
 * directory of the compose file, only when nothing answers at the bootstrap servers yet; stopped
 * with {@code down} at the end only when this run started it and the scenario says
 * {@code stop_kafka_on_teardown}. The compose file must publish Kafka at the bootstrap servers.
 */
public final class ComposeKafka extends ExternalKafka {
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private final Path dir;
    private final List<String> compose;
    private final boolean stopOnClose;
    private final Path log;

    private ComposeKafka(Path dir, String bootstrapServers, List<String> compose, boolean stopOnClose, Path log) {
        super(bootstrapServers);
        this.dir = dir;
        this.compose = compose;
        this.stopOnClose = stopOnClose;
        this.log = log;
    }

    public static ComposeKafka start(Path dir, String bootstrapServers, boolean stopOnTeardown, Path log) {
        if (reachable(bootstrapServers)) {
            ExternalKafka.connect(bootstrapServers);
            return new ComposeKafka(dir, bootstrapServers, List.of(), false, log);
        }
        List<String> compose = composeCommand().orElseThrow(() -> CdctestException.environment("kafka.provision: compose: "
                + "nothing answers at " + bootstrapServers + " and neither 'docker compose' nor 'docker-compose' is on "
                + "the PATH to start it in " + dir + "; start Kafka yourself and use provision: external"));
        List<String> up = new ArrayList<>(compose);
        up.addAll(List.of("up", "-d"));
        int code = run(up, dir, log, UP_TIMEOUT);
        if (code != 0) {
            throw CdctestException.environment("kafka.provision: compose: '" + String.join(" ", up) + "' in " + dir
                    + " exited with code " + code + ": " + tail(log) + " (log: " + log + ")");
        }
        Wait.until("kafka.provision: compose: the Kafka started in " + dir, "answer at " + bootstrapServers)
                .atMost(READY_TIMEOUT).hint("log: " + log)
                .on(Readiness.condition(() -> reachable(bootstrapServers), () -> "does the compose file publish Kafka there?"));
        ExternalKafka.connect(bootstrapServers);
        return new ComposeKafka(dir, bootstrapServers, compose, stopOnTeardown, log);
    }

    /** {@code docker compose} (the plugin) if it answers, else {@code docker-compose}, else none. */
    static Optional<List<String>> composeCommand() {
        if (run(List.of("docker", "compose", "version"), null, null, Duration.ofSeconds(20)) == 0) {
            return Optional.of(List.of("docker", "compose"));
        }
        if (run(List.of("docker-compose", "version"), null, null, Duration.ofSeconds(20)) == 0) {
            return Optional.of(List.of("docker-compose"));
        }
        return Optional.empty();
    }

    /** Whether something accepts connections at the first bootstrap server. */
    static boolean reachable(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
                    1000);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Runs a command to its end (output appended to the log); -1 when it cannot start or times out. */
    private static int run(List<String> command, Path dir, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    @Override
    String origin() {
        return "compose in " + dir + (compose.isEmpty() ? ", already up" : "");
    }

    @Override
    public void close() {
        if (stopOnClose) {
            List<String> down = new ArrayList<>(compose);
            down.add("down");
            run(down, dir, log, UP_TIMEOUT);
        }
    }
}
