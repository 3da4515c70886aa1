package io.cdctest.pipeline;

import io.cdctest.CdctestException;
import io.cdctest.spec.Component;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Step;
import io.cdctest.spec.TestCase;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks the pipeline actions testcases name ({@code pause_cdc}, {@code check_cdc_status}, ...)
 * against those the scenario's pipeline declares ({@link PipelineFactory#actions}), before anything
 * starts: a step the pipeline cannot run is a configuration error naming file, line and action,
 * not a failure halfway through a run. The parts {@code fault} steps break are checked against the
 * factory's {@link PipelineFactory#faultTargets}: a testcase file is shared by scenarios, so a part
 * the pipeline lacks skips the testcase at run time, and here it is a warning saying so.
 */
public final class ActionCheck {
    private ActionCheck() {
    }

    public static void check(Scenario scenario, List<TestCase> testcases) {
        List<String> actions = Pipelines.factory(scenario.type()).actions(scenario);
        for (TestCase testcase : testcases) {
            for (Step step : testcase.steps()) {
                Step inner = step instanceof Step.ExpectFailure x ? x.step() : step;
                if (inner instanceof Step.PipelineAction a && !actions.contains(a.action())) {
                    throw CdctestException.config(a.origin() + ": action: " + a.action() + ": the " + scenario.type()
                            + " pipeline has no such step (" + (actions.isEmpty() ? "it has no pipeline actions"
                            : "its actions: " + String.join(", ", actions)) + ")");
                }
            }
        }
    }

    /** One warning per testcase that breaks a part of the pipeline the scenario's pipeline does not have. */
    public static void faultTargets(Scenario scenario, List<TestCase> testcases, Consumer<String> warnings) {
        List<Component> parts = Pipelines.factory(scenario.type()).faultTargets(scenario);
        for (TestCase testcase : testcases) {
            testcase.steps().stream().map(s -> s instanceof Step.ExpectFailure x ? x.step() : s)
                    .filter(s -> s instanceof Step.Fault f && f.component() instanceof Component c && !parts.contains(c))
                    .map(Step.Fault.class::cast).findFirst()
                    .ifPresent(f -> warnings.accept(f.origin() + ": fault: the " + scenario.type() + " pipeline has no "
                            + f.component().id() + " to break (" + (parts.isEmpty() ? "it has none that fault steps break"
                            : "its parts: " + String.join(", ", parts.stream().map(Component::id).toList()))
                            + "); testcase " + testcase.id() + " will be skipped"));
        }
    }
}
