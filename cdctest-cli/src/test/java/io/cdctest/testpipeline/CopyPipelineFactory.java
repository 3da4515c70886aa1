package io.cdctest.testpipeline;

import io.cdctest.env.net.Link;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;
import io.cdctest.spec.Component;
import io.cdctest.spec.Engine;
import io.cdctest.spec.PipelineSettings;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.load.MapReader;
import io.cdctest.spec.load.PipelineBlocks;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A pipeline kind known only to the tests ({@code scenario_type: test_copy}), registered from the test
 * class path ({@code src/test/resources/META-INF/services}), in a package of its own: everything the
 * loader, {@code cdctest validate} and the registry do with it, they do without knowing it. Its block:
 *
 * <pre>
 * copy:
 *   tables: [orders]      # required
 *   every: 2s             # how often it would copy
 * </pre>
 */
public final class CopyPipelineFactory implements PipelineFactory {

    /** The kind's settings, as {@link #read} makes them: the scenario sees only {@link #tables()}. */
    public record CopySettings(List<String> tables, Duration every) implements PipelineSettings {
    }

    @Override
    public String identifier() {
        return "test_copy";
    }

    @Override
    public String description() {
        return "a test-only pipeline that copies rows with SQL";
    }

    @Override
    public Set<String> keys() {
        return Set.of("copy");
    }

    /** {@code copy:} (required) and the engines it joins: MySQL or MariaDB at both ends. */
    @Override
    public PipelineSettings read(PipelineBlocks scenario) {
        scenario.requireEngine(scenario.source(), e -> e == Engine.MYSQL || e == Engine.MARIADB, "mysql or mariadb");
        scenario.requireEngine(scenario.target(), e -> e == Engine.MYSQL || e == Engine.MARIADB, "mysql or mariadb");
        MapReader copy = scenario.block("copy").orElseThrow(() -> scenario.missing("copy"));
        List<String> tables = copy.stringList("tables");
        Duration every = copy.duration("every", Duration.ofSeconds(1));
        copy.finish();
        if (tables.isEmpty()) {
            throw copy.missing("tables");
        }
        return new CopySettings(tables, every);
    }

    /** Two of the MatrixOne pipelines' names, and one of its own, run by {@link CopyPipeline#act}. */
    @Override
    public List<String> actions() {
        return CopyPipeline.ACTIONS;
    }

    @Override
    public List<Link> links(Scenario scenario) {
        return List.of(Link.of("copier_target", "copier", "target", "the rows copied").asMain());
    }

    @Override
    public List<Component> faultTargets(Scenario scenario) {
        return List.of(Component.CONSUMER);
    }

    @Override
    public Pipeline create(PipelineContext context) {
        return new CopyPipeline(context.scenario().settings(CopySettings.class));
    }
}
