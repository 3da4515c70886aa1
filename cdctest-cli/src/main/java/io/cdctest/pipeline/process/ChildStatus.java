package io.cdctest.pipeline.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.ready.Readiness;
import io.cdctest.support.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One read of a child's status file (the protocol is {@link StatusFile}): its state, its error and
 * its other fields all from the same write. Empty when the file does not exist yet or cannot be read.
 * The wait for {@code RUNNING} is {@link #readiness}.
 */
public record ChildStatus(Map<String, Object> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ChildStatus {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields)); // JSON may hold nulls
    }

    @SuppressWarnings("unchecked")
    public static ChildStatus read(Path file) {
        try {
            return new ChildStatus(Files.exists(file) ? JSON.readValue(file.toFile(), Map.class) : Map.of());
        } catch (IOException e) {
            return new ChildStatus(Map.of());
        }
    }

    /**
     * A child that reports through the status file {@code file}: ready once it writes {@code RUNNING},
     * failed when it writes {@code FAILED}; a child that writes nothing counts as ready once it has
     * stayed up for {@code grace} (never, when {@code grace} is null). The grace runs from this call.
     * A child process's readiness is this within {@link io.cdctest.env.ChildProcess#readyWhen}.
     */
    public static Readiness readiness(Path file, Duration grace) {
        long started = System.nanoTime();
        return () -> {
            ChildStatus status = read(file);
            if (status.failed()) {
                return Readiness.failed(String.valueOf(status.error()));
            }
            if (status.running() || status.isEmpty() && grace != null && System.nanoTime() - started >= grace.toNanos()) {
                return Readiness.ready();
            }
            return Readiness.waiting(status.isEmpty() ? "nothing in its status file " + file : "state " + status.state());
        };
    }

    /** The child has written nothing (yet). */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The state, or null when none is written. */
    public Object state() {
        return fields.get(StatusFile.STATE);
    }

    /** The error message, or null. */
    public Object error() {
        return fields.get(StatusFile.ERROR);
    }

    public boolean failed() {
        return StatusFile.FAILED.equals(state());
    }

    public boolean running() {
        return StatusFile.RUNNING.equals(state());
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }
}
