package io.cdctest.pipeline;

import io.cdctest.CdctestException;
import io.cdctest.spec.Component;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Step;
import io.cdctest.spec.TestCase;
import io.cdctest.spec.load.MapReader;
import io.cdctest.spec.load.Names;
import io.cdctest.spec.load.TestSuiteLoader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks the pipeline actions testcases name (any action the harness does not know: {@code pause_cdc},
 * {@code check_cdc_status}, ...) against those the scenario's pipeline declares
 * ({@link PipelineFactory#actions}), before anything starts: a step the pipeline cannot run is a
 * configuration error naming file, line and action, not a failure halfway through a run; when no
 * pipeline kind has it (a misspelling), with the nearest action the harness or the pipeline knows.
 * The parts {@code fault} steps break are checked against the factory's {@link PipelineFactory#faultTargets}:
 * a testcase file is shared by scenarios, so a part the pipeline lacks skips the testcase at run time,
 * and here it is a warning saying so.
 */
public final class ActionCheck {
    private ActionCheck() {
    }

    public static void check(Scenario scenario, List<TestCase> testcases) {
        List<String> actions = Pipelines.factory(scenario.type()).actions();
        undeclared(testcases, actions).ifPresent(a -> {
            String meant = everyKinds().contains(a.action()) ? ""
                    : Names.closest(a.action(), known(actions)).map(c -> "did you mean '" + c + "'? ").orElse("");
            throw CdctestException.config(a.origin() + ": action: " + a.action() + ": the " + scenario.type()
                    + " pipeline has no such step (" + meant
                    + (actions.isEmpty() ? "it has no pipeline actions" : "its actions: " + String.join(", ", actions)) + ")");
        });
    }

    /**
     * For a testcase file checked without a scenario: every pipeline action it names must be one
     * that some registered pipeline kind declares.
     */
    public static void checkAnyPipeline(List<TestCase> testcases) {
        List<String> actions = everyKinds();
        undeclared(testcases, actions).ifPresent(a -> {
            throw CdctestException.config(a.origin() + ": action: unknown action '" + a.action() + "'"
                    + MapReader.suggestion(a.action(), known(actions)));
        });
    }

    /** The first pipeline action of the testcases that is not among {@code declared}. */
    private static Optional<Step.PipelineAction> undeclared(List<TestCase> testcases, List<String> declared) {
        return testcases.stream().flatMap(t -> t.steps().stream())
                .map(s -> s instanceof Step.ExpectFailure x ? x.step() : s)
                .filter(s -> s instanceof Step.PipelineAction a && !declared.contains(a.action()))
                .map(Step.PipelineAction.class::cast).findFirst();
    }

    /** The actions of every registered pipeline kind. */
    private static List<String> everyKinds() {
        return Pipelines.all().stream().flatMap(f -> f.actions().stream()).distinct().toList();
    }

    /** The harness's actions and the pipeline's: what a misspelt action may have meant. */
    private static Set<String> known(List<String> declared) {
        Set<String> known = new LinkedHashSet<>(TestSuiteLoader.ACTIONS);
        known.addAll(declared);
        return known;
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
