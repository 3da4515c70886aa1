package io.cdctest.pipeline.custom;

import io.cdctest.CdctestException;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;
import io.cdctest.pipeline.kafka.KafkaLeg;
import io.cdctest.preflight.Check;
import io.cdctest.preflight.SourcePreflight;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Engine;
import io.cdctest.spec.PipelineSettings;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Side;
import io.cdctest.spec.load.MapReader;
import io.cdctest.spec.load.PipelineBlocks;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** {@code scenario_type: custom}: any CDC platform, driven by command and HTTP hooks described in the scenario. */
public final class CustomPipelineFactory implements PipelineFactory {
    @Override
    public String identifier() {
        return "custom";
    }

    @Override
    public String description() {
        return "any CDC platform, driven by the scenario's command and HTTP hooks (setup, start, status, stop, teardown)";
    }

    @Override
    public Set<String> keys() {
        return Set.of("custom");
    }

    /**
     * {@code custom:} (required); {@code kafka:} only with {@code custom.kafka}; and cdctest creates no
     * tables on a target whose tables need their own DDL.
     */
    @Override
    public PipelineSettings read(PipelineBlocks scenario) {
        MapReader block = scenario.block("custom").orElseThrow(() -> scenario.missing("custom"));
        CustomSpec custom = new CustomLoader().read(block, scenario.file());
        if (custom.kafka() == null && scenario.has("kafka")) {
            throw scenario.error("kafka", "the generic pipeline reads Kafka only when custom.kafka says what the platform "
                    + "writes there (topic, format); add custom.kafka or remove this block");
        }
        Endpoint target = scenario.target();
        if (!target.engine().catalogTables() && custom.createTargetTables()) {
            throw CdctestException.config(target.origin() + ": custom.create_target_tables: cdctest cannot create the test "
                    + "tables on " + target.engine().id() + " (they need its own key model and distribution); set "
                    + "create_target_tables: false and let the platform, or a setup hook, create them");
        }
        return custom;
    }

    /** The platform creates its tables (or a setup hook does): StarRocks and Doris may be its ends. */
    @Override
    public boolean platformCreatesTables() {
        return true;
    }

    @Override
    public Pipeline create(PipelineContext context) {
        return new CustomPipeline(context);
    }

    @Override
    public List<String> actions() {
        return CustomPipeline.ACTIONS;
    }

    /**
     * The links the scenario names ({@code custom.links}); a link to Kafka can be routed only through
     * an embedded broker.
     */
    @Override
    public List<io.cdctest.env.net.Link> links(Scenario scenario) {
        CustomSpec custom = scenario.settings(CustomSpec.class);
        String kafka = KafkaLeg.unroutable(scenario.kafka());
        return custom.links().values().stream().map(l -> {
            io.cdctest.env.net.Link link = new io.cdctest.env.net.Link(l.name(), l.from(), l.to(),
                    l.address() == null ? "declared by the scenario" : "declared by the scenario, to " + l.address(),
                    l.main(), null);
            return l.to().equals("kafka") ? link.unroutableBecause(kafka) : link;
        }).toList();
    }

    /** A MySQL or MariaDB source: its binary log set up for CDC (unless custom.binlog_preflight is false). */
    @Override
    public List<Check> preflight(Scenario scenario, JdbcEndpoint endpoint, Connection connection) throws SQLException {
        boolean binlogSource = endpoint.is(Side.SOURCE)
                && (endpoint.engine() == Engine.MYSQL || endpoint.engine() == Engine.MARIADB);
        if (!binlogSource || !scenario.settings(CustomSpec.class).binlogPreflight()) {
            return List.of();
        }
        return SourcePreflight.checks(endpoint, connection, "the CDC platform");
    }

    /** The Kafka cluster, when the platform writes to one; the programs the command hooks run. */
    @Override
    public List<Check> preflight(Scenario scenario) {
        CustomSpec custom = scenario.settings(CustomSpec.class);
        List<Check> checks = new java.util.ArrayList<>();
        if (custom.kafka() != null) {
            checks.add(KafkaLeg.preflight(scenario.kafka()));
        }
        checks.add(programs(custom));
        return checks;
    }

    /**
     * Each command hook's program exists: on the PATH, or as a file (relative to the hook's directory).
     * Programs and directories written with placeholders are known only at run time and pass.
     */
    static Check programs(CustomSpec spec) {
        List<String> missing = new java.util.ArrayList<>();
        List<CustomSpec.Hook> hooks = new java.util.ArrayList<>();
        List.of(spec.hooks().setup(), spec.hooks().start(), spec.hooks().stop(), spec.hooks().teardown()).forEach(hooks::addAll);
        if (spec.hooks().status() != null) {
            hooks.add(spec.hooks().status().hook());
        }
        int commands = 0;
        for (CustomSpec.Hook hook : hooks) {
            if (!(hook instanceof CustomSpec.Command c)) {
                continue;
            }
            commands++;
            String program = c.argv().get(0);
            boolean templated = !CustomSpec.placeholders(program).isEmpty() || c.dir() != null && !CustomSpec.placeholders(c.dir()).isEmpty();
            if (!templated && !exists(program, c.dir() == null ? spec.baseDir() : spec.baseDir().resolve(c.dir().replaceFirst(
                    "^~/", System.getProperty("user.home") + "/")).normalize())) {
                missing.add(hook.name() + ": " + program);
            }
        }
        return missing.isEmpty() ? Check.pass("hooks", commands + " command hook(s), their programs found")
                : Check.fail("hooks", "program not found: " + String.join("; ", missing),
                "install it, put it on the PATH, or correct the hook's command or dir");
    }

    private static boolean exists(String program, java.nio.file.Path dir) {
        if (program.contains("/")) {
            return java.nio.file.Files.isRegularFile(dir.resolve(program.replaceFirst("^~/", System.getProperty("user.home") + "/")));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator)).filter(p -> !p.isEmpty())
                .anyMatch(p -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(p, program)));
    }
}
