package io.cdctest.pipeline.custom;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdctest.Fixtures;
import io.cdctest.pipeline.Pipelines;
import io.cdctest.spec.Delivery;
import io.cdctest.spec.FieldPath;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.load.Interpolator;
import io.cdctest.spec.load.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom: and metrics: blocks as read from the shipped example and from the scenarios docs/CUSTOM_PIPELINE.md shows. */
class CustomScenarioLoaderTest {
    private final ScenarioLoader loader = new ScenarioLoader(new Interpolator(Map.of("CDC_MANAGER_TOKEN", "t0k3n")),
            Pipelines.all(), w -> { });

    @Test
    void theShippedExampleReadsAsHooksWithTypedBodiesAndCaptures() {
        Scenario s = loader.load(Fixtures.repositoryRoot().resolve("config/scenarios/custom_example.yaml"), List.of());
        CustomSpec custom = s.settings(CustomSpec.class);
        assertThat(s.tables()).containsExactly("cdc_test_base", "cdc_test_composite_pk");
        assertThat(custom.kafka()).isEqualTo(new CustomSpec.KafkaLeg("cdc_test_topic", "cdc_test_group", "enterprise-json",
                Delivery.EXACTLY_ONCE));
        assertThat(custom.freePorts()).containsExactly("manager_port");
        assertThat(custom.secrets().get("api_token").reveal()).isEqualTo("t0k3n");
        assertThat(custom.secrets().get("api_token")).hasToString("******");
        CustomSpec.Command manager = (CustomSpec.Command) custom.hooks().setup().get(0);
        assertThat(manager.background()).isTrue();
        assertThat(manager.argv()).containsExactly("{java}", "CdcManager.java", "--port", "{manager_port}");
        CustomSpec.Http add = (CustomSpec.Http) custom.hooks().start().get(0);
        assertThat(add.name()).isEqualTo("add job");
        assertThat(add.method()).isEqualTo("POST");
        assertThat(add.expectStatus()).containsExactly(200);
        assertThat(add.headers()).containsEntry("Authorization", "Bearer {api_token}");
        assertThat(add.body().json().path("mysql_databases").isArray()).isTrue();
        assertThat(add.capture()).containsEntry("job_id", FieldPath.parse("/data/id"));
        CustomSpec.Http start = (CustomSpec.Http) custom.hooks().start().get(1);
        assertThat(start.headers()).as("a YAML alias").containsEntry("Authorization", "Bearer {api_token}");
        assertThat(start.body().json().toString()).isEqualTo("{\"id\":\"{job_id}\"}");
        CustomSpec.Status status = custom.hooks().status();
        assertThat(status.state().pointer().toString()).isEqualTo("/data/job_status");
        assertThat(status.running()).containsExactly("running");
        assertThat(status.failed()).containsExactly("warning");
        assertThat(custom.hooks().stop()).extracting(CustomSpec.Hook::name).containsExactly("stop job");
        assertThat(custom.hooks().teardown()).extracting(CustomSpec.Hook::name).containsExactly("delete job");
    }

    @Test
    void unquotedYamlScalarsKeepTheirJsonTypeInBodies(@TempDir Path dir) throws Exception {
        Path file = Fixtures.embeddedScenario(dir.resolve("typed.yaml"), "custom", """
                custom:
                  hooks:
                    start:
                      http:
                        url: http://manager/api
                        body: {flush_batch: 50, ratio: 0.5, merge: false, none: null, quoted: '50', ts: 2023-10-22}
                """);
        String body = ((CustomSpec.Http) loader.load(file, List.of()).settings(CustomSpec.class).hooks().start().get(0)).body().json().toString();
        assertThat(body).isEqualTo("{\"flush_batch\":50,\"ratio\":0.5,\"merge\":false,\"none\":null,\"quoted\":\"50\","
                + "\"ts\":\"2023-10-22\"}");
    }

    @Test
    void jsonPathsBecomePointers() {
        assertThat(FieldPath.parse("$.data.jobs[0].job_status").pointer().toString()).isEqualTo("/data/jobs/0/job_status");
        assertThat(FieldPath.parse("$['job status']['a/b']").pointer().toString()).isEqualTo("/job status/a~1b");
        assertThat(FieldPath.parse("/data/id").pointer().toString()).isEqualTo("/data/id");
        assertThat(FieldPath.parse("").whole()).isTrue();
        assertThat(FieldPath.parse("$").whole()).isTrue();
    }

    @Test
    void everyScenarioTheGuideShowsLoads(@TempDir Path dir) throws Exception {
        String guide = Files.readString(Fixtures.repositoryRoot().resolve("docs/CUSTOM_PIPELINE.md"));
        Matcher yaml = Pattern.compile("(?s)```yaml\\n(.*?)```").matcher(guide);
        List<Scenario> loaded = new ArrayList<>();
        while (yaml.find()) {
            if (!yaml.group(1).startsWith("scenario_name:")) {
                continue; // fragments
            }
            Path file = dir.resolve("guide-" + loaded.size() + ".yaml");
            Files.writeString(file, yaml.group(1));
            loaded.add(loader.load(file, List.of()));
        }
        assertThat(loaded).extracting(Scenario::name).containsExactly("cdc_manager", "binlog_to_starrocks");
        Scenario manager = loaded.get(0);
        assertThat(manager.settings(CustomSpec.class).kafka().format()).isEqualTo("enterprise-json");
        assertThat(manager.settings(CustomSpec.class).hooks().start()).extracting(CustomSpec.Hook::name)
                .containsExactly("add job", "start job", "consumer");
        assertThat(manager.metrics().lag()).extracting(Object::toString).containsExactly("cdc_binlog_lag_seconds");
        assertThat(manager.metrics().caughtUpBelow()).isEqualTo(2.0);
        assertThat(loaded.get(1).target().engine().id()).isEqualTo("starrocks");
    }
}
