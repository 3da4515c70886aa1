package io.cdctest.spec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.Fixtures;
import io.cdctest.pipeline.flinkcdc.FlinkCdcSpec;
import io.cdctest.pipeline.matrixone.CdcConfig;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Provision;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {
    private final List<String> warnings = new ArrayList<>();
    private final ScenarioLoader loader = new ScenarioLoader(new Interpolator(Map.of("DB_PASSWORD", "s3cret")),
            io.cdctest.pipeline.Pipelines.all(), warnings::add);

    static Stream<Path> invalid() {
        return Stream.concat(Fixtures.files("spec/scenarios/invalid").stream(),
                Fixtures.files("spec/scenarios/malformed").stream());
    }

    static Stream<Path> valid() {
        return Fixtures.files("spec/scenarios/valid").stream();
    }

    static Stream<Path> shipped() {
        return Fixtures.shipped("scenarios").stream();
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void badScenarioFailsWithFileLineAndKey(Path file) {
        String expected = Fixtures.expectation(file);
        assertThatThrownBy(() -> loader.load(file, List.of()))
                .isInstanceOfSatisfying(CdctestException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
                    assertThat(e.getMessage()).startsWith(file.toString()).contains(expected).doesNotContain("\n");
                });
    }

    @ParameterizedTest
    @MethodSource("valid")
    void validFixturesLoad(Path file) throws Exception {
        Scenario scenario = loader.load(file, List.of());

        String declared = Files.readAllLines(file).stream().filter(l -> l.startsWith("scenario_type:")).findFirst()
                .orElseThrow().substring("scenario_type:".length()).replace("\"", "").strip();
        assertThat(scenario.type()).isEqualTo(declared);
        assertThat(scenario.source().role()).isEqualTo(Side.SOURCE);
        assertThat(scenario.target().role()).isEqualTo(Side.TARGET);
        for (var endpoint : List.of(scenario.source(), scenario.target())) {
            assertThat(endpoint.origin().source()).as("where the endpoint is").isEqualTo(file.toString());
            assertThat(endpoint.origin().line()).isPositive();
            assertThat(endpoint.database()).isNotBlank();
        }
    }

    @Test
    void legacyMatrixOneLayoutsAreReadWithWarningsForUnusedKeys() {
        Scenario mo = loader.load(Fixtures.dir("spec/scenarios/valid").resolve("legacy_mo_to_mo.yaml"), List.of());
        assertThat(mo.settings(CdcConfig.class).level()).isEqualTo("database");
        assertThat(mo.tables()).isEmpty();
        assertThat(warnings).hasSize(3).allSatisfy(w -> assertThat(w).contains("cdc_config."));
        warnings.clear();
        Scenario ccpr = loader.load(Fixtures.dir("spec/scenarios/valid").resolve("legacy_cross_cluster.yaml"), List.of());
        assertThat(ccpr.settings(CdcConfig.class).syncInterval()).isEqualTo(60);
        assertThat(ccpr.source().account()).isEqualTo("account0");
        assertThat(ccpr.target().account()).isEqualTo("account1");
        assertThat(warnings).singleElement().asString().contains("cdc_config.network_compression");
        warnings.clear();
        Path moToMysql = Fixtures.dir("spec/scenarios/valid").resolve("legacy_mo_to_mysql.yaml");
        loader.load(moToMysql, List.of());
        assertThat(warnings).hasSize(4).anySatisfy(w -> assertThat(w).startsWith(moToMysql + ":26: cdc_config.type_mapping: "
                + "not used: MatrixOne's sink creates the target tables with its own types"));
    }

    @Test
    void aDirectoryOnlyTheRunningMachineNeedsIsAWarningHereAndCheckedByThePreflight(@TempDir Path dir) throws Exception {
        Path file = Fixtures.embeddedScenario(dir.resolve("scripts.yaml"), "flink_cdc", """
                flink_cdc:
                  tables: [cdc_test_base]
                  path: ../no-such-flink-cdc
                data: {rows: 10}
                """);
        Scenario s = loader.load(file, List.of());
        Path missing = dir.getParent().resolve("no-such-flink-cdc");
        assertThat(warnings).containsExactly(file + ":6: flink_cdc.path: no such directory here: " + missing
                + "; a run needs it on the machine that runs the pipeline");
        assertThat(s.localPaths()).singleElement().satisfies(p -> {
            assertThat(p.exists()).isFalse();
            assertThat(p.missing()).isEqualTo("flink_cdc.path: no such directory: " + missing + " (" + file + ":6)");
        });
        assertThat(io.cdctest.preflight.Doctor.examine(s)).filteredOn(c -> !c.passed()).singleElement()
                .satisfies(c -> assertThat(c.failureLine()).startsWith("paths: flink_cdc.path: no such directory: " + missing));
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedScenariosLoad(Path file) {
        Scenario s = new ScenarioLoader(new Interpolator(Map.of()), io.cdctest.pipeline.Pipelines.all(), w -> { })
                .load(file, List.of());
        assertThat(s.tables().size() + s.mappings().size()).as("tables and routes of " + file).isPositive();
    }

    @Test
    void legacyLayoutIsReadWithDefaultsAndItsScripts() {
        Scenario s = loader.load(Fixtures.dir("spec/scenarios/valid").resolve("legacy_flink_cdc.yaml"), List.of());
        assertThat(s.name()).isEqualTo("Flink CDC (MySQL to MO)");
        assertThat(s.source().engine()).isEqualTo(Engine.MYSQL);
        assertThat(s.source().provision()).isEqualTo(Provision.EXTERNAL);
        assertThat(s.source().address()).isEqualTo("localhost:3306");
        assertThat(s.target().engine()).isEqualTo(Engine.MATRIXONE);
        assertThat(s.target().password().reveal()).isEqualTo("111");
        assertThat(s.target().password().toString()).doesNotContain("111");
        assertThat(s.settings(FlinkCdcSpec.class).tables()).containsExactly("cdc_test_base", "cdc_test_composite_pk");
        assertThat(s.settings(FlinkCdcSpec.class).consumerBatchSize()).isEqualTo(2000);
        assertThat(s.validation().checkInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.validation().maxWaitTime()).isEqualTo(Duration.ofSeconds(180));
        assertThat(s.kafka().provision()).isEqualTo(Provision.EMBEDDED);
        assertThat(s.settings(FlinkCdcSpec.class).commands().producer()).startsWith("{path}/scripts/producer-realtime.sh");
        assertThat(s.settings(FlinkCdcSpec.class).path()).endsWith(Path.of("flink-cdc"));
    }

    @Test
    void overridesChangeKeysAndAreValidatedLikeTheFile() {
        Path file = Fixtures.dir("spec/scenarios/valid").resolve("embedded_minimal.yaml");
        Scenario s = loader.load(file, List.of("validation.max_wait_time=5m", "flink_cdc.tables=[a, b]",
                "kafka.provision=external", "kafka.bootstrap_servers=k:9092"));
        assertThat(s.validation().maxWaitTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.settings(FlinkCdcSpec.class).tables()).containsExactly("a", "b");
        assertThat(s.kafka().bootstrapServers()).isEqualTo("k:9092");

        assertThatThrownBy(() -> loader.load(file, List.of("source.hots=x")))
                .hasMessage("--set source.hots: unknown key 'hots' in source (did you mean 'host'?)");
        assertThatThrownBy(() -> loader.load(file, List.of("source")))
                .hasMessage("--set source: expected key.path=value");
        assertThatThrownBy(() -> loader.load(file, List.of("source.database.x=1")))
                .hasMessageStartingWith("--set source.database.x: 'database' is not a map of keys");
    }

    @Test
    void environmentVariablesAreInterpolatedWithDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                scenario_type: flink_cdc
                source: {type: mysql, host: "${DB_HOST:-db.local}", password: "${DB_PASSWORD}", database: s}
                target: {type: mariadb, provision: embedded, database: "t_${DB_SUFFIX:-x}"}
                flink_cdc: {tables: [a]}
                """);
        Scenario s = loader.load(file, List.of());
        assertThat(s.source().host()).isEqualTo("db.local");
        assertThat(s.source().password().reveal()).isEqualTo("s3cret");
        assertThat(s.target().database()).isEqualTo("t_x");
    }
}
