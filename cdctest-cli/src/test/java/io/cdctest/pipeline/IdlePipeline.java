package io.cdctest.pipeline;

import io.cdctest.spec.Component;
import java.util.List;
import java.util.Optional;

/**
 * A pipeline that runs nothing, for tests of what the run asks a pipeline: starting and closing do
 * nothing, every component is up, nothing has failed. A test's double extends it with the
 * capabilities it answers.
 */
public class IdlePipeline implements Pipeline {
    @Override
    public void start(Databases databases) {
    }

    @Override
    public ComponentStatus status(Component component) {
        return new ComponentStatus(component, true, "up");
    }

    @Override
    public Optional<String> failure() {
        return Optional.empty();
    }

    @Override
    public List<String> describe() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
