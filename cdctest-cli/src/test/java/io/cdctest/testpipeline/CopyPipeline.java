package io.cdctest.testpipeline;

import io.cdctest.pipeline.ComponentStatus;
import io.cdctest.pipeline.Databases;
import io.cdctest.pipeline.Pipeline;
import io.cdctest.spec.Component;
import java.util.List;
import java.util.Optional;

/**
 * The test-only pipeline ({@link CopyPipelineFactory}): it reaches nothing and copies nothing, but runs
 * the actions its factory declares, {@code copy_now} among them, a step name the harness has never
 * heard of, and counts the copies asked for.
 */
final class CopyPipeline implements Pipeline, Pipeline.Actions {
    static final List<String> ACTIONS = List.of("pause_cdc", "resume_cdc", "copy_now");

    private final CopyPipelineFactory.CopySettings settings;
    private int copies;

    CopyPipeline(CopyPipelineFactory.CopySettings settings) {
        this.settings = settings;
    }

    @Override
    public void start(Databases databases) {
    }

    @Override
    public ComponentStatus status(Component component) {
        return new ComponentStatus(component, true, "copies " + settings.tables() + " every " + settings.every());
    }

    @Override
    public Optional<String> failure() {
        return Optional.empty();
    }

    @Override
    public String act(String action) {
        return switch (action) {
            case "copy_now" -> "copied " + String.join(", ", settings.tables()) + " (copy " + ++copies + ")";
            case "pause_cdc" -> "copying paused";
            case "resume_cdc" -> "copying resumed";
            default -> throw Pipeline.Actions.undeclared(action);
        };
    }

    @Override
    public List<String> describe() {
        return List.of("nothing to reach");
    }

    @Override
    public void close() {
    }
}
