package io.cdctest.pipeline.matrixone;

import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;
import io.cdctest.preflight.Check;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Scenario;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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
    public Pipeline create(PipelineContext context) {
        return new CcprPipeline(context);
    }

    @Override
    public List<String> actions(Scenario scenario) {
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
