package io.cdctest.run;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run: what the command line said beyond the scenario and testcases.
 *
 * @param reportDir    where reports and component logs go
 * @param timeoutScale factor applied to every timeout
 * @param keepEnv      leave the environment up after the testcases until Ctrl-C
 */
public record RunOptions(Path reportDir, double timeoutScale, boolean keepEnv, List<String> overrides) {
}
