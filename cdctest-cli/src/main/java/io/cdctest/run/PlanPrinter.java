package io.cdctest.run;

import io.cdctest.env.DatabaseServer;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.Pipelines;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Provision;
import io.cdctest.spec.Scenario;
import io.cdctest.sql.JdbcEndpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cdctest plan} / {@code --dry-run}: every statement a scenario's pipeline would run, printed
 * without connecting to anything, so it can be reviewed against the target system. Names carry the
 * placeholder run id {@value #RUN_ID}.
 */
public final class PlanPrinter {
    static final String RUN_ID = "runid";

    private PlanPrinter() {
    }

    public static List<String> plan(Scenario scenario) {
        Pipeline pipeline = Pipelines.factory(scenario.type()).create(new PipelineContext(scenario, null, RUN_ID, 1.0,
                io.cdctest.env.net.Links.none()));
        boolean unique = scenario.data() != null || scenario.source().provision() != Provision.EXTERNAL;
        String sourceDb = unique ? scenario.source().database() + "_" + RUN_ID : scenario.source().database();
        Pipeline.TargetLayout layout = Pipeline.TargetLayout.of(pipeline);
        String targetDb = layout.targetDatabase(sourceDb, unique || scenario.target().provision() != Provision.EXTERNAL
                ? scenario.target().database() + "_" + RUN_ID : scenario.target().database());
        Databases databases = new Databases(new Planned(scenario.source()), sourceDb, new Planned(scenario.target()),
                targetDb, scenario.tables());
        List<String> lines = new ArrayList<>();
        lines.add("-- scenario " + scenario.name() + " (" + scenario.type() + "): " + Pipelines.factory(scenario.type()).description());
        lines.add("-- source " + where(scenario.source()) + " database " + sourceDb + "; target " + where(scenario.target())
                + " database " + targetDb + "; tables " + String.join(", ", scenario.tables()));
        if (scenario.data() != null) {
            lines.add("-- cdctest creates " + sourceDb + " on the source and loads " + scenario.data().rows() + " rows per table "
                    + "(seed " + scenario.data().seed() + ")");
        }
        if (layout.targetPreparation() == Pipeline.TargetPreparation.DATABASE && !targetDb.equals(scenario.target().database())) {
            lines.add("-- cdctest creates the target database: CREATE DATABASE " + io.cdctest.sql.Sql.quote(targetDb)
                    + scenario.target().engine().utf8mb4() + " (the pipeline creates its tables there)");
        }
        List<String> statements = Pipeline.Plan.of(pipeline).plan(databases);
        if (statements.isEmpty()) {
            lines.add("-- " + scenario.type() + " runs no SQL of its own on the databases; it starts Kafka, the producer and "
                    + "the consumer, and cdctest creates the target tables");
        } else {
            statements.forEach(s -> lines.add(s.startsWith("--") ? s : s + ";"));
        }
        return lines;
    }

    private static String where(Endpoint e) {
        return e.engine().id() + " " + (e.provision() == Provision.EXTERNAL ? e.address() : "(" + e.provision().id() + ")");
    }

    /** An endpoint as the scenario describes it; never connected. */
    private record Planned(Endpoint spec) implements DatabaseServer {
        @Override
        public JdbcEndpoint endpoint() {
            return new JdbcEndpoint(spec.role().id(), spec.engine(), spec.provision() == Provision.EXTERNAL ? spec.host()
                    : "<" + spec.provision().id() + " " + spec.role() + ">", spec.port(), spec.user(), spec.password(), null,
                    spec.account(), true);
        }

        @Override
        public boolean isAlive() {
            return false;
        }

        @Override
        public boolean ownedByRun() {
            return false;
        }

        @Override
        public boolean acceptsAnyPassword() {
            return spec.provision() == Provision.EMBEDDED;
        }

        @Override
        public void close() {
            // never started
        }
    }
}
