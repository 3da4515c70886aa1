package io.cdctest.run.junit;

import io.cdctest.report.TestcaseResult;
import io.cdctest.spec.TestCase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The testcases of one run handed to the JUnit Platform: the launcher only carries an id in a
 * configuration parameter, the test factory looks the execution up by it.
 */
public final class SuiteExecution {
    static final String PARAMETER = "cdctest.execution";
    private static final Map<String, SuiteExecution> ACTIVE = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final List<TestCase> testcases;
    private final Function<TestCase, TestcaseResult> executor;
    private final List<TestcaseResult> results = new CopyOnWriteArrayList<>();

    SuiteExecution(List<TestCase> testcases, Function<TestCase, TestcaseResult> executor) {
        this.testcases = testcases;
        this.executor = executor;
    }

    String id() {
        return id;
    }

    List<TestCase> testcases() {
        return testcases;
    }

    List<TestcaseResult> results() {
        return List.copyOf(results);
    }

    TestcaseResult execute(TestCase testcase) {
        TestcaseResult result = executor.apply(testcase);
        results.add(result);
        return result;
    }

    void register() {
        ACTIVE.put(id, this);
    }

    void unregister() {
        ACTIVE.remove(id);
    }

    static SuiteExecution lookup(String id) {
        SuiteExecution execution = ACTIVE.get(id);
        if (execution == null) {
            throw new IllegalStateException("no cdctest suite execution " + id);
        }
        return execution;
    }
}
