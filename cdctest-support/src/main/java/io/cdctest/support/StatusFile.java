package io.cdctest.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The status-file protocol between cdctest and the programs it starts (the built-in producer and
 * consumer, the scripts of custom producer or consumer commands, background hooks of the generic
 * pipeline): the child rewrites a small JSON object atomically at the path in
 * {@value #ENV}; its {@value #STATE} is {@value #STARTING}, {@value #RUNNING}, {@value #FINISHED}, {@value #STOPPED}
 * or {@value #FAILED} (then with an {@value #ERROR} message); other fields are free (counters). cdctest
 * reads it back (as {@code io.cdctest.pipeline.process.ChildStatus}, with a full JSON parser, because
 * scripts write the file too). Dependency-free, like the programs that write it.
 */
public final class StatusFile {
    /** The environment variable that names the file. */
    public static final String ENV = "CDCTEST_STATUS_FILE";
    public static final String STATE = "state";
    public static final String TIME = "time";
    public static final String ERROR = "error";
    public static final String STARTING = "STARTING";
    public static final String RUNNING = "RUNNING";
    public static final String FINISHED = "FINISHED";
    public static final String STOPPED = "STOPPED";
    public static final String FAILED = "FAILED";

    private StatusFile() {
    }

    /**
     * Replaces the file with {@code fields} as one JSON object (strings, numbers, booleans and nulls;
     * anything else as its string), written next to it first and moved over it atomically, so that a
     * reader never sees half a write.
     */
    public static void write(Path file, Map<String, ?> fields) throws IOException {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, field.getKey());
            json.append(':');
            Object value = field.getValue();
            if (value == null || value instanceof Number || value instanceof Boolean) {
                json.append(value);
            } else {
                quote(json, value.toString());
            }
        }
        json.append("}\n");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
