package io.cdctest.pipeline.flinkcdc;

import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineContext;
import io.cdctest.pipeline.PipelineFactory;

/** {@code scenario_type: flink_cdc}: MySQL/MariaDB → Flink CDC → Kafka → consumer → target. */
public final class FlinkCdcPipelineFactory implements PipelineFactory {
    @Override
    public String identifier() {
        return "flink_cdc";
    }

    @Override
    public String description() {
        return "MySQL/MariaDB -> Flink CDC -> Kafka -> consumer -> MySQL/MariaDB/MatrixOne";
    }

    @Override
    public Pipeline create(PipelineContext context) {
        return new FlinkCdcPipeline(context);
    }
}
