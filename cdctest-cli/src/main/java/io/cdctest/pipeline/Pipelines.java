package io.cdctest.pipeline;

import io.cdctest.CdctestException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registered pipeline kinds, by scenario_type. */
public final class Pipelines {
    private static final Map<String, PipelineFactory> FACTORIES = load();

    private Pipelines() {
    }

    private static Map<String, PipelineFactory> load() {
        Map<String, PipelineFactory> factories = new TreeMap<>();
        ServiceLoader.load(PipelineFactory.class).forEach(f -> factories.put(f.identifier(), f));
        return factories;
    }

    public static java.util.Set<String> types() {
        return FACTORIES.keySet();
    }

    /** Every registered factory, by scenario_type: what the scenario loader reads scenarios with. */
    public static java.util.Collection<PipelineFactory> all() {
        return FACTORIES.values();
    }

    /** The scenario's pipeline, with its {@code metrics:} recorded when it declares them. */
    public static Pipeline create(PipelineContext context) {
        Pipeline pipeline = factory(context.scenario().type()).create(context);
        return context.scenario().metrics() == null ? pipeline
                : new io.cdctest.pipeline.metrics.MeteredPipeline(pipeline, context.scenario().metrics());
    }

    public static PipelineFactory factory(String type) {
        PipelineFactory factory = FACTORIES.get(type);
        if (factory == null) {
            throw CdctestException.config("no pipeline for scenario_type '" + type + "' (known: "
                    + String.join(", ", FACTORIES.keySet()) + ")");
        }
        return factory;
    }
}
