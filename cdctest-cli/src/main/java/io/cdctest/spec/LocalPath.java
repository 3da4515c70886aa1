package io.cdctest.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory only the machine that runs the pipeline needs (the earlier tool's scripts in
 * {@code flink_cdc.path}, a docker-compose directory): a missing one is a warning when a file is
 * validated, and a preflight failure (exit 3) when a run needs it.
 *
 * @param key    the key that names it ({@code flink_cdc.path})
 * @param origin where the key is
 */
public record LocalPath(String key, Path path, Origin origin) {

    public boolean exists() {
        return Files.isDirectory(path);
    }

    /** "flink_cdc.path: no such directory: /home/u/flink-cdc (flink_cdc.yaml:26)". */
    public String missing() {
        return key + ": no such directory: " + path + " (" + origin + ")";
    }
}
