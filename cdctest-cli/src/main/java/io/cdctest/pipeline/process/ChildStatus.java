package io.cdctest.pipeline.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdctest.support.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One read of a child's status file (the protocol is {@link StatusFile}): its state, its error and
 * its other fields all from the same write. Empty when the file does not exist yet or cannot be read.
 * The wait for {@code RUNNING} is {@link io.cdctest.pipeline.ready.Readiness#statusFile}.
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
