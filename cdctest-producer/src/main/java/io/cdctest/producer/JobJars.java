package io.cdctest.producer;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jars a remote Flink cluster needs to run the producer job: the producer's own classes and
 * what a Flink distribution does not bring (the CDC and Kafka connectors, the Kafka and MySQL
 * clients, Jackson, the compression codecs). Class directories (a development build) are packed
 * into jars first.
 */
final class JobJars {
    /** Jars shipped with the job; everything else on the class path is Flink's own. */
    private static final Pattern SHIPPED = Pattern.compile("(cdctest-|flink-sql-connector-|flink-connector-|kafka-clients|"
            + "mysql-connector|jackson-|lz4-|snappy-|zstd-).*\\.jar");

    private JobJars() {
    }

    static List<String> forRemote(Path tmp) throws IOException {
        List<String> jars = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = tmp.resolve("cdctest-classes-" + (n++) + ".jar");
                pack(path, jar);
                jars.add(jar.toString());
            } else if (SHIPPED.matcher(path.getFileName().toString()).matches()) {
                jars.add(path.toString());
            }
        }
        return jars;
    }

    private static void pack(Path dir, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new JarEntry(dir.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
