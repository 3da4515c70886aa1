package io.cdctest.pipeline;

import io.cdctest.env.DatabaseServer;
import java.util.List;

/**
 * The databases a pipeline replicates between, ready: the tables exist on both sides and the
 * initial data is loaded on the source.
 *
 * @param tables the tables the pipeline replicates
 */
public record Databases(DatabaseServer source, String sourceDatabase, DatabaseServer target, String targetDatabase,
                        List<String> tables) {
}
