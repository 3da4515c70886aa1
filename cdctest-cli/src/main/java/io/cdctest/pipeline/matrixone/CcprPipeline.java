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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MatrixOne CCPR (cross-cluster physical replication, 4.x): a publication upstream, a subscription
 * downstream ({@code CREATE DATABASE|TABLE|ACCOUNT ... FROM 'uri' acc PUBLICATION p}), its task id
 * from {@code SHOW CCPR SUBSCRIPTIONS}, caught up from its state and watermark, pause / resume, and
 * teardown in the reference's order: subscription, downstream database, publication (§2).
 * Database-level subscriptions keep the upstream database's name, so in one cluster the target must
 * be another account.
 */
final class CcprPipeline implements Pipeline, Pipeline.TargetLayout, Pipeline.CatchUp, Pipeline.Actions, Pipeline.Plan {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** How often the upstream is flushed while a step waits for the subscription. */
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(5);
    static final List<String> ACTIONS = List.of("pause_cdc", "resume_cdc", "check_cdc_status");

    private final PipelineContext context;
    private final CdcConfig cdc;
    private final String publication;
    private final List<String> journal = new ArrayList<>();
    private MoSession upstream;
    private MoSession downstream;
    /** A sys session upstream (flushes need sys): the upstream session itself when that is sys. */
    private MoSession flusher;
    private Databases databases;
    private String taskId;
    private long upstreamAccountId;
    /** Whether the downstream database is the subscription's own: it did not exist before the run subscribed. */
    private boolean createsDownstream;
    private long lastFlush;

    CcprPipeline(PipelineContext context) {
        this.context = context;
        this.cdc = context.scenario().settings(CdcConfig.class);
        this.publication = "cdctest_pub_" + context.runId();
    }

    @Override
    public TargetPreparation targetPreparation() {
        return TargetPreparation.NOTHING;
    }

    @Override
    public String targetDatabase(String sourceDatabase, String configuredWithSuffix) {
        return sourceDatabase;
    }

    /**
     * The publication's ACCOUNT list: as configured, else ALL from sys and {@code sys} from another
     * account (only sys may publish to all; the subscription checks coverage as the sys user of its URI).
     */
    private String subscriberAccounts(JdbcEndpoint source) {
        if (cdc.subscriberAccounts() != null) {
            return cdc.subscriberAccounts();
        }
        return publisherAccount(source).equalsIgnoreCase("sys") ? "ALL" : "sys";
    }

    /** A sys login on the upstream: the source's own, or its {@code sys_user} when the source is a tenant. */
    private JdbcEndpoint upstreamSys(Databases d) {
        JdbcEndpoint s = d.source().endpoint();
        io.cdctest.spec.Endpoint spec = context.scenario().source();
        return !spec.tenant() ? s : new JdbcEndpoint(s.role(), s.engine(), s.host(), s.port(), spec.sysUser(),
                spec.sysPassword(), null, null, s.tls());
    }

    private String publisherAccount(JdbcEndpoint source) {
        if (cdc.publisherAccount() != null) {
            return cdc.publisherAccount();
        }
        return source.account() == null || source.account().isBlank() ? "sys" : source.account();
    }

    @Override
    public void start(Databases databases) {
        this.databases = databases;
        upstream = new MoSession(databases.source().endpoint(), journal::add);
        if (!upstream.version().hasCcpr()) {
            throw CdctestException.environment("upstream MatrixOne " + upstream.version() + " at "
                    + upstream.endpoint().address() + " has no CCPR; it needs 4.0.0 or later");
        }
        downstream = new MoSession(databases.target().endpoint(), journal::add);
        List<String> up = upstreamSetup(databases);
        up.forEach(upstream::execute);
        flusher = upstream.sys() ? upstream : new MoSession(upstreamSys(databases), journal::add);
        upstreamAccountId = upstream.sys() ? 0 : Long.parseLong(flusher.queryOne(
                "SELECT account_id FROM mo_catalog.mo_account WHERE account_name = " + MoSql.literal(upstream.endpoint().account())));
        createsDownstream = downstream.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = "
                + MoSql.literal(databases.sourceDatabase())).isEmpty();
        downstreamSetup(databases, true).forEach(downstream::execute);
        awaitSubscription();
        flushUpstream();
    }

    /**
     * Flushes every table of the published database upstream (index tables included, by table id).
     * CCPR copies only data flushed to storage: each iteration takes a snapshot and waits until the
     * upstream has flushed past it, checking once a minute; MatrixOne itself flushes only when its
     * memory fills or a checkpoint comes, which on a test cluster can take many minutes.
     */
    private void flushUpstream() {
        String where = "account_id = " + upstreamAccountId + (cdc.level().equals("account") ? ""
                : " AND reldatabase = " + MoSql.literal(databases.sourceDatabase()));
        for (String[] id : flusher.query("SELECT rel_id FROM mo_catalog.mo_tables WHERE " + where)) {
            flusher.query("SELECT mo_ctl('dn', 'flush', '" + id[0] + "')");
        }
        lastFlush = System.nanoTime();
    }

    List<String> upstreamSetup(Databases d) {
        return List.of(MoSql.createPublication(publication, cdc.level(), d.sourceDatabase(), d.tables(),
                subscriberAccounts(d.source().endpoint())));
    }

    List<String> downstreamSetup(Databases d, boolean reveal) {
        JdbcEndpoint s = d.source().endpoint();
        io.cdctest.env.net.Address upstreamAt = context.links().address(MoLinks.UPSTREAM,
                cdc.sourceHost() != null ? cdc.sourceHost() : d.source().internalHost(),
                cdc.sourcePort() != null ? cdc.sourcePort() : d.source().internalPort());
        JdbcEndpoint sys = upstreamSys(d); // the subscription logs in as a sys user
        String uri = MoUri.of(null, sys.user(), sys.password(), upstreamAt.host(), upstreamAt.port());
        return MoSql.subscribe(cdc.level(), d.sourceDatabase(), d.tables(), reveal ? uri : MoUri.redacted(uri),
                publisherAccount(s), publication, cdc.syncInterval());
    }

    @Override
    public List<String> plan(Databases d) {
        List<String> plan = new ArrayList<>();
        plan.add("-- upstream, as " + d.source().endpoint().loginUser() + " (a sys user: the subscription logs in with it): "
                + "SELECT version(); needs 4.0.0+");
        plan.addAll(upstreamSetup(d));
        plan.add("-- downstream, as " + d.target().endpoint().loginUser() + " (an admin of the target account):");
        plan.addAll(downstreamSetup(d, false));
        plan.add("-- task id: " + MoSql.showCcprSubscriptions() + " where database_name = '" + d.sourceDatabase() + "'");
        plan.add("-- caught up: " + MoSql.ccprLog("<task id>") + "; state 0, no error_message, watermark at or past the last write");
        plan.add("-- pause_cdc: " + MoSql.pauseCcpr("<task id>") + "; resume_cdc: " + MoSql.resumeCcpr("<task id>"));
        plan.add("-- teardown, downstream: " + MoSql.dropCcpr("<task id>") + "; DROP DATABASE IF EXISTS "
                + Sql.quote(d.sourceDatabase()));
        plan.add("-- teardown, upstream: " + MoSql.dropPublication(publication));
        return plan;
    }

    private void awaitSubscription() {
        Wait.until("the CCPR subscription of " + databases.sourceDatabase(), "start").atMost(context.scaled(START_TIMEOUT))
                .every(Duration.ofSeconds(1)).on(() -> {
                    Optional<String[]> row = subscriptionRow();
                    if (row.isEmpty()) {
                        return Readiness.waiting("no row for it in " + MoSql.showCcprSubscriptions());
                    }
                    taskId = row.get()[0];
                    return progress().failure().<Readiness.Look>map(f -> Readiness.failed("task " + taskId + ": " + f))
                            .orElseGet(Readiness::ready);
                });
    }

    /** The subscription's row of SHOW CCPR SUBSCRIPTIONS: task_id, database_name, table_name, sync_level, state, error_message, watermark. */
    private Optional<String[]> subscriptionRow() {
        List<String> names = downstream.columns(MoSql.showCcprSubscriptions());
        for (String[] r : downstream.query(MoSql.showCcprSubscriptions())) {
            String db = r[names.indexOf("database_name")];
            if (cdc.level().equals("account") ? "account".equalsIgnoreCase(r[names.indexOf("sync_level")])
                    : databases.sourceDatabase().equalsIgnoreCase(db)) {
                String[] row = new String[7];
                String[] wanted = {"task_id", "database_name", "table_name", "sync_level", "state", "error_message", "watermark"};
                for (int i = 0; i < wanted.length; i++) {
                    row[i] = names.contains(wanted[i]) ? r[names.indexOf(wanted[i])] : null;
                }
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** Progress from mo_ccpr_log (as sys, nanosecond watermark) or from SHOW CCPR SUBSCRIPTIONS (seconds). */
    CcprProgress progress() {
        if (downstream.sys()) {
            List<String[]> rows = downstream.query(MoSql.ccprLog(taskId));
            if (!rows.isEmpty()) {
                String[] r = rows.get(0);
                return CcprProgress.of(Integer.parseInt(r[0]), Integer.parseInt(r[1]), r[2] == null ? 0 : Long.parseLong(r[2]), r[3]);
            }
        }
        Optional<String[]> row = subscriptionRow();
        if (row.isEmpty()) {
            return CcprProgress.of(3, 0, 0, "the subscription is gone from SHOW CCPR SUBSCRIPTIONS");
        }
        return fromShow(row.get()[4], row.get()[5], row.get()[6], downstream.zone());
    }

    /** A row of SHOW CCPR SUBSCRIPTIONS; its watermark is local time of the server, in {@code zone}. */
    static CcprProgress fromShow(String state, String error, String watermark, ZoneOffset zone) {
        int code = switch (state == null ? "" : state.toLowerCase(java.util.Locale.ROOT)) {
            case "running" -> 0;
            case "error" -> 1;
            case "pause" -> 2;
            case "dropped" -> 3;
            default -> 1;
        };
        long nanos = 0;
        if (watermark != null && !watermark.isBlank()) {
            Instant at = LocalDateTime.parse(watermark.trim().replace(' ', 'T')).toInstant(zone);
            nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        }
        return CcprProgress.of(code, 0, nanos, error);
    }

    @Override
    public Optional<String> behind(Instant lastWrite) {
        if (downstream == null || taskId == null) {
            return Optional.empty();
        }
        Instant at = upstream.serverTime(lastWrite);
        // flushed while anything is awaited: a watermark past the last write does not mean a table or
        // column created since has been copied (each iteration waits until everything is flushed)
        if (System.nanoTime() - lastFlush > FLUSH_EVERY.toNanos()) {
            flushUpstream();
        }
        return progress().behind(downstream.sys() ? at : at.truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public Optional<String> failure() {
        return downstream == null || taskId == null ? Optional.empty() : progress().failure();
    }

    /** The subscription's state for check_subscription_status, judged as check_cdc_status judges it. */
    @Override
    public io.cdctest.pipeline.PipelineState state() {
        CcprProgress p = progress();
        return new io.cdctest.pipeline.PipelineState("CCPR subscription " + taskId, p.stateName(), p.failure());
    }

    @Override
    public String act(String action) {
        switch (action) {
            case "pause_cdc" -> downstream.execute(MoSql.pauseCcpr(taskId));
            case "resume_cdc" -> downstream.execute(MoSql.resumeCcpr(taskId));
            case "check_cdc_status" -> {
                CcprProgress p = progress();
                if (p.state() != 0 || p.failure().isPresent()) {
                    throw new CdctestException(ExitCode.FAILED, "CCPR subscription " + taskId + " is " + p.stateName()
                            + p.failure().map(f -> ": " + f).orElse(""));
                }
                return "subscription " + taskId + " running, watermark " + p.watermark();
            }
            default -> throw Pipeline.Actions.undeclared(action);
        }
        return action + ": subscription " + taskId + " now " + progress().stateName();
    }

    @Override
    public ComponentStatus status(Component component) {
        return new ComponentStatus(component, false, "a CCPR pipeline has no " + component.id()
                + "; use check_cdc_status");
    }

    @Override
    public List<String> describe() {
        return List.of("CCPR publication " + publication + ", subscription " + taskId + " ("
                + MoSql.showCcprSubscriptions() + " on the target)", "statements run: " + String.join("; ", journal));
    }

    @Override
    public void close() {
        try {
            if (downstream != null) {
                if (taskId != null) {
                    downstream.executeTolerating(MoSql.dropCcpr(taskId), m -> true);
                }
                // the run's subscription created it (it did not exist before)
                if (databases != null && !cdc.level().equals("account") && createsDownstream) {
                    downstream.executeTolerating("DROP DATABASE IF EXISTS " + Sql.quote(databases.sourceDatabase()), m -> true);
                }
            }
            if (upstream != null) {
                upstream.executeTolerating(MoSql.dropPublication(publication), m -> true);
            }
        } finally {
            if (downstream != null) {
                downstream.close();
            }
            if (flusher != null && flusher != upstream) {
                flusher.close();
            }
            if (upstream != null) {
                upstream.close();
            }
        }
    }
}
