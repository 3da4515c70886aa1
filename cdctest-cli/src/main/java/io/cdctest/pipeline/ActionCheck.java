package io.cdctest.pipeline;

import io.cdctest.CdctestException;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Step;
import io.cdctest.spec.TestCase;
import java.util.List;

/**
 * Checks the pipeline actions testcases name ({@code pause_cdc}, {@code check_cdc_status}, ...)
 * against those the scenario's pipeline declares ({@link PipelineFactory#actions}), before anything
 * starts: a step the pipeline cannot run is a configuration error naming file, line and action,
 * not a failure halfway through a run.
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
}
