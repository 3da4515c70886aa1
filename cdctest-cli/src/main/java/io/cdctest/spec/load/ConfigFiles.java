package io.cdctest.spec.load;

import io.cdctest.CdctestException;
import io.cdctest.CdctestHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds scenario and testcase files: a path is taken as it is; a name is looked up in
 * {@code ./config/...} and then in the installation's {@code config/...}.
 */
public record ConfigFiles(CdctestHome home, Path workingDir) {

    public static ConfigFiles of(CdctestHome home) {
        return new ConfigFiles(home, Path.of("").toAbsolutePath());
    }

    public Path scenario(String nameOrPath) {
        return resolve(nameOrPath, "scenarios", "scenario", scenarioNames());
    }

    /** A testcase file by path or name; names are looked up next to the scenarios too. */
    public Path testcase(String nameOrPath) {
        return resolve(nameOrPath, "testcases", "testcase file", testcaseNames());
    }

    /** The testcase file a scenario uses by default: its testcase key, else the earlier tool's defaults. */
    public Path defaultTestcase(String declared, String scenarioType) {
        if (declared != null) {
            return testcase(declared);
        }
        for (String candidate : List.of(scenarioType + "_tests.yaml", "common_tests.yaml")) {
            for (Path dir : dirs("testcases")) {
                if (Files.isRegularFile(dir.resolve(candidate))) {
                    return dir.resolve(candidate);
                }
            }
        }
        throw CdctestException.config("the scenario names no testcase file and neither " + scenarioType
                + "_tests.yaml nor common_tests.yaml exists; give --testcase");
    }

    public List<Path> scenarioFiles() {
        return files("scenarios");
    }

    public List<Path> testcaseFiles() {
        return files("testcases");
    }

    private Path resolve(String nameOrPath, String kind, String what, List<String> known) {
        Path direct = workingDir.resolve(nameOrPath);
        if (Files.isRegularFile(direct)) {
            return direct.normalize();
        }
        if (nameOrPath.contains("/") || nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml")) {
            for (Path dir : dirs(kind)) {
                Path candidate = dir.resolve(nameOrPath);
                if (!nameOrPath.contains("/") && Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            throw CdctestException.config(what + " " + nameOrPath + ": file not found");
        }
        for (Path dir : dirs(kind)) {
            for (String ext : List.of(".yaml", ".yml")) {
                Path candidate = dir.resolve(nameOrPath + ext);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw CdctestException.config("unknown " + what + " '" + nameOrPath + "'"
                + MapReader.suggestion(nameOrPath, new java.util.LinkedHashSet<>(known)));
    }

    private List<Path> dirs(String kind) {
        List<Path> dirs = new ArrayList<>();
        Path local = workingDir.resolve("config").resolve(kind);
        if (Files.isDirectory(local)) {
            dirs.add(local);
        }
        Path installed = home.root().resolve("config").resolve(kind);
        if (Files.isDirectory(installed) && !dirs.contains(installed)) {
            dirs.add(installed);
        }
        return dirs;
    }

    private List<Path> files(String kind) {
        List<Path> all = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Path dir : dirs(kind)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                        .forEach(f -> {
                            if (!seen.contains(f.getFileName().toString())) {
                                seen.add(f.getFileName().toString());
                                all.add(f);
                            }
                        });
            } catch (IOException e) {
                throw CdctestException.config("cannot list " + dir + ": " + e.getMessage());
            }
        }
        return all;
    }

    private List<String> scenarioNames() {
        return scenarioFiles().stream().map(f -> f.getFileName().toString().replaceFirst("\\.ya?ml$", "")).toList();
    }

    private List<String> testcaseNames() {
        return testcaseFiles().stream().map(f -> f.getFileName().toString()).toList();
    }
}
