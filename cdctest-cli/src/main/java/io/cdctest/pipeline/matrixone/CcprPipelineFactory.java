package io.cdctest.pipeline.matrixone;

import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;
import io.cdctest.preflight.Check;
import io.cdctest.spec.Endpoint;
import io.cdctest.spec.Engine;
import io.cdctest.spec.PipelineSettings;
import io.cdctest.spec.Provision;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.load.PipelineBlocks;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** {@code scenario_type: cross_cluster}: MatrixOne CCPR, publication upstream, subscription downstream. */
public final class CcprPipelineFactory implements PipelineFactory {
    @Override
    public String identifier() {
        return "cross_cluster";
    }

    @Override
    public String description() {
        return "MatrixOne -> publication / CCPR subscription -> MatrixOne (another account or cluster)";
    }

    @Override
    public Set<String> keys() {
        return CdcConfigLoader.KEYS;
    }

    /**
     * MatrixOne at both ends; in one cluster, another account downstream (a subscription keeps the
     * upstream database's name); {@code cdc_config}.
     */
    @Override
    public PipelineSettings read(PipelineBlocks scenario) {
        CdcConfig config = CdcConfigLoader.read(scenario, e -> e == Engine.MATRIXONE, "matrixone");
        Endpoint s = scenario.source();
        Endpoint t = scenario.target();
        if (s.provision() == Provision.EXTERNAL && s.address().equals(t.address()) && Objects.equals(s.account(), t.account())) {
            throw scenario.error(t, "account", "CCPR in one cluster needs the target in another account: a subscription "
                    + "keeps the upstream database's name");
        }
        return config;
    }

    @Override
    public Pipeline create(PipelineContext context) {
        return new CcprPipeline(context);
    }

    @Override
    public List<String> actions() {
        return CcprPipeline.ACTIONS;
    }

    /** The subscription's connection to the upstream, which the downstream MatrixOne dials. */
    @Override
    public List<io.cdctest.env.net.Link> links(Scenario scenario) {
        return List.of(MoLinks.upstream().unroutableBecause(MoLinks.unroutable(scenario, scenario.target())));
    }

    /** Both clusters: MatrixOne 4.0.0+ (CCPR exists from 4.0.0-rc1). */
    @Override
    public List<Check> preflight(Scenario scenario, JdbcEndpoint endpoint, Connection c) throws SQLException {
        return endpoint.engine() != Engine.MATRIXONE ? List.of()
                : List.of(MoPreflight.version(endpoint, c, MoVersion.of(4, 0, 0), "CCPR"));
    }
}
