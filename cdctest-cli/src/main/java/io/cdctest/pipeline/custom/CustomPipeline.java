package io.cdctest.pipeline.custom;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.EventCheck;
import io.cdctest.check.FilterEffects;
import io.cdctest.check.KeyHistory;
import io.cdctest.check.TableComparison;
import io.cdctest.env.Environment;
import io.cdctest.format.WireFormat;
import io.cdctest.pipeline.ComponentStatus;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.kafka.KafkaLeg;
import io.cdctest.ready.Readiness;
import io.cdctest.ready.Wait;
import io.cdctest.spec.Component;
import io.cdctest.spec.Delivery;
import io.cdctest.sql.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic adapter: a platform cdctest does not know, driven through the scenario's hooks.
 * {@code setup} and {@code start} run in order (a background command is ready before the next hook
 * runs), then the status hook must report running. During the testcases the status hook and the
 * background commands are watched: a failed state ends the waiting step with the platform's own
 * message. {@code stop} and {@code teardown} always run, in that order, each followed by stopping
 * the background commands its stage started. The Kafka leg, when declared, is audited like Flink CDC's.
 */
final class CustomPipeline implements Pipeline, Pipeline.TargetLayout, Pipeline.CatchUp, Pipeline.Actions, Pipeline.Locate,
        Pipeline.Audit, Pipeline.Plan {
    private static final Logger LOG = LoggerFactory.getLogger(CustomPipeline.class);
    /** The pipeline actions testcases may name: the platform's status hook asked on demand. */
    static final List<String> ACTIONS = List.of("check_cdc_status");

    private final PipelineContext context;
    private final CustomSpec spec;
    private final KafkaLeg kafka;
    private final List<BackgroundCommand> setupServices = new ArrayList<>();
    private final List<BackgroundCommand> startServices = new ArrayList<>();
    private Databases databases;
    private HookRunner runner;
    private PlatformStatus status;
    private boolean setupReached;
    private boolean startReached;
    private volatile boolean closing;

    CustomPipeline(PipelineContext context) {
        this.context = context;
        this.spec = context.scenario().settings(CustomSpec.class);
        CustomSpec.KafkaLeg leg = spec.kafka();
        this.kafka = leg == null ? null : new KafkaLeg(context, leg.topic() + "_" + context.runId(),
                leg.group() + "_" + context.runId(), WireFormat.byId(leg.format()).orElseThrow(),
                spec.links().values().stream().filter(l -> l.to().equals("kafka")).map(CustomSpec.Link::name).toList());
    }

    @Override
    public void prepare() {
        if (kafka != null) {
            kafka.prepare();
        }
    }

    @Override
    public TargetPreparation targetPreparation() {
        return spec.createTargetTables() ? TargetPreparation.DATABASE_AND_TABLES : TargetPreparation.NOTHING;
    }

    @Override
    public void start(Databases databases) {
        this.databases = databases;
        if (kafka != null) {
            kafka.start(databases);
        }
        Environment env = context.environment();
        Path workDir = env.workDir("custom");
        Templates templates = RunValues.templates(context, spec, databases, kafka, workDir);
        runner = new HookRunner(templates, RunValues.environment(context, spec, databases, kafka, workDir), spec.baseDir(),
                workDir, env.log("hooks"));
        status = spec.hooks().status() == null ? null
                : new PlatformStatus(spec.hooks().status(), runner, context.scenario().validation().checkInterval());
        Duration startTimeout = context.scaled(spec.startTimeout());
        setupReached = true;
        runStage("setup", spec.hooks().setup(), setupServices, startTimeout);
        startReached = true;
        runStage("start", spec.hooks().start(), startServices, startTimeout);
        if (status != null) {
            awaitRunning(startTimeout);
        }
    }

    private void runStage(String stage, List<CustomSpec.Hook> hooks, List<BackgroundCommand> services, Duration timeout) {
        for (CustomSpec.Hook hook : hooks) {
            if (hook instanceof CustomSpec.Command c && c.background()) {
                BackgroundCommand service = BackgroundCommand.start(stage, c, runner, context.environment().workDir("custom"),
                        context.environment().log(c.name()));
                services.add(service);
                service.awaitReady(timeout, spec.startupGrace());
            } else {
                runner.run(stage, hook);
            }
        }
    }

    /** Until the status hook reports running; a failed state, or no running state in time, is an environment error. */
    private void awaitRunning(Duration timeout) {
        Wait.until("the platform", "start").atMost(timeout).hint("hooks log: " + context.environment().log("hooks"))
                .on(status.readiness().and(Readiness.unbroken(this::services)));
    }

    private Optional<String> services() {
        for (List<BackgroundCommand> list : List.of(setupServices, startServices)) {
            for (BackgroundCommand service : list) {
                Optional<String> failure = service.failure();
                if (failure.isPresent()) {
                    return failure;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> failure() {
        if (closing || runner == null) {
            return Optional.empty();
        }
        Optional<String> broken = kafka == null ? Optional.empty() : kafka.failure();
        broken = broken.or(this::services);
        if (broken.isPresent() || status == null) {
            return broken;
        }
        PlatformStatus.State state = status.current();
        if (state.kind() == PlatformStatus.Kind.FAILED) {
            return Optional.of(state.describe());
        }
        if (state.kind() == PlatformStatus.Kind.UNANSWERED && status.errorsInARow() >= PlatformStatus.ERRORS_IN_A_ROW) {
            return Optional.of("the status hook failed " + status.errorsInARow() + " times in a row: " + state.value());
        }
        return Optional.empty();
    }

    /** A platform that says it is (re)starting has not caught up: data is compared once it runs again. */
    @Override
    public Optional<String> behind(Instant lastWrite) {
        if (status == null || closing) {
            return Optional.empty();
        }
        PlatformStatus.State state = status.current();
        return state.kind() == PlatformStatus.Kind.STARTING ? Optional.of(state.describe()) : Optional.empty();
    }

    /** Producer and consumer are the platform as a whole: its status hook and its background commands. */
    @Override
    public ComponentStatus status(Component component) {
        if (component == Component.KAFKA) {
            return kafka == null ? new ComponentStatus(component, false, "the scenario declares no Kafka leg (custom.kafka)")
                    : kafka.status();
        }
        if (runner == null) {
            return new ComponentStatus(component, false, "not started");
        }
        Optional<String> broken = services();
        if (broken.isPresent()) {
            return new ComponentStatus(component, false, broken.get());
        }
        List<String> parts = new ArrayList<>();
        boolean healthy = true;
        if (status != null) {
            PlatformStatus.State state = status.ask();
            healthy = state.kind() == PlatformStatus.Kind.RUNNING;
            parts.add(state.describe());
        }
        startServices.forEach(s -> parts.add(s.describe()));
        if (kafka != null && component == Component.CONSUMER) {
            parts.add("consumer group " + kafka.group() + kafka.lag());
        }
        return new ComponentStatus(component, healthy, parts.isEmpty() ? "no status hook; the start hooks succeeded"
                : String.join("; ", parts));
    }

    /** The platform's state: its status hook's value (running, starting, or the platform's own word), failed on a failure. */
    @Override
    public io.cdctest.pipeline.PipelineState state() {
        String subject = "the platform";
        Optional<String> failure = failure();
        if (failure.isPresent() || status == null || closing) {
            return new io.cdctest.pipeline.PipelineState(subject, failure.isPresent() ? "failed" : "running", failure);
        }
        PlatformStatus.State state = status.current();
        String word = switch (state.kind()) {
            case RUNNING -> "running";
            case STARTING -> "starting ('" + state.value() + "')";
            case UNANSWERED -> "unanswered (" + state.value() + ")";
            default -> state.value();
        };
        return new io.cdctest.pipeline.PipelineState(subject, word, Optional.empty());
    }


    @Override
    public String act(String action) {
        if (!ACTIONS.contains(action)) {
            throw Pipeline.Actions.undeclared(action);
        }
        ComponentStatus platform = status(Component.PRODUCER);
        if (!platform.healthy()) {
            throw new CdctestException(ExitCode.FAILED, "the platform is not running: " + platform.detail());
        }
        return platform.detail();
    }

    @Override
    public List<String> locate(TableComparison comparison, int limit) {
        return kafka == null ? List.of() : kafka.locate(comparison, limit);
    }

    @Override
    public Optional<EventCheck> audit(List<ComparisonPlan> plans, KeyHistory history) {
        // after a fault on one of its links the platform may send again what it sent (a worker that reconnects
        // and resumes from its last position): duplicates are counted and tolerated, as after a producer fault
        boolean linkFaulted = context.links().everFaulted(spec.links().keySet().toArray(String[]::new));
        return kafka == null ? Optional.empty() : kafka.audit(plans, history, p -> FilterEffects.NONE,
                linkFaulted ? io.cdctest.spec.Delivery.AT_LEAST_ONCE : spec.kafka().delivery(),
                "custom.kafka.delivery", false);
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (kafka != null) {
            lines.add(kafka.describe());
        }
        setupServices.forEach(s -> lines.add(s.describe()));
        startServices.forEach(s -> lines.add(s.describe()));
        lines.add("hooks log: " + context.environment().log("hooks"));
        return lines;
    }

    @Override
    public List<String> plan(Databases databases) {
        return RunValues.plan(context, spec, databases, kafka);
    }

    /** Stop hooks, then what start left running; teardown hooks, then what setup left running; then Kafka. */
    @Override
    public void close() {
        closing = true;
        if (startReached) {
            undo("stop", spec.hooks().stop(), startServices);
        }
        if (setupReached) {
            undo("teardown", spec.hooks().teardown(), setupServices);
        }
        if (!spec.createTargetTables()) {
            dropTargetDatabase();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private void undo(String stage, List<CustomSpec.Hook> hooks, List<BackgroundCommand> services) {
        for (CustomSpec.Hook hook : hooks) {
            try {
                if (hook instanceof CustomSpec.Command c && c.background()) {
                    throw runner.failure(stage, hook, "a " + stage + " hook cannot run in the background");
                }
                runner.run(stage, hook);
            } catch (CdctestException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
    }

    /** The platform created the run's target database: cdctest drops it (only a run-scoped one). */
    private void dropTargetDatabase() {
        if (databases == null || !databases.targetDatabase().endsWith("_" + context.runId())) {
            return;
        }
        try (Connection c = databases.target().endpoint().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + Sql.quote(databases.targetDatabase()));
        } catch (SQLException e) {
            LOG.warn("cannot drop {}: {}", databases.targetDatabase(), Sql.firstLine(e));
        }
    }
}
