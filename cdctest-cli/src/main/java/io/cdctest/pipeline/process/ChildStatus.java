package io.cdctest.pipeline.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.support.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One read of a child's status file (the protocol is {@link StatusFile}): its state, its error and
 * its other fields all from the same write. Empty when the file does not exist yet or cannot be read.
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
     * The readiness test of a child that reports through {@code file}: ready once it writes
     * {@code RUNNING}; a child that writes nothing counts as ready once it has stayed up for
     * {@code grace} (never, when {@code grace} is null). {@code FAILED} ends the wait with the
     * exception {@code failed} makes of the error message.
     */
    public static Callable<Boolean> readiness(Path file, Duration grace, Function<Object, RuntimeException> failed) {
        long started = System.nanoTime();
        return () -> {
            ChildStatus status = read(file);
            if (status.failed()) {
                throw failed.apply(status.error());
            }
            if (status.isEmpty() && grace != null) {
                return System.nanoTime() - started >= grace.toNanos();
            }
            return status.running();
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
