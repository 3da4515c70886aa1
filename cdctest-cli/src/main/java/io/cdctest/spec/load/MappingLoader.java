package io.cdctest.spec.load;

import io.cdctest.CdctestException;
import io.cdctest.spec.TableMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a table-mapping file for {@code cdctest diff --mapping}:
 * <pre>
 * tables:
 *   - source: shop_*.orders_*          # several sharded source tables ...
 *     target: dw.orders                # ... into one target table
 *     source_database_column: src_db   # target columns naming where a row came from
 *     source_table_column: src_table
 *     exclude: [updated_at]
 *     where: "amount > 0"
 * </pre>
 */
public final class MappingLoader {
    private final RootReaders readers;

    public MappingLoader(Interpolator interpolator, Consumer<String> warnings) {
        this.readers = new RootReaders(interpolator, warnings);
    }

    /** The keys of the model this loader has read so far (path.key, list indices dropped). */
    Set<String> keysRead() {
        return readers.keysRead();
    }

    public List<TableMapping> load(Path file) {
        MapReader r = readers.of(YamlTrees.readFile(file));
        List<TableMapping> mappings = new ArrayList<>();
        for (MapReader m : r.maps("tables")) {
            mappings.add(mapping(m));
        }
        r.finish();
        if (mappings.isEmpty()) {
            throw r.missing("tables");
        }
        return mappings;
    }

    static TableMapping mapping(MapReader m) {
        String source = m.requiredString("source");
        String target = m.string("target", null);
        List<String> columns = m.stringList("columns");
        List<String> exclude = m.stringList("exclude");
        String where = m.string("where", null);
        String sourceDb = m.string("source_database_column", null);
        String sourceTable = m.string("source_table_column", null);
        m.finish();
        boolean pattern = source.contains("*") || source.contains("?");
        if (pattern && target == null) {
            throw CdctestException.config(m.origin() + ": " + m.path() + ": a source pattern needs a target table");
        }
        return new TableMapping(source, target, columns, exclude, where, sourceDb, sourceTable, m.origin(), false);
    }
}
