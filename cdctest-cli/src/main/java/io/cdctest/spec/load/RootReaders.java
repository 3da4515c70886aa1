package io.cdctest.spec.load;

import io.cdctest.spec.load.YNode.YMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * How a loader reads the top of its files: {@link MapReader}s that share its {@code ${VAR}}
 * interpolation, where its warnings go, and one catalog of every key its readers have known
 * (path.key), for the configuration reference test.
 */
final class RootReaders {
    private final Interpolator interpolator;
    private final Consumer<String> warnings;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    RootReaders(Interpolator interpolator, Consumer<String> warnings) {
        this.interpolator = interpolator;
        this.warnings = warnings;
    }

    /** A reader of a file's top-level map. */
    MapReader of(YMap root) {
        return new MapReader(root, "", interpolator, warnings, keys);
    }

    /** The keys of the model read so far (path.key, list indices dropped). */
    Set<String> keysRead() {
        return Set.copyOf(keys);
    }
}
