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

/** {@code scenario_type: mo_to_mo}: MatrixOne native CDC into MatrixOne. */
public final class MoCdcPipelineFactory implements PipelineFactory {
    @Override
    public String identifier() {
        return "mo_to_mo";
    }

    @Override
    public String description() {
        return "MatrixOne -> CREATE CDC -> MatrixOne";
    }

    @Override
    public Pipeline create(PipelineContext context) {
        return new MoCdcPipeline(context, false);
    }

    @Override
    public List<Check> preflight(Scenario scenario, JdbcEndpoint endpoint, Connection c) throws SQLException {
        return checks(endpoint, c, false);
    }

    /** The task's connection to its sink, which the source MatrixOne dials. */
    @Override
    public List<io.cdctest.env.net.Link> links(Scenario scenario) {
        return List.of(MoLinks.sink().unroutableBecause(MoLinks.unroutable(scenario, scenario.source())));
    }

    /** The source: MatrixOne 2.1.0+ (leveled CDC, PITR) and PITRs in reach; a MySQL sink: UTC and privileges. */
    static List<Check> checks(JdbcEndpoint endpoint, Connection c, boolean mysqlSink) throws SQLException {
        if (endpoint.role().equals("source") && endpoint.engine() == Engine.MATRIXONE) {
            return List.of(MoPreflight.version(endpoint, c, MoVersion.of(2, 1, 0), "CREATE CDC with levels"),
                    MoPreflight.pitr(endpoint, c));
        }
        if (endpoint.role().equals("target") && endpoint.engine() == Engine.MATRIXONE && !mysqlSink) {
            return List.of(MoPreflight.version(endpoint, c, MoVersion.of(2, 1, 0), "CDC sink"));
        }
        if (endpoint.role().equals("target") && mysqlSink) {
            return MysqlSinkPreflight.checks(endpoint, c);
        }
        return List.of();
    }

    /** {@code scenario_type: mo_to_mysql}: MatrixOne native CDC into MySQL. */
    public static final class ToMysql implements PipelineFactory {
        @Override
        public String identifier() {
            return "mo_to_mysql";
        }

        @Override
        public String description() {
            return "MatrixOne -> CREATE CDC -> MySQL";
        }

        @Override
        public Pipeline create(PipelineContext context) {
            return new MoCdcPipeline(context, true);
        }

        @Override
        public List<Check> preflight(Scenario scenario, JdbcEndpoint endpoint, Connection c) throws SQLException {
            return checks(endpoint, c, true);
        }

        @Override
        public List<io.cdctest.env.net.Link> links(Scenario scenario) {
            return List.of(MoLinks.sink().unroutableBecause(MoLinks.unroutable(scenario, scenario.source())));
        }
    }
}
