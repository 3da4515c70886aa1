package io.cdctest.pipeline.matrixone;

import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;
import io.cdctest.preflight.Check;
import io.cdctest.spec.Engine;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.PipelineSettings;
import io.cdctest.spec.Side;
import io.cdctest.spec.load.PipelineBlocks;
import io.cdctest.sql.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** {@code scenario_type: mo_to_mo}: MatrixOne native CDC into MatrixOne ({@link ToMysql}: into MySQL). */
public class MoCdcPipelineFactory implements PipelineFactory {
    private final String identifier;
    private final String sink;
    private final boolean mysqlSink;

    public MoCdcPipelineFactory() {
        this("mo_to_mo", "MatrixOne", false);
    }

    private MoCdcPipelineFactory(String identifier, String sink, boolean mysqlSink) {
        this.identifier = identifier;
        this.sink = sink;
        this.mysqlSink = mysqlSink;
    }

    /** {@code scenario_type: mo_to_mysql}: MatrixOne native CDC into MySQL. */
    public static final class ToMysql extends MoCdcPipelineFactory {
        public ToMysql() {
            super("mo_to_mysql", "MySQL", true);
        }
    }

    @Override
    public String identifier() {
        return identifier;
    }

    @Override
    public String description() {
        return "MatrixOne -> CREATE CDC -> " + sink;
    }

    @Override
    public Set<String> keys() {
        return CdcConfigLoader.KEYS;
    }

    /** A MatrixOne source (CREATE CDC runs there) and a sink of the kind this factory names; {@code cdc_config}. */
    @Override
    public PipelineSettings read(PipelineBlocks scenario) {
        return CdcConfigLoader.read(scenario, e -> mysqlSink != (e == Engine.MATRIXONE),
                mysqlSink ? "mysql (or mariadb)" : "matrixone");
    }

    @Override
    public Pipeline create(PipelineContext context) {
        return new MoCdcPipeline(context, mysqlSink);
    }

    /** The source: MatrixOne 2.1.0+ (leveled CDC, PITR) and PITRs in reach; a MySQL sink: UTC and privileges. */
    @Override
    public List<Check> preflight(Scenario scenario, JdbcEndpoint endpoint, Connection c) throws SQLException {
        if (endpoint.is(Side.SOURCE) && endpoint.engine() == Engine.MATRIXONE) {
            return List.of(MoPreflight.version(endpoint, c, MoVersion.of(2, 1, 0), "CREATE CDC with levels"),
                    MoPreflight.pitr(endpoint, c));
        }
        if (endpoint.is(Side.TARGET) && endpoint.engine() == Engine.MATRIXONE && !mysqlSink) {
            return List.of(MoPreflight.version(endpoint, c, MoVersion.of(2, 1, 0), "CDC sink"));
        }
        if (endpoint.is(Side.TARGET) && mysqlSink) {
            return MysqlSinkPreflight.checks(endpoint, c);
        }
        return List.of();
    }

    @Override
    public List<String> actions() {
        return MoCdcPipeline.ACTIONS;
    }

    /** The task's connection to its sink, which the source MatrixOne dials. */
    @Override
    public List<io.cdctest.env.net.Link> links(Scenario scenario) {
        return List.of(MoLinks.sink().unroutableBecause(MoLinks.unroutable(scenario, scenario.source())));
    }
}
