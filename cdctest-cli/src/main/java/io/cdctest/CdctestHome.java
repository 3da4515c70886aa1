package io.cdctest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The cdctest installation: the folder holding {@code config/} and the modules' build output.
 * Found from the {@code cdctest.home} system property (set by the launcher), the
 * {@code CDCTEST_HOME} environment variable, or by walking up from the working directory.
 */
public record CdctestHome(Path root) {

    public static CdctestHome locate() {
        String property = System.getProperty("cdctest.home");
        if (property != null && !property.isBlank()) {
            return new CdctestHome(Path.of(property).toAbsolutePath().normalize());
        }
        String env = System.getenv("CDCTEST_HOME");
        if (env != null && !env.isBlank()) {
            return new CdctestHome(Path.of(env).toAbsolutePath().normalize());
        }
        return findUpwards(Path.of("").toAbsolutePath()).orElseThrow(() -> CdctestException.config(
                "cannot find the cdctest installation: run ./cdctest from the repository or set CDCTEST_HOME"));
    }

    static Optional<CdctestHome> findUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("config/scenarios")) && Files.exists(dir.resolve("cdctest-cli"))) {
                return Optional.of(new CdctestHome(dir));
            }
        }
        return Optional.empty();
    }

    public Path scenarios() {
        return root.resolve("config/scenarios");
    }

    public Path testcases() {
        return root.resolve("config/testcases");
    }

    /** The runtime class path of a module (its classes plus its dependencies), as written by the build. */
    public String classpath(String module) {
        Path target = root.resolve(module).resolve("target");
        Path file = target.resolve("classpath.txt");
        if (!Files.exists(file) || !Files.isDirectory(target.resolve("classes"))) {
            throw CdctestException.environment(module + " is not built (" + file + " missing): run ./mvnw package -DskipTests");
        }
        try {
            String deps = Files.readString(file).trim();
            return target.resolve("classes") + (deps.isEmpty() ? "" : java.io.File.pathSeparator + deps);
        } catch (java.io.IOException e) {
            throw CdctestException.environment("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
