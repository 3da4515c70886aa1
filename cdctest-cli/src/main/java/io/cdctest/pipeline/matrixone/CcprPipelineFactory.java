package io.cdctest.pipeline.matrixone;

import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;

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
}
