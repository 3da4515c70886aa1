package io.cdctest.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.Fixtures;
import io.cdctest.pipeline.Pipelines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference cannot drift from the model: every key the loaders know (collected
 * while loading every shipped scenario, testcase file and example, and the valid fixtures) must
 * be documented in docs/CONFIGURATION.md (mapping-file keys in docs/CHECKER.md). A key added to a
 * loader without a line in the reference fails this test. The keys are those these loaders read, whatever
 * other tests of the JVM loaded before.
 */
class ConfigurationReferenceTest {

    @Test
    void everyKeyTheLoadersKnowIsDocumented() throws Exception {
        Path root = Fixtures.repositoryRoot();
        ScenarioLoader scenarios = new ScenarioLoader(new Interpolator(Map.of()), Pipelines.all(), w -> { });
        TestSuiteLoader testcases = new TestSuiteLoader(new Interpolator(Map.of()), w -> { });
        for (Path file : yaml(root.resolve("config/scenarios"), Fixtures.dir("spec/scenarios/valid"))) {
            scenarios.load(file, List.of());
        }
        for (Path file : yaml(root.resolve("config/testcases"), Fixtures.dir("spec/testcases/valid"))) {
            testcases.load(file);
        }
        testcases.load(root.resolve("examples/custom_tests.yaml"));
        Set<String> scenarioAndTestcaseKeys = new TreeSet<>(scenarios.keysRead());
        scenarioAndTestcaseKeys.addAll(testcases.keysRead());
        MappingLoader mappings = new MappingLoader(new Interpolator(Map.of()), w -> { });
        mappings.load(root.resolve("examples/shards-mapping.yaml"));
        Set<String> mappingKeys = new TreeSet<>(mappings.keysRead());
        mappingKeys.removeAll(scenarioAndTestcaseKeys);

        String configuration = Files.readString(root.resolve("docs/CONFIGURATION.md"));
        String checker = Files.readString(root.resolve("docs/CHECKER.md"));
        List<String> undocumented = new ArrayList<>();
        scenarioAndTestcaseKeys.stream().sorted().filter(k -> !documented(configuration, k)).forEach(undocumented::add);
        mappingKeys.stream().filter(k -> !documented(checker, k) && !documented(configuration, k)).forEach(undocumented::add);
        assertThat(scenarioAndTestcaseKeys).as("keys seen").hasSizeGreaterThan(60);
        assertThat(undocumented).as("keys the loaders know that the reference does not document").isEmpty();
    }

    /**
     * The reference names the key: in backticks ({@code `key`} or {@code `block.key`}) in its tables
     * and prose, or as {@code key:} in one of its YAML examples.
     */
    private static boolean documented(String doc, String pathKey) {
        String key = pathKey.substring(pathKey.lastIndexOf('.') + 1);
        if (doc.contains("`" + key + "`") || doc.contains("." + key + "`") || doc.contains("`" + key + ":")) {
            return true;
        }
        java.util.regex.Matcher yaml = java.util.regex.Pattern.compile("(?s)```yaml\\n(.*?)```").matcher(doc);
        while (yaml.find()) {
            if (java.util.regex.Pattern.compile("(?m)^[\\s-]*" + java.util.regex.Pattern.quote(key) + ":").matcher(yaml.group(1)).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> yaml(Path... dirs) throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
