package io.cdctest.spec.load;

import io.cdctest.spec.Origin;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A YAML document as a small tree that remembers where every value was written. Loaders read
 * from this tree, never from untyped maps, so every error can name file, line and key.
 */
sealed interface YNode {
    Origin origin();

    /** A human name of the node's kind, for "expected a map, got a list" messages. */
    String kind();

    record YMap(LinkedHashMap<String, YEntry> entries, Origin origin) implements YNode {
        public String kind() {
            return "a map";
        }
    }

    record YEntry(String key, Origin keyOrigin, YNode value) {
    }

    record YList(List<YNode> items, Origin origin) implements YNode {
        public String kind() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is null for YAML null (~, empty). {@code quoted} marks explicit strings. */
    record YScalar(String text, boolean quoted, Origin origin) implements YNode {
        public String kind() {
            return text == null ? "nothing" : "'" + text + "'";
        }
    }
}
