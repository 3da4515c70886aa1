package io.cdctest.pipeline.metrics;

import io.cdctest.pipeline.ComponentStatus;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineState;
import io.cdctest.spec.Component;
import io.cdctest.spec.MetricsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Any pipeline with the scenario's {@code metrics:}: its Prometheus endpoint is scraped from the
 * pipeline's start to its close, the lag series (below {@code caught_up_below}) join the pipeline's
 * own caught-up signal ({@link Pipeline.CatchUp}), and the recorded series go to the reports
 * ({@link Pipeline.Metrics}). Every other capability is the pipeline's own; MeteredPipelineTest
 * checks that every method of the core is passed on.
 */
public final class MeteredPipeline implements Pipeline {
    private final Pipeline pipeline;
    private final MetricsRecorder recorder;

    public MeteredPipeline(Pipeline pipeline, MetricsSpec metrics) {
        this.pipeline = pipeline;
        this.recorder = new MetricsRecorder(metrics);
    }

    @Override
    public void prepare() {
        pipeline.prepare();
    }

    @Override
    public void start(Databases databases) {
        recorder.start(); // also while the pipeline starts: a slow start shows in the series
        pipeline.start(databases);
    }

    @Override
    public ComponentStatus status(Component component) {
        return pipeline.status(component);
    }

    @Override
    public Optional<String> failure() {
        return pipeline.failure();
    }

    @Override
    public PipelineState state() {
        return pipeline.state();
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>(pipeline.describe());
        lines.add("metrics: " + recorder.result().endpoint());
        return lines;
    }

    /** The recorded series, and a caught-up signal that asks the pipeline's own first, then the lag series. */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == Pipeline.Metrics.class) {
            return Optional.of(type.cast((Pipeline.Metrics) recorder::result));
        }
        if (type == Pipeline.CatchUp.class) {
            Pipeline.CatchUp own = Pipeline.CatchUp.of(pipeline);
            return Optional.of(type.cast((Pipeline.CatchUp) lastWrite -> own.behind(lastWrite).or(recorder::behind)));
        }
        return pipeline.capability(type);
    }

    /** A last scrape while the pipeline still runs, then the pipeline. */
    @Override
    public void close() {
        try {
            recorder.close();
        } finally {
            pipeline.close();
        }
    }
}
