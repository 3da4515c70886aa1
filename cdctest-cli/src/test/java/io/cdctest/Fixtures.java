package io.cdctest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * YAML fixtures under src/test/resources (bad ones carry their expected message in a first-line
 * comment), and the configuration cdctest ships.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Path> files(String dir) {
        return list(dir(dir)).stream().filter(f -> f.toString().endsWith(".yaml")).toList();
    }

    /** The files cdctest ships in {@code config/<folder>} ({@code scenarios}, {@code testcases}), by name. */
    public static List<Path> shipped(String folder) {
        return list(repositoryRoot().resolve("config").resolve(folder));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code file}, a scenario of {@code type} between two embedded MariaDBs (databases
     * {@code s} and {@code t}) on lines 1 to 3, followed by {@code blocks} from line 4; returns it.
     */
    public static Path embeddedScenario(Path file, String type, String blocks) throws IOException {
        Files.writeString(file, "scenario_type: " + type + "\n"
                + "source: {type: mariadb, provision: embedded, database: s}\n"
                + "target: {type: mariadb, provision: embedded, database: t}\n"
                + blocks);
        return file;
    }

    /** The text after {@code # expect: } on the first line. */
    public static String expectation(Path file) {
        try {
            String first = Files.readAllLines(file).get(0);
            return Optional.of(first).filter(l -> l.startsWith("# expect: ")).map(l -> l.substring(10).trim())
                    .orElseThrow(() -> new IllegalStateException(file + " lacks a '# expect: ' first line"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root (holds config/). */
    public static Path repositoryRoot() {
        return CdctestHome.locate().root();
    }
}
