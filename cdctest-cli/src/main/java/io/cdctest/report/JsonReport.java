package io.cdctest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdctest.check.ColumnDifference;
import io.cdctest.check.RowDifference;
import io.cdctest.check.TableComparison;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The machine-readable summary of a run ({@code summary.json}). The layout is versioned by
 * {@code schema_version}; fields are only added within a version. Durations are in seconds.
 */
public final class JsonReport {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        JSON.writeValue(file.toFile(), tree(report));
    }

    static ObjectNode tree(RunReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("run_id", r.runId());
        root.put("scenario", r.scenario());
        root.put("scenario_type", r.scenarioType());
        root.put("scenario_file", String.valueOf(r.scenarioFile()));
        root.put("suite", r.suite());
        root.put("testcase_file", String.valueOf(r.testcaseFile()));
        root.put("group", r.group());
        root.put("started", r.started().toString());
        root.put("duration_s", seconds(r.duration()));
        root.put("exit_code", r.exitCode().code());
        root.put("result", r.exitCode().meaning());
        if (r.setupError() != null) {
            root.put("setup_error", r.setupError());
        }
        ObjectNode counts = root.putObject("counts");
        for (Status status : Status.values()) {
            counts.put(status.name().toLowerCase(java.util.Locale.ROOT), r.count(status));
        }
        ObjectNode phases = root.putObject("phases_s");
        r.phases().forEach((phase, d) -> phases.put(phase, seconds(d)));
        ObjectNode logs = root.putObject("logs");
        r.logs().forEach((name, path) -> logs.put(name, path.toString()));
        ObjectNode lag = root.putObject("lag_ms");
        ObjectNode lagTables = lag.putObject("tables");
        r.lag().tables().forEach((table, stats) -> lagTables.set(table, lag(stats)));
        ArrayNode lagSteps = lag.putArray("steps");
        r.lag().steps().forEach(s -> lagSteps.addObject().put("step", s.step()).put("table", s.table())
                .setAll(lag(s.stats())));
        if (!r.metrics().isEmpty()) {
            root.set("metrics", MetricsSection.json(r.metrics(), r.started()));
        }
        ArrayNode testcases = root.putArray("testcases");
        for (TestcaseResult t : r.testcases()) {
            ObjectNode tc = testcases.addObject();
            tc.put("id", t.id());
            tc.put("name", t.name());
            tc.put("status", t.status().name());
            tc.put("duration_s", seconds(t.duration()));
            if (t.message() != null) {
                tc.put("message", t.message());
            }
            ArrayNode steps = tc.putArray("steps");
            for (StepResult s : t.steps()) {
                ObjectNode step = steps.addObject();
                step.put("index", s.index());
                step.put("action", s.action());
                step.put("where", s.where());
                step.put("status", s.status().name());
                step.put("duration_s", seconds(s.duration()));
                step.put("detail", s.detail());
            }
            ArrayNode tables = tc.putArray("tables");
            t.comparisons().forEach(c -> tables.add(table(c)));
        }
        return root;
    }

    private static ObjectNode lag(io.cdctest.check.LagProbe.Stats stats) {
        ObjectNode o = JSON.createObjectNode();
        o.put("keys", stats.keys()).put("p50", stats.p50()).put("p95", stats.p95()).put("max", stats.max())
                .put("not_reflected", stats.unseen()).put("not_sampled", stats.notSampled());
        ObjectNode buckets = o.putObject("distribution");
        long[] bounds = io.cdctest.check.LagProbe.BUCKETS;
        for (int i = 0; i <= bounds.length; i++) {
            buckets.put(i < bounds.length ? "le_" + bounds[i] : "gt_" + bounds[bounds.length - 1], stats.distribution()[i]);
        }
        return o;
    }

    private static ObjectNode table(TableComparison c) {
        ObjectNode t = JSON.createObjectNode();
        t.put("table", c.table());
        t.put("equal", c.equal());
        t.put("source_rows", c.sourceRows());
        t.put("target_rows", c.targetRows());
        t.put("differences", c.differences());
        t.put("method", c.method().id());
        ArrayNode problems = t.putArray("schema_problems");
        c.schemaProblems().forEach(problems::add);
        ArrayNode samples = t.putArray("samples");
        for (RowDifference d : c.samples()) {
            ObjectNode row = samples.addObject();
            row.put("kind", d.kind().id());
            ObjectNode key = row.putObject("key");
            for (int i = 0; i < d.key().columns().size(); i++) {
                key.put(d.key().columns().get(i), d.key().values().get(i));
            }
            if (d instanceof RowDifference.Different different) {
                ArrayNode columns = row.putArray("columns");
                for (ColumnDifference col : different.columns()) {
                    columns.addObject().put("column", col.column()).put("source", col.source()).put("target", col.target());
                }
            }
        }
        return t;
    }

    private static double seconds(java.time.Duration d) {
        return d.toMillis() / 1000.0;
    }
}
