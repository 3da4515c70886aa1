package io.cdctest.spec;

import java.util.List;

/**
 * The {@code data:} block: the catalog tables the harness creates on the source and fills before
 * the pipeline starts (so the snapshot is tested as well as the increments).
 */
public record DataSpec(List<String> tables, int rows, long seed) {
}
