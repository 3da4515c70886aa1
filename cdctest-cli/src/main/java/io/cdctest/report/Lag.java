package io.cdctest.report;

import io.cdctest.check.LagProbe;
import java.util.List;
import java.util.Map;

/**
 * Replication lag measured during a run: per table (every followed key of every write step) and
 * per step and table. Milliseconds from the end of a step's writes until the target row equals
 * the source row.
 */
public record Lag(Map<String, LagProbe.Stats> tables, List<LagProbe.StepLag> steps) {
    public static final Lag NONE = new Lag(Map.of(), List.of());
}
