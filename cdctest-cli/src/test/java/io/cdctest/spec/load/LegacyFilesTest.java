package io.cdctest.spec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cdctest.Fixtures;
import io.cdctest.cli.CliRunner;
import io.cdctest.spec.load.YNode.YList;
import io.cdctest.spec.load.YNode.YMap;
import io.cdctest.spec.load.YNode.YScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The earlier Python tool's own shipped files, read from {@code ../shared/legacy/config} next to the
 * repository (copied there byte for byte; skipped with the reason when that folder is absent): every
 * scenario with every testcase file passes {@code cdctest validate} unchanged, keys without effect
 * being warnings that name file and line; and the project's own fixtures in the earlier layout
 * ({@code legacy_*.yaml}) use every key and action those files use, so the tests that load and run
 * the fixtures cover them when the folder is not there. No server.
 */
class LegacyFilesTest {
    private static final Path LEGACY = Fixtures.repositoryRoot().resolve("../shared/legacy/config").normalize();

    private static void assumeLegacyFiles() {
        assumeTrue(Files.isDirectory(LEGACY.resolve("scenarios")) && Files.isDirectory(LEGACY.resolve("testcases")),
                "the earlier tool's files are not at " + LEGACY);
    }

    @Test
    void everyScenarioWithEveryTestcaseFileValidatesUnchanged() throws IOException {
        assumeLegacyFiles();
        List<Path> scenarios = yaml(LEGACY.resolve("scenarios"));
        List<Path> testcases = yaml(LEGACY.resolve("testcases"));
        assertThat(scenarios.size() * testcases.size()).as("pairs").isGreaterThanOrEqualTo(12);
        List<String> warnings = new ArrayList<>();
        for (Path scenario : scenarios) {
            for (Path testcase : testcases) {
                CliRunner run = CliRunner.run("validate", "--scenario", scenario.toString(), "--testcase", testcase.toString());
                assertThat(run.exitCode()).as(scenario.getFileName() + " with " + testcase.getFileName() + ": " + run.err())
                        .isZero();
                assertThat(run.out()).contains("valid scenario", "testcases selected");
                run.err().lines().filter(l -> !l.isBlank()).forEach(line -> {
                    assertThat(line).as("a warning naming file:line").matches("cdctest: warning: /\\S+\\.yaml:\\d+: .+");
                    warnings.add(line);
                });
            }
        }
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("mo_to_mysql.yaml:24: cdc_config.type_mapping: not used"))
                .anySatisfy(w -> assertThat(w).contains("flink_cdc.yaml:26: flink_cdc.path: no such directory here: ")
                        .endsWith("a run needs it on the machine that runs the pipeline"))
                // every pipeline declares a main link now (MatrixOne's: the sink, the upstream): the outage step runs
                .noneMatch(w -> w.contains("declares no network link"));
    }

    @Test
    void theProjectsOwnFixturesUseEveryKeyAndActionOfTheEarlierFiles() throws IOException {
        assumeLegacyFiles();
        for (String kind : List.of("scenarios", "testcases")) {
            Set<String> earlier = new TreeSet<>();
            yaml(LEGACY.resolve(kind)).forEach(f -> keys(YamlTrees.readFile(f), "", earlier));
            Set<String> own = new TreeSet<>();
            yaml(Fixtures.dir("spec/" + kind + "/valid")).stream().filter(f -> f.getFileName().toString().startsWith("legacy_"))
                    .forEach(f -> keys(YamlTrees.readFile(f), "", own));
            assertThat(own).as("keys and actions of the project's legacy_*.yaml " + kind + " fixtures").containsAll(earlier);
        }
    }

    /** Every key as path.key (list items under their list's key, test group names as *), and every action as action=name. */
    private static void keys(YNode node, String path, Set<String> out) {
        if (node instanceof YMap map) {
            map.entries().forEach((key, entry) -> {
                String name = path.equals("test_groups") ? "*" : key;
                String child = path.isEmpty() ? name : path + "." + name;
                out.add(child);
                if (key.equals("action") && entry.value() instanceof YScalar action) {
                    out.add("action=" + action.text());
                }
                keys(entry.value(), child, out);
            });
        } else if (node instanceof YList list) {
            list.items().forEach(item -> keys(item, path, out));
        }
    }

    private static List<Path> yaml(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
