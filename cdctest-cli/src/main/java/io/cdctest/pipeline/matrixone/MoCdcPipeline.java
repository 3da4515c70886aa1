package io.cdctest.pipeline.matrixone;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import io.cdctest.pipeline.ComponentStatus;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.spec.CdcConfig;
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
final class MoCdcPipeline implements Pipeline {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final List<String> ACTIONS = List.of("pause_cdc", "resume_cdc", "restart_cdc", "check_cdc_status");

    private final PipelineContext context;
    private final CdcConfig cdc;
    private final boolean mysqlSink;
    private final String task;
    private final String pitr;
    private final List<String> journal = new ArrayList<>();
    private MoSession source;
    private Databases databases;

    MoCdcPipeline(PipelineContext context, boolean mysqlSink) {
        this.context = context;
        this.cdc = context.scenario().cdcConfig();
        this.mysqlSink = mysqlSink;
        this.task = "cdctest_" + context.runId();
        this.pitr = "cdctest_pitr_" + context.runId();
        Engine source = context.scenario().source().engine();
        Engine target = context.scenario().target().engine();
        if (source != Engine.MATRIXONE) {
            throw CdctestException.config(context.scenario().file() + ": scenario_type " + context.scenario().type()
                    + " needs source.type: matrixone");
        }
        if (mysqlSink == (target == Engine.MATRIXONE)) {
            throw CdctestException.config(context.scenario().file() + ": scenario_type " + context.scenario().type()
                    + " needs target.type: " + (mysqlSink ? "mysql (or mariadb)" : "matrixone"));
        }
    }

    /** A MySQL sink's tables take the database's character set (matrixone.md §0): cdctest makes it utf8mb4. */
    @Override
    public TargetPreparation targetPreparation() {
        return mysqlSink ? TargetPreparation.DATABASE : TargetPreparation.NOTHING;
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
        for (String sql : setup(databases, source.version(), true)) {
            source.execute(sql);
        }
        awaitRunning();
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
        String sinkUri = MoUri.of(t.account(), t.user(), t.password(),
                cdc.sinkHost() != null ? cdc.sinkHost() : d.target().internalHost(),
                cdc.sinkPort() != null ? cdc.sinkPort() : d.target().internalPort());
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

    private void awaitRunning() {
        Duration timeout = context.scaled(START_TIMEOUT);
        try {
            org.awaitility.Awaitility.await().alias("CDC task " + task + " running").atMost(timeout).pollInSameThread()
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        CdcProgress p = progress();
                        Optional<String> failure = p.failure();
                        if (failure.isPresent()) {
                            throw CdctestException.environment("MatrixOne CDC task " + task + " failed to start: " + failure.get());
                        }
                        return "running".equalsIgnoreCase(p.state());
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw CdctestException.environment("MatrixOne CDC task " + task + " was not running within "
                    + timeout.toSeconds() + " s (state " + progress().state() + ")", e);
        }
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
        return source == null ? Optional.empty() : progress().behind(databases.tables(), source.serverTime(lastWrite));
    }

    @Override
    public Optional<String> failure() {
        return source == null ? Optional.empty() : progress().failure();
    }

    /** The task's state for check_subscription_status, judged as check_cdc_status judges it. */
    @Override
    public io.cdctest.pipeline.PipelineState state() {
        CdcProgress p = progress();
        return new io.cdctest.pipeline.PipelineState("CDC task " + task, p.state(), p.failure());
    }

    @Override
    public List<String> actions() {
        return ACTIONS;
    }

    @Override
    public String act(String action) {
        switch (action) {
            case "pause_cdc" -> source.execute(MoSql.pauseCdcTask(task));
            case "resume_cdc" -> source.execute(MoSql.resumeCdcTask(task));
            case "restart_cdc" -> source.execute(MoSql.restartCdcTask(task));
            case "check_cdc_status" -> {
                CdcProgress p = progress();
                Optional<String> failure = p.failure();
                if (failure.isPresent() || !"running".equalsIgnoreCase(p.state())) {
                    throw new CdctestException(ExitCode.FAILED, "CDC task " + task + " is " + p.state()
                            + failure.map(f -> ": " + f).orElse(""));
                }
                return "task " + task + " running, " + p.tables().size() + " table(s) with watermarks";
            }
            default -> throw CdctestException.config("scenario type " + context.scenario().type()
                    + " does not support the step " + action + " (supported: " + String.join(", ", ACTIONS) + ")");
        }
        return action + ": task " + task + " now " + progress().state();
    }

    @Override
    public ComponentStatus status(Component component) {
        return new ComponentStatus(component, false, "a MatrixOne CDC pipeline has no " + component.name().toLowerCase()
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
            source.executeTolerating(MoSql.dropCdcTask(task), MoSql::isNoSuchTask);
            source.executeTolerating(MoSql.dropPitr(pitr), m -> m != null && m.contains("not exist"));
        } catch (CdctestException e) {
            org.slf4j.LoggerFactory.getLogger(MoCdcPipeline.class).warn("teardown of {}: {}", task, e.getMessage());
        } finally {
            source.close();
            dropTargetDatabase();
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
