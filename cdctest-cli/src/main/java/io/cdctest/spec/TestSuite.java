package io.cdctest.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A testcase file: named groups of testcase ids and the testcases themselves. */
public record TestSuite(Path file, String name, String description, Map<String, List<String>> groups,
                        List<TestCase> testcases) {

    /** The testcases of a group in the group's order; all testcases for a null group. */
    public List<TestCase> select(String group) {
        if (group == null) {
            return testcases;
        }
        List<TestCase> selected = new ArrayList<>();
        for (String id : groups.getOrDefault(group, List.of())) {
            testcases.stream().filter(tc -> tc.id().equals(id)).findFirst().ifPresent(selected::add);
        }
        return selected;
    }
}
