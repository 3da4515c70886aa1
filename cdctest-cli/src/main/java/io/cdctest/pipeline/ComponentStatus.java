package io.cdctest.pipeline;

import io.cdctest.spec.Component;

/** What a pipeline says about one of its components: healthy or not, and why. */
public record ComponentStatus(Component component, boolean healthy, String detail) {
}
