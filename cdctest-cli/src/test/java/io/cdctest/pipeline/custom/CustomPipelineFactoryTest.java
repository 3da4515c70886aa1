package io.cdctest.pipeline.custom;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.Fixtures;
import io.cdctest.pipeline.Pipelines;
import io.cdctest.preflight.Check;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.load.Interpolator;
import io.cdctest.spec.load.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic adapter's preflight: every command hook's program is there before anything starts. */
class CustomPipelineFactoryTest {
    private final ScenarioLoader loader = new ScenarioLoader(new Interpolator(Map.of()), Pipelines.all(), w -> { });

    @Test
    void theShippedExamplesProgramsAreFound() {
        Scenario example = loader.load(Fixtures.repositoryRoot().resolve("config/scenarios/custom_example.yaml"), List.of());
        List<Check> checks = Pipelines.factory("custom").preflight(example);
        assertThat(checks).extracting(Check::name).containsExactly("kafka", "hooks");
        assertThat(checks).allSatisfy(c -> assertThat(c.passed()).as(c.detail()).isTrue());
    }

    @Test
    void aMissingProgramIsNamedWithItsHook(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("platform/bin"));
        Files.writeString(dir.resolve("platform/bin/present.sh"), "#!/bin/sh\n");
        Path file = Fixtures.embeddedScenario(dir.resolve("s.yaml"), "custom", """
                custom:
                  hooks:
                    setup: {command: [sh, -c, 'true']}
                    start:
                      - {command: [./bin/present.sh], dir: platform}
                      - {name: worker, command: [./bin/streamer, --local], dir: platform, background: true}
                      - {command: ["{java}", Tool.java]}
                    stop: {command: [no-such-program-cdctest]}
                """);
        Check hooks = CustomPipelineFactory.programs(loader.load(file, List.of()).settings(CustomSpec.class));
        assertThat(hooks.passed()).isFalse();
        assertThat(hooks.detail()).isEqualTo("program not found: worker: ./bin/streamer; stop: no-such-program-cdctest");
    }
}
