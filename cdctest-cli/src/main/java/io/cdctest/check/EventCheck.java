package io.cdctest.check;

import java.util.List;

/**
 * The result of auditing a pipeline's record of the changes against what the harness wrote.
 *
 * @param summary  one line of figures ("2,140 events of 1,050 keys: none lost, 0 duplicates")
 * @param problems what does not match, one line each; empty when all does
 */
public record EventCheck(String summary, List<String> problems) {
    public boolean passed() {
        return problems.isEmpty();
    }
}
