package io.cdctest.pipeline;

/**
 * Makes pipelines of one kind. A new kind is a new package with a factory registered in
 * {@code META-INF/services/io.cdctest.pipeline.PipelineFactory}; nothing else changes.
 */
public interface PipelineFactory {

    /** The scenario_type this factory serves. */
    String identifier();

    /** One line for {@code cdctest list}. */
    String description();

    Pipeline create(PipelineContext context);
}
