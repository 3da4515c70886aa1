package io.cdctest.run.junit;

import io.cdctest.report.Status;
import io.cdctest.report.TestcaseResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

/** Each cdctest testcase of the current execution as one dynamic JUnit test. */
@ExtendWith(CdcTestcases.ExecutionResolver.class)
public class CdcTestcases {

    @TestFactory
    Stream<DynamicTest> testcases(SuiteExecution execution) {
        return execution.testcases().stream().map(tc -> DynamicTest.dynamicTest(tc.id() + " " + tc.name(), () -> {
            TestcaseResult result = execution.execute(tc);
            if (result.status() == Status.FAILED) {
                throw new AssertionFailedError(result.message());
            }
            if (result.status() == Status.ERROR) {
                throw new IllegalStateException(result.message());
            }
            if (result.status() == Status.SKIPPED) {
                throw new org.opentest4j.TestAbortedException(result.message());
            }
        }));
    }

    /** Gives the test factory the execution named by the launcher's configuration parameter. */
    public static final class ExecutionResolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SuiteExecution.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            String id = context.getConfigurationParameter(SuiteExecution.PARAMETER)
                    .orElseThrow(() -> new IllegalStateException("missing " + SuiteExecution.PARAMETER));
            return SuiteExecution.lookup(id);
        }
    }
}
