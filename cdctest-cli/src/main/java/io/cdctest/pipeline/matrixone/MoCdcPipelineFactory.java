package io.cdctest.pipeline.matrixone;

import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;

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
    }
}
