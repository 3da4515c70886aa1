package io.cdctest.run.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.cdctest.report.TestcaseResult;
import io.cdctest.spec.TestCase;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Executes testcases through the JUnit Platform Launcher, each testcase a dynamic test, with a
 * listener for live progress. The results carry the step-level detail the reports need.
 */
public final class JunitSuiteRunner {
    private JunitSuiteRunner() {
    }

    /**
     * @param started  told the testcase name when a testcase starts
     * @param finished told every result as soon as its testcase ends
     */
    public static List<TestcaseResult> run(List<TestCase> testcases, Function<TestCase, TestcaseResult> executor,
                                           Consumer<String> started, Consumer<TestcaseResult> finished) {
        SuiteExecution execution = new SuiteExecution(testcases, executor);
        execution.register();
        AtomicReference<Throwable> containerFailure = new AtomicReference<>();
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(CdcTestcases.class))
                    .configurationParameter(SuiteExecution.PARAMETER, execution.id())
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .build();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false)
                    .build());
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionStarted(TestIdentifier test) {
                    if (test.isTest()) {
                        started.accept(test.getDisplayName());
                    }
                }

                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (test.isTest()) {
                        List<TestcaseResult> results = execution.results();
                        if (!results.isEmpty()) {
                            finished.accept(results.get(results.size() - 1));
                        }
                    } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                        result.getThrowable().ifPresent(containerFailure::set);
                    }
                }
            });
            if (containerFailure.get() != null) {
                throw new IllegalStateException("JUnit could not run the testcases: " + containerFailure.get(),
                        containerFailure.get());
            }
            return execution.results();
        } finally {
            execution.unregister();
        }
    }
}
