package io.cdctest.pipeline.flinkcdc.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** A small JSON file a subprocess rewrites atomically to tell the harness its state. */
public final class StatusFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusFile() {
    }

    public static void write(Path file, Map<String, Object> status) {
        if (file == null) {
            return;
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), status);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("cannot write status file " + file + ": " + e.getMessage());
        }
    }

    /** The status, or an empty map when the file does not exist yet or cannot be read. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) {
        try {
            return Files.exists(file) ? JSON.readValue(file.toFile(), Map.class) : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }
}
