package io.cdctest.pipeline.metrics;

import io.cdctest.check.ComparisonPlan;
import io.cdctest.check.EventCheck;
import io.cdctest.check.FilterEffects;
import io.cdctest.check.KeyHistory;
import io.cdctest.check.TableComparison;
import io.cdctest.env.Restartable;
import io.cdctest.pipeline.ComponentStatus;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.pipeline.PipelineMetrics;
import io.cdctest.spec.Component;
import io.cdctest.spec.MetricsSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Any pipeline with the scenario's {@code metrics:}: its Prometheus endpoint is scraped from the
 * pipeline's start to its close, the lag series (below {@code caught_up_below}) join the pipeline's
 * own caught-up signal, and the recorded series go to the reports. Everything else is the
 * pipeline's own (MeteredPipelineTest checks that every method is passed on).
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

    /** The pipeline's own signal first, then the lag series. */
    @Override
    public Optional<String> behind(Instant lastWrite) {
        Optional<String> own = pipeline.behind(lastWrite);
        return own.isPresent() ? own : recorder.behind();
    }

    @Override
    public PipelineMetrics metrics() {
        return recorder.result();
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
    public io.cdctest.pipeline.PipelineState state() {
        return pipeline.state();
    }

    @Override
    public List<String> describe() {
        List<String> lines = new java.util.ArrayList<>(pipeline.describe());
        lines.add("metrics: " + recorder.result().endpoint());
        return lines;
    }

    @Override
    public TargetPreparation targetPreparation() {
        return pipeline.targetPreparation();
    }

    @Override
    public String targetDatabase(String sourceDatabase, String configuredWithSuffix) {
        return pipeline.targetDatabase(sourceDatabase, configuredWithSuffix);
    }

    @Override
    public List<String> locate(TableComparison comparison, int limit) {
        return pipeline.locate(comparison, limit);
    }

    @Override
    public FilterEffects filters(ComparisonPlan plan) {
        return pipeline.filters(plan);
    }

    @Override
    public Optional<EventCheck> audit(List<ComparisonPlan> plans, KeyHistory history) {
        return pipeline.audit(plans, history);
    }

    @Override
    public Optional<Restartable> restartable(Component component) {
        return pipeline.restartable(component);
    }

    @Override
    public String act(String action) {
        return pipeline.act(action);
    }

    @Override
    public List<String> plan(Databases databases) {
        return pipeline.plan(databases);
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
