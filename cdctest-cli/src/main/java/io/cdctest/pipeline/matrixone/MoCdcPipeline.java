package io.cdctest.pipeline.matrixone;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.pipeline.ComponentStatus;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.ready.Readiness;
import io.cdctest.ready.Wait;
import io.cdctest.spec.Component;
import io.cdctest.spec.Engine;
import io.cdctest.sql.JdbcEndpoint;
import io.cdctest.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MatrixOne's native CDC ({@code CREATE CDC}) from a MatrixOne source to a MatrixOne or MySQL
 * sink: a PITR covering the source, the task, waits on its state and watermarks, pause / resume /
 * restart, and teardown in order (task, PITR, the sink database it created). Built to
 * matrixone.md §1 and §8.
 */
final class MoCdcPipeline implements Pipeline, Pipeline.TargetLayout, Pipeline.CatchUp, Pipeline.Actions, Pipeline.Plan {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** PAUSE and RESUME are taken asynchronously, 3-7 s later on 4.2.0. */
    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);
    static final List<String> ACTIONS = List.of("pause_cdc", "resume_cdc", "restart_cdc", "check_cdc_status");

    private final PipelineContext context;
    private final CdcConfig cdc;
    private final boolean mysqlSink;
    private final String task;
    private final String pitr;
    private final List<String> journal = new ArrayList<>();
    private MoSession source;
    private Databases databases;
    private String taskId;
    /** Server time when the task was created: its first snapshot covers every row loaded before. */
    private Instant created;
    private MoMetrics metrics;

    MoCdcPipeline(PipelineContext context, boolean mysqlSink) {
        this.context = context;
        this.cdc = context.scenario().settings(CdcConfig.class);
        this.mysqlSink = mysqlSink;
        this.task = "cdctest_" + context.runId();
        this.pitr = "cdctest_pitr_" + context.runId();
    }

    /**
     * The sink creates the tables; they take the database's character set, which cdctest makes utf8mb4
     * (a MySQL sink's default may be latin1: matrixone.md §0).
     */
    @Override
    public TargetPreparation targetPreparation() {
        return TargetPreparation.DATABASE;
    }

    @Override
    public void start(Databases databases) {
        this.databases = databases;
        source = new MoSession(databases.source().endpoint(), journal::add);
        if (!source.version().hasLeveledCdc()) {
            throw CdctestException.environment("source MatrixOne " + source.version() + " at "
                    + source.endpoint().address() + " has no CREATE CDC with levels; cdctest needs 2.1.0 or later");
        }
        if (mysqlSink) {
            MysqlSinkPreflight.check(databases.target().endpoint());
        }
        if (cdc.level().equals("account") && sameAccount(databases)) {
            throw CdctestException.config(context.scenario().file() + ": cdc_config.level account copies every database "
                    + "under its own name: the target must be another account or cluster");
        }
        metrics = new MoMetrics(cdc.metricsUrl() != null ? cdc.metricsUrl() : databases.source().metricsUrl()
                .orElse("http://" + databases.source().endpoint().host() + ":7001/metrics"));
        if (!metrics.reachable()) {
            org.slf4j.LoggerFactory.getLogger(MoCdcPipeline.class).info("MatrixOne metrics at {} do not answer: a table "
                    + "error MatrixOne cannot record is seen only at the timeout (cdc_config.metrics_url)", metrics.url());
            metrics = null;
        }
        created = source.serverTime(Instant.now());
        for (String sql : setup(databases, source.version(), true)) {
            source.execute(sql);
        }
        taskId = source.queryOne(source.sys() ? "SELECT task_id FROM mo_catalog.mo_cdc_task WHERE task_name = "
                + MoSql.literal(task) : MoSql.showCdcTask(task));
        awaitState("running", START_TIMEOUT);
        io.cdctest.pipeline.TargetTables.await(databases.target().endpoint(), databases.targetDatabase(), databases.tables(),
                context.scaled(START_TIMEOUT), this::failure, "CDC task " + task);
    }

    private boolean sameAccount(Databases d) {
        JdbcEndpoint s = d.source().endpoint();
        JdbcEndpoint t = d.target().endpoint();
        return s.address().equals(t.address()) && java.util.Objects.equals(s.account(), t.account());
    }

    /** The setup statements; with {@code reveal} false the URIs' passwords are masked (plans). */
    List<String> setup(Databases d, MoVersion version, boolean reveal) {
        JdbcEndpoint s = d.source().endpoint();
        JdbcEndpoint t = d.target().endpoint();
        String sourceUri = MoUri.of(s.account(), s.user(), s.password(),
                cdc.sourceHost() != null ? cdc.sourceHost() : d.source().internalHost(),
                cdc.sourcePort() != null ? cdc.sourcePort() : d.source().internalPort());
        io.cdctest.env.net.Address sink = context.links().address(MoLinks.SINK,
                cdc.sinkHost() != null ? cdc.sinkHost() : d.target().internalHost(),
                cdc.sinkPort() != null ? cdc.sinkPort() : d.target().internalPort());
        String sinkUri = MoUri.of(t.account(), t.user(), sinkPassword(d), sink.host(), sink.port());
        if (!reveal) {
            sourceUri = MoUri.redacted(sourceUri);
            sinkUri = MoUri.redacted(sinkUri);
        }
        String pitrStatement = cdc.level().equals("account") ? MoSql.createAccountPitr(pitr, cdc.pitrHours())
                : MoSql.createPitr(pitr, d.sourceDatabase(), cdc.pitrHours());
        return List.of(pitrStatement, MoSql.createCdc(task, sourceUri, mysqlSink ? "mysql" : "matrixone", sinkUri,
                MoSql.mapping(cdc.level(), d.sourceDatabase(), d.targetDatabase(), d.tables()),
                MoSql.options(version, cdc.level(), cdc.options())));
    }

    /**
     * The password MatrixOne dials the sink with. Its URI cannot carry an empty one ({@code invalid uri
     * format}): a server that lets any password in gets a placeholder, any other needs a password.
     */
    private io.cdctest.spec.Secret sinkPassword(Databases d) {
        io.cdctest.spec.Secret password = d.target().endpoint().password();
        if (!password.isEmpty()) {
            return password;
        }
        if (d.target().acceptsAnyPassword()) {
            return new io.cdctest.spec.Secret("cdctest");
        }
        throw CdctestException.config(context.scenario().target().origin() + ": target.password: MatrixOne cannot dial a "
                + "sink user without a password (its CDC sink URI needs one); give " + d.target().endpoint().loginUser()
                + " at " + d.target().endpoint().address() + " a password");
    }

    List<String> teardown(Databases d) {
        return List.of(MoSql.dropCdcTask(task), MoSql.dropPitr(pitr),
                "-- on the target: DROP DATABASE IF EXISTS " + Sql.quote(d.targetDatabase()));
    }

    @Override
    public List<String> plan(Databases d) {
        List<String> plan = new ArrayList<>();
        plan.add("-- on the source, as " + d.source().endpoint().loginUser() + ": SELECT version(); needs 2.1.0+");
        plan.addAll(setup(d, MoVersion.DEFAULT, false));
        plan.add("-- wait: " + MoSql.showCdcTask(task) + " until state = running");
        plan.add("-- caught up: " + (d.source().endpoint().account() == null ? MoSql.watermarks(task) : MoSql.showCdcTask(task))
                + "; every table's watermark at or past the last source write, no err_msg");
        plan.add("-- pause_cdc: " + MoSql.pauseCdcTask(task) + "; resume_cdc: " + MoSql.resumeCdcTask(task)
                + "; restart_cdc: " + MoSql.restartCdcTask(task));
        plan.addAll(teardown(d));
        return plan;
    }

    /** Waits until the task is in {@code state}; fails at once when it fails. */
    private void awaitState(String state, Duration limit) {
        awaitState(state, limit, true);
    }

    /** @param failFast whether a failed task or table ends the wait (not when stopping it anyway) */
    private void awaitState(String state, Duration limit, boolean failFast) {
        Wait.until("MatrixOne CDC task " + task, "reach state " + state).atMost(context.scaled(limit)).on(() -> {
            CdcProgress p = progress();
            Optional<String> failure = failFast ? p.failure() : Optional.empty();
            return failure.isPresent() ? Readiness.failed(failure.get())
                    : state.equalsIgnoreCase(p.state()) ? Readiness.ready() : Readiness.waiting("state " + p.state());
        });
    }

    /**
     * Asks for a state change and waits until it is taken. MatrixOne refuses a change while the
     * previous one is pending ({@code status can not be change, now it is PauseRequested}): the
     * request is repeated until it is accepted.
     */
    private void changeState(String sql, String state) {
        changeState(sql, state, true);
    }

    private void changeState(String sql, String state, boolean failFast) {
        Wait.until("MatrixOne", "accept " + sql).atMost(context.scaled(STATE_TIMEOUT))
                .on(Readiness.condition(() -> source.executeUnless(sql, MoSql::isPendingStateChange),
                        () -> "a previous state change is still pending (state " + progress().state() + ")"));
        awaitState(state, STATE_TIMEOUT, failFast);
    }

    /** The task's state, error and per-table watermarks: from mo_catalog as sys, else from SHOW CDC TASK. */
    CdcProgress progress() {
        if (source.sys()) {
            List<String[]> rows = source.query(MoSql.watermarks(task));
            if (!rows.isEmpty()) {
                List<CdcProgress.TableProgress> tables = new ArrayList<>();
                for (String[] r : rows) {
                    tables.add(new CdcProgress.TableProgress(r[2], r[3], CdcProgress.watermark(r[4]), r[5]));
                }
                return new CdcProgress(rows.get(0)[0], rows.get(0)[1], List.copyOf(tables));
            }
        }
        List<String> names = source.columns(MoSql.showCdcTask(task));
        List<String[]> rows = source.query(MoSql.showCdcTask(task));
        if (rows.isEmpty()) {
            return new CdcProgress("missing", "no CDC task " + task, List.of());
        }
        String[] r = rows.get(0);
        return CdcProgress.fromShowCdc(r[names.indexOf("state")], r[names.indexOf("err_msg")], r[names.indexOf("checkpoint")]);
    }

    @Override
    public Optional<String> behind(Instant lastWrite) {
        if (source == null) {
            return Optional.empty();
        }
        Instant written = source.serverTime(lastWrite);
        return progress().behind(databases.tables(), written.isAfter(created) ? written : created);
    }

    @Override
    public Optional<String> failure() {
        if (source == null) {
            return Optional.empty();
        }
        Optional<String> failure = progress().failure();
        if (failure.isPresent() || metrics == null || taskId == null) {
            return failure;
        }
        List<String> stopped = metrics.stoppedTables(taskId);
        return stopped.isEmpty() ? Optional.empty() : Optional.of("MatrixOne stopped replicating " + String.join(", ", stopped)
                + " on a non-retryable error (mo_cdc_table_non_retryable_error at " + metrics.url() + "); its message is "
                + "not in mo_cdc_watermark (MatrixOne loses messages over 256 characters there): see the MatrixOne log");
    }

    /** The task's state for check_subscription_status, judged as check_cdc_status judges it. */
    @Override
    public io.cdctest.pipeline.PipelineState state() {
        CdcProgress p = progress();
        return new io.cdctest.pipeline.PipelineState("CDC task " + task, p.state(), failure());
    }

    @Override
    public String act(String action) {
        switch (action) {
            case "pause_cdc" -> changeState(MoSql.pauseCdcTask(task), "paused");
            case "resume_cdc" -> changeState(MoSql.resumeCdcTask(task), "running");
            case "restart_cdc" -> changeState(MoSql.restartCdcTask(task), "running");
            case "check_cdc_status" -> {
                CdcProgress p = progress();
                Optional<String> failure = p.failure();
                if (failure.isPresent() || !"running".equalsIgnoreCase(p.state())) {
                    throw new CdctestException(ExitCode.FAILED, "CDC task " + task + " is " + p.state()
                            + failure.map(f -> ": " + f).orElse(""));
                }
                return "task " + task + " running, " + p.tables().size() + " table(s) with watermarks";
            }
            default -> throw Pipeline.Actions.undeclared(action);
        }
        return action + ": task " + task + " now " + progress().state();
    }

    @Override
    public ComponentStatus status(Component component) {
        return new ComponentStatus(component, false, "a MatrixOne CDC pipeline has no " + component.id()
                + "; use check_cdc_status");
    }

    @Override
    public List<String> describe() {
        return List.of("MatrixOne CDC task " + task + " (" + MoSql.showCdcTask(task) + "), PITR " + pitr,
                "statements run: " + String.join("; ", journal));
    }

    @Override
    public void close() {
        if (source == null) {
            return;
        }
        try {
            stopBeforeDrop();
            source.executeTolerating(MoSql.dropCdcTask(task), MoSql::isNoSuchTask);
            source.executeTolerating(MoSql.dropPitr(pitr), m -> m != null && m.contains("not exist"));
        } catch (CdctestException e) {
            org.slf4j.LoggerFactory.getLogger(MoCdcPipeline.class).warn("teardown of {}: {}", task, e.getMessage());
        } finally {
            source.close();
            dropTargetDatabase();
        }
    }

    /**
     * Pauses a running task and waits until it is paused: a task dropped while running leaves its
     * mo_cdc_watermark rows behind (its workers write them again after the drop deleted them; MatrixOne
     * removes such orphans only every 5 minutes).
     */
    private void stopBeforeDrop() {
        try {
            String state = progress().state();
            if (state.equalsIgnoreCase("missing") || state.equalsIgnoreCase("paused") || state.equalsIgnoreCase("failed")) {
                return;
            }
            if (!state.equalsIgnoreCase("pausing")) {
                changeState(MoSql.pauseCdcTask(task), "paused", false);
            } else {
                awaitState("paused", STATE_TIMEOUT, false);
            }
        } catch (CdctestException e) {
            org.slf4j.LoggerFactory.getLogger(MoCdcPipeline.class).warn("pausing {} before dropping it: {}", task, e.getMessage());
        }
    }

    /** The sink created the target database; the run owns it (its name carries the run id). */
    private void dropTargetDatabase() {
        if (databases == null || !databases.targetDatabase().endsWith("_" + context.runId())) {
            return;
        }
        try (Connection c = databases.target().endpoint().withDatabase(null).connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + Sql.quote(databases.targetDatabase()));
        } catch (SQLException | CdctestException e) {
            org.slf4j.LoggerFactory.getLogger(MoCdcPipeline.class).warn("cannot drop {}: {}", databases.targetDatabase(),
                    e.getMessage());
        }
    }
}
