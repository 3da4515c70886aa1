package io.cdctest.spec;

import java.util.List;

/**
 * The {@code data:} block: the catalog tables the harness creates on the source and fills before
 * the pipeline starts (so the snapshot is tested as well as the increments).
 *
 * @param createIndexes also create the fulltext and vector indexes after loading
 * @param sql           statements run on the source first (connected to the run's source database), for
 *                      tables the generator does not make, such as shards in several databases
 * @param avoid         values the generator leaves out, by name ({@code data.avoid}): known bugs of the
 *                      pipeline under test, steered around visibly
 */
public record DataSpec(List<String> tables, int rows, long seed, boolean createIndexes, List<String> sql,
                       java.util.Set<io.cdctest.generate.Avoid> avoid) {
}
