package io.cdctest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.pipeline.Pipelines;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.load.Interpolator;
import io.cdctest.spec.load.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay bundle's copy of the scenario keeps no password or secret written in it, and stays a valid scenario. */
class ReplayBundleTest {

    @Test
    void literalPasswordsAndSecretsBecomeEnvironmentReferences(@TempDir Path dir) throws Exception {
        String text = String.join("\n", "scenario_type: custom",
                "source: {type: mysql, host: db, password: 'Src-pw1', database: s}",
                "target: {type: mysql, host: db2, password: Tgt-pw2, database: t}",
                "custom:",
                "  secrets:",
                "    api_token: \"tok-3\"",
                "    empty: ''", "");
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, text);
        Scenario scenario = new ScenarioLoader(new Interpolator(Map.of()), Pipelines.all(), w -> { }).load(file, List.of());

        String scrubbed = ReplayBundle.scrubbed(scenario, text);

        assertThat(scrubbed).doesNotContain("Src-pw1", "Tgt-pw2", "tok-3")
                .contains("password: '${CDCTEST_SOURCE_PASSWORD}'", "password: \"${CDCTEST_TARGET_PASSWORD}\"",
                        "api_token: \"${CDCTEST_SECRET_API_TOKEN}\"");
        Path replayed = dir.resolve("replayed.yaml");
        Files.writeString(replayed, scrubbed);
        Scenario again = new ScenarioLoader(new Interpolator(Map.of("CDCTEST_SOURCE_PASSWORD", "Src-pw1",
                "CDCTEST_TARGET_PASSWORD", "Tgt-pw2", "CDCTEST_SECRET_API_TOKEN", "tok-3")), Pipelines.all(), w -> { })
                .load(replayed, List.of());
        assertThat(again.source().password().reveal()).isEqualTo("Src-pw1");
        assertThat(again.settings().secrets().get("api_token").reveal()).isEqualTo("tok-3");
    }
}
